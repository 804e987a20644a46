"""Ratios stated beside the figures they relate: "giải ngân 158.146 USD, đạt 26 %" of the 615.151 USD
committed, "16 dự án, bằng 80 % so với năm 2022 (20 dự án)", "25% of the USD 1,600,000 committed".

The ratio is checked when two compatible figures of its sentence (or the one before) give it within the
rounding of its written precision (a qualifier widens that, see :func:`..base.fits`); if no pair does, the
likeliest pair — the nearest figure before the rate over the nearest other — is reported."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from caunoi.vntext.checks.base import Reading, fmt, points, value, verdict
from caunoi.vntext.checks.rates import candidates, pairs, rate_text, relative_slack, settle
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding

__all__ = ["check_ratios"]

_CUE_BEFORE: Final = re.compile(
    r"(?:đạt|bằng|chiếm|tương\s+đương(?:\s+với)?|reached|reaching|equal\s+to|accounting\s+for|accounted\s+for)"
    r"(?:\s+(?:tỷ\s+lệ|khoảng|gần|hơn|trên))?\s*[,:]?\s*$",
    re.I,
)
_CUE_AFTER: Final = re.compile(r"\s*(?:of\s+(?:the\s+)?|so\s+với)", re.I)
_GROWTH_BEFORE: Final = re.compile(r"(?:tăng|giảm|up|down)\s*$", re.I)


def check_ratios(reading: Reading) -> list[Finding]:
    findings = []
    text = reading.text
    for paragraph in reading.paragraphs:
        for rate in paragraph.figures:
            if rate.kind != "percent" or rate.start in reading.used:
                continue
            window = text[max(paragraph.start, rate.start - 40) : rate.start]
            if _GROWTH_BEFORE.search(window):
                continue
            if not (_CUE_BEFORE.search(window) or (_CUE_AFTER.match(text, rate.end) and "," in window[-3:])):
                continue
            finding = _check(reading, rate)
            if finding is not None:
                findings.append(finding)
    return findings


def _check(reading: Reading, rate: Figure) -> Finding | None:
    paragraph = reading.paragraph_of(rate.start)
    before, after = candidates(reading, paragraph, rate, parts_too=True)

    def compute(first: Figure, second: Figure) -> tuple[Decimal, Decimal]:
        computed = value(first) / value(second) * 100
        return computed, relative_slack(reading, computed, first, second)

    settled = settle(reading, rate, pairs(before, after), compute)
    return _finding(reading, rate, *settled) if settled else None


def _finding(
    reading: Reading, rate: Figure, first: Figure, second: Figure, computed: Decimal, ok: bool
) -> Finding:
    reading.used.add(rate.start)
    shown = {
        lang: f"{fmt(value(first), lang)} / {fmt(value(second), lang)} = {rate_text(computed, rate, lang)}"
        for lang in ("vi", "en")
    }
    gap = points(abs(computed - value(rate)), lambda number, lang: rate_text(number, rate, lang)[:-2])
    return verdict(reading, ok, "ratio", rate, computed, (first, second), shown, gap)
