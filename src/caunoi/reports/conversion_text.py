"""What a summary's conversion used and left out, in the words of a report: each rate with the money it
converted, and the money no rate converted yet (left out of the USD and VND figures)."""

from __future__ import annotations

from decimal import Decimal

from caunoi.reports.aid import AidSummary
from caunoi.vntext.numbers import format_money

WHAT = {"committed": "vốn cam kết", "disbursed": "giải ngân trong năm"}


def _amounts(amounts: dict[str, Decimal]) -> str:
    return ", ".join(format_money(v, k) for k, v in sorted(amounts.items()))


def rates_sentence(summary: AidSummary) -> str:
    """ "Tỷ giá quy đổi đã dùng: 1 EUR = … (…) cho 2.000 EUR vốn cam kết; …." or "" when none was used."""
    parts = []
    for rate, converted in summary.rate_lines():
        what = "; ".join(f"{_amounts(converted[k])} {WHAT[k]}" for k in WHAT if converted.get(k))
        parts.append(f"{rate.describe()}" + (f" cho {what}" if what else ""))
    return "Tỷ giá quy đổi đã dùng: " + "; ".join(parts) + "." if parts else ""


def unconverted_sentence(summary: AidSummary) -> str:
    """The money left out of the USD and VND figures for want of a rate, or "" when there is none."""
    parts = [
        f"{WHAT[k]} {_amounts(money.unconverted)}"
        for k, money in (("committed", summary.committed), ("disbursed", summary.disbursed))
        if money.unconverted
    ]
    if not parts:
        return ""
    return (
        "Chưa quy đổi được (chưa có tỷ giá): "
        + "; ".join(parts)
        + ". Các số liệu bằng USD và VND ở trên chưa gồm các khoản này."
    )
