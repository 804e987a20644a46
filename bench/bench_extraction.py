"""Reported figures: how many of the annotated facts of tests/data/corpus/extraction.json the extractor
(caunoi.reported.extract) reads right. Prints each document's MISSes and the share of fields right
(target: at least 0,9)."""

from __future__ import annotations

import json
import os

import common as c

TARGET = 0.9


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    import django

    django.setup()
    from caunoi.reported.extract import extract

    corpus = json.loads((c.REPO_ROOT / "tests/data/corpus/extraction.json").read_text(encoding="utf-8"))
    right = annotated = 0
    for document in corpus["documents"]:
        got = extract(document["text"]).fields()
        misses = []
        for name, wanted in document["facts"].items():
            annotated += 1
            if got.get(name) == wanted:
                right += 1
            else:
                misses.append(f"{name}: wanted {wanted!r}, read {got.get(name)!r}")
        c.note(f"{document['id']}: {len(document['facts']) - len(misses)}/{len(document['facts'])}")
        for miss in misses:
            c.note(f"    MISS {miss}")
    share = right / annotated if annotated else 0.0
    verdict = "PASS" if share >= TARGET else "MISS"
    c.note(
        f"extraction: {right}/{annotated} fields right = {share:.3f} (target ≥ {TARGET}) {verdict}"
        f" — {len(corpus['documents'])} documents"
    )
