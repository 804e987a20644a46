"""Shares that make a whole: a complete breakdown in percent sums to 100 within the rounding of its shares
("42,7 %, 31,6 %, 17,1 % và 8,6 %"); a partial one ("trong đó", "còn lại là các lĩnh vực khác") to at most
100."""

from __future__ import annotations

from decimal import Decimal

from caunoi.vntext.checks.base import Reading, fmt, value
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding
from caunoi.vntext.reading import half_unit

__all__ = ["check_shares"]

_WHOLE = Decimal(100)


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
                message_vi=f"{sums['vi']}, không quá 100 % (liệt kê một phần)",
                message_en=f"{sums['en']}, not over 100 % (a partial list)",
                **base,  # type: ignore[arg-type]
            )
        return Finding(
            severity="error",
            code="shares-over",
            message_vi=f"{sums['vi']}, vượt 100 % (thừa {fmt(gap, 'vi')} điểm phần trăm)",
            message_en=f"{sums['en']}, over 100 % (by {fmt(gap, 'en')} percentage points)",
            **base,  # type: ignore[arg-type]
        )
    if gap <= slack:
        return Finding(
            severity="ok",
            code="shares-ok",
            message_vi=f"{sums['vi']}, đủ 100 %" + ("" if gap == 0 else " (trong phạm vi làm tròn)"),
            message_en=f"{sums['en']}, making 100 %" + ("" if gap == 0 else " (within rounding)"),
            **base,  # type: ignore[arg-type]
        )
    return Finding(
        severity="error",
        code="shares-mismatch",
        message_vi=f"{sums['vi']}, không phải 100 % (chênh lệch {fmt(gap, 'vi')} điểm phần trăm)",
        message_en=f"{sums['en']}, not 100 % (difference {fmt(gap, 'en')} percentage points)",
        **base,  # type: ignore[arg-type]
    )
