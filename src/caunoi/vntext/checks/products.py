"""A count times a unit amount: "trao 150 suất học bổng, mỗi suất trị giá 2 triệu đồng, tổng trị giá 300
triệu đồng"; "200 households received USD 150 each, USD 30,000 in total".

The unit amount is the money figure after *mỗi …* (or before *each*, *per …*); the count is the nearest count
before it in the sentence; the stated product is a later money figure of the same currency after *tổng* or
*total*. The product is compared within the rounding of what is written."""

from __future__ import annotations

import re
from typing import Final

from caunoi.vntext.checks.base import Reading, fits, fmt, unit_text, value, verdict
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding
from caunoi.vntext.reading import half_unit

__all__ = ["check_products"]

_EACH_BEFORE: Final = re.compile(r"(?<!\w)mỗi(?!\w)[^,.;\d]{0,30}$", re.I)
_EACH_AFTER: Final = re.compile(r"\s+(?:each|per\s+\w+)(?!\w)", re.I)
_TOTAL_BEFORE: Final = re.compile(r"(?<!\w)(?:tổng|total|totall?ing)(?!\w)[^,.;\d]{0,25}$", re.I)
_IN_TOTAL_AFTER: Final = re.compile(r"\s+in\s+total(?!\w)", re.I)


def check_products(reading: Reading) -> list[Finding]:
    findings = []
    text = reading.text
    for paragraph in reading.paragraphs:
        for index, unit in enumerate(paragraph.figures):
            if unit.kind != "money" or unit.start in reading.used:
                continue
            if not (
                _EACH_BEFORE.search(text, max(paragraph.start, unit.start - 40), unit.start)
                or _EACH_AFTER.match(text, unit.end)
            ):
                continue
            start, end = paragraph.sentence_of(unit.start)
            count = next(
                (
                    f
                    for f in reversed(paragraph.figures[max(0, index - 8) : index])
                    if f.start >= start and f.kind == "count"
                ),
                None,
            )
            product = next(
                (
                    f
                    for f in paragraph.figures[index + 1 : index + 6]
                    if f.start < end
                    and f.kind == "money"
                    and f.unit == unit.unit
                    and (
                        _TOTAL_BEFORE.search(text, max(unit.end, f.start - 30), f.start)
                        or _IN_TOTAL_AFTER.match(text, f.end)
                    )
                ),
                None,
            )
            if count is None or product is None:
                continue
            findings.append(_finding(reading, count, unit, product))
    return findings


def _finding(reading: Reading, count: Figure, unit: Figure, product: Figure) -> Finding:
    computed = value(count) * value(unit)
    slack = half_unit(unit, reading.lang) * value(count)
    reading.used.update((unit.start, product.start))
    shown = {
        lang: f"{fmt(value(count), lang)} × {fmt(value(unit), lang)} = {fmt(computed, lang)}"
        for lang in ("vi", "en")
    }
    gap = {
        lang: f"{fmt(abs(computed - value(product)), lang)} {unit_text(product, lang)}"
        for lang in ("vi", "en")
    }
    ok = fits(product, computed, slack, reading.lang)
    return verdict(reading, ok, "product", product, computed, (count, unit), shown, gap)
