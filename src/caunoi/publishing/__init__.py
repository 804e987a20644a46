"""External information (thông tin đối ngoại): articles with their photos and tags, where they appeared
(placements on the office's channels), and the bulletin (Bản tin Hợp tác – Hữu nghị).

Layering: publishing sits beside `documents`, above `relations` and `aid` (it tags their records); the annual
report reads its figures through `caunoi.publishing.figures`. Writes go through `caunoi.publishing.services`,
each with an explicit keyword-only `actor`.
"""
