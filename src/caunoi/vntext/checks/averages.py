"""Averages stated beside their total: "tổng vốn … 12,8 triệu USD, bình quân 2,56 triệu USD mỗi năm" over
"giai đoạn 2021-2025"; "10 dự án …, trung bình 50.000 USD mỗi dự án".

The average follows *bình quân, trung bình* (*an average of*); it is per year when *mỗi năm* (*a year*)
follows it, divided by the years of the paragraph's last year range before it, or per the noun after *mỗi*
(*per, each*), divided by the nearest count of that noun. The total is the nearest compatible figure
before the average in its sentence or the one before."""

from __future__ import annotations

import re
from typing import Final

from caunoi.core.errors import Worded, phrase
from caunoi.vntext import messages as m
from caunoi.vntext.checks.base import Reading, fits, fmt, value, verdict
from caunoi.vntext.checks.rates import candidates
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding
from caunoi.vntext.reading import compatible, half_unit

__all__ = ["check_averages"]

_AVERAGE_BEFORE: Final = re.compile(
    r"(?:bình\s+quân|trung\s+bình|average\s+of|on\s+average|averaging)\s*(?:là|đạt|khoảng|about)?\s*$", re.I
)
_PER_YEAR: Final = re.compile(
    r"\s*(?:mỗi\s+năm|/\s*năm|một\s+năm|a\s+year|per\s+year|each\s+year|annually)", re.I
)
_PER_NOUN: Final = re.compile(r"\s*(?:mỗi|/|per|each|a)\s+(?P<noun>[^\W\d]+(?:\s+[^\W\d]+)?)", re.I)
_YEAR_RANGE: Final = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})(?!\d)")


def check_averages(reading: Reading) -> list[Finding]:
    findings = []
    text = reading.text
    for paragraph in reading.paragraphs:
        for average in paragraph.figures:
            if average.kind == "percent" or average.start in reading.used:
                continue
            if not _AVERAGE_BEFORE.search(text, max(paragraph.start, average.start - 25), average.start):
                continue
            before, _after = candidates(reading, paragraph, average, parts_too=True)
            total = next((f for f in before if compatible(f, average) and value(f) > value(average)), None)
            if total is None:
                continue
            divisor, what = _divisor(reading, paragraph.start, average, before)
            if not divisor:
                continue
            findings.append(_finding(reading, average, total, divisor, what))
    return findings


def _divisor(reading: Reading, start: int, average: Figure, before: list[Figure]) -> tuple[int, str]:
    text = reading.text
    if _PER_YEAR.match(text, average.end):
        ranges = list(_YEAR_RANGE.finditer(text, max(start, average.start - 600), average.start))
        if ranges:
            first, last = int(ranges[-1][1]), int(ranges[-1][2])
            return (last - first + 1 if last >= first else 0), "năm"
        return 0, ""
    per = _PER_NOUN.match(text, average.end)
    if per is None:
        return 0, ""
    noun = per["noun"].lower()
    count = next(
        (f for f in before if f.kind == "count" and f.unit and noun.startswith(f.unit.split()[0])), None
    )
    return (int(value(count)), count.unit or "") if count is not None else (0, "")


def _finding(reading: Reading, average: Figure, total: Figure, divisor: int, what: str) -> Finding:
    computed = value(total) / divisor
    slack = half_unit(total, reading.lang) / divisor
    reading.used.add(average.start)
    shown = {
        lang: f"{fmt(value(total), lang)} / {divisor} = {fmt(computed, lang, 2)}" for lang in ("vi", "en")
    }
    per = phrase(m.PER, shown=Worded(shown), what=what)
    return verdict(
        reading, fits(average, computed, slack, reading.lang), "average", average, computed, (total,), per
    )
