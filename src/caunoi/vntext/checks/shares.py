"""Shares that make a whole: a complete breakdown in percent sums to 100 within the rounding of its shares
("42,7 %, 31,6 %, 17,1 % và 8,6 %"); a partial one ("trong đó", "còn lại là các lĩnh vực khác") to at most
100."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final

from caunoi.core.errors import Problem, Worded
from caunoi.vntext import messages as m
from caunoi.vntext.checks.base import Reading, fmt, value
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding
from caunoi.vntext.reading import half_unit

__all__ = ["check_loose_shares", "check_shares"]

_WHOLE = Decimal(100)


def _both(number: Decimal) -> Worded:
    return Worded({lang: fmt(number, lang) for lang in ("vi", "en")})


def check_shares(reading: Reading, shares: list[Figure], partial: bool) -> Finding:
    """The finding on ``shares`` (two or more percent figures of one breakdown)."""
    values = tuple(value(share) for share in shares)
    total = sum(values, Decimal(0))
    slack = sum((half_unit(share, reading.lang) for share in shares), Decimal(0))
    sums = {
        lang: " + ".join(fmt(v, lang) for v in values) + f" = {fmt(total, lang)} %" for lang in ("vi", "en")
    }
    base = {
        "line": shares[0].line,
        "unit": "percent",
        "stated": _WHOLE,
        "computed": total,
        "parts": values,
        "difference": total - _WHOLE,
        "part_figures": tuple(shares),
        "kind": "shares-make-whole",
        "sentence": reading.sentence(shares[0]),
    }
    gap = abs(total - _WHOLE)
    if partial:
        if total <= _WHOLE + slack:
            return Finding(
                severity="ok",
                code="shares-partial-ok",
                text=Problem(m.SHARES_PARTIAL_OK, {"sums": Worded(sums)}),
                **base,  # type: ignore[arg-type]
            )
        return Finding(
            severity="error",
            code="shares-over",
            text=Problem(m.SHARES_OVER, {"sums": Worded(sums), "gap": _both(gap)}),
            **base,  # type: ignore[arg-type]
        )
    if gap <= slack:
        return Finding(
            severity="ok",
            code="shares-ok",
            text=Problem(m.SHARES_OK if gap == 0 else m.SHARES_ROUNDED_OK, {"sums": Worded(sums)}),
            **base,  # type: ignore[arg-type]
        )
    return Finding(
        severity="error",
        code="shares-mismatch",
        text=Problem(m.SHARES_MISMATCH, {"sums": Worded(sums), "gap": _both(gap)}),
        **base,  # type: ignore[arg-type]
    )


_SHARE_BEFORE: Final = re.compile(
    r"(?:chiếm|tỷ\s+trọng|accounted\s+for|accounts?\s+for|received|made\s+up)\s*(?:khoảng\s+|about\s+)?$",
    re.I,
)
_SHARE_AFTER: Final = re.compile(
    r"\s+of\s+(?:the\s+)?(?:funds|total|commitments|aid|budget|funding)(?!\w)", re.I
)
_PARTIAL: Final = re.compile(r"(?<!\w)(?:khác|còn\s+lại|the\s+rest|others|other)(?!\w)", re.I)
_NEAR_WHOLE: Final = Decimal(10)
_MIN_SHARES: Final = 3


def check_loose_shares(reading: Reading, is_rate: Callable[[Reading, Figure], bool]) -> list[Finding]:
    """Shares listed in one sentence without a cue ("Health received 45% of the funds, education 30%, and
    livelihoods 25%"; "4 lĩnh vực: y tế (35 %), giáo dục (28 %), …"): three or more percents, the first
    announced as a share, or all in parentheses beside what they are shares of. They are checked when they
    come within 10 points of 100 — a list of shares that far off is more likely not a whole at all."""
    findings = []
    text = reading.text
    for paragraph in reading.paragraphs:
        start = paragraph.start
        for end in [*paragraph.ends, paragraph.end]:
            shares = [
                f
                for f in paragraph.between(start, end + 1)
                if f.kind == "percent" and f.start not in reading.used and not is_rate(reading, f)
            ]
            sentence_start, start = start, end + 1
            if len(shares) < _MIN_SHARES or any(value(f) > _WHOLE for f in shares):
                continue
            first = shares[0]
            if not (
                _SHARE_BEFORE.search(text, max(sentence_start, first.start - 30), first.start)
                or _SHARE_AFTER.match(text, first.end)
                or all(text[f.start - 1 : f.start] == "(" and text[f.end : f.end + 1] == ")" for f in shares)
            ):
                continue
            total = sum((value(f) for f in shares), Decimal(0))
            partial = bool(_PARTIAL.search(text, sentence_start, end))
            if not partial and abs(total - _WHOLE) > _NEAR_WHOLE:
                continue
            findings.append(check_shares(reading, shares, partial))
            reading.used.update(f.start for f in shares)
    return findings
