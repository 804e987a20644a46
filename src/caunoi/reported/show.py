"""A proposal as text, for the command line: each figure in Vietnamese format with the sentence it came from."""

from __future__ import annotations

from decimal import Decimal

from caunoi.reported.extract import Proposal
from caunoi.vntext.numbers import format_money, format_number

LABELS = (
    ("province", "Tỉnh / province"),
    ("period", "Thời kỳ / period"),
    ("items", "Số chương trình, dự án, phi dự án / items"),
    ("ngos", "Số tổ chức tài trợ / NGOs"),
    ("committed", "Giá trị cam kết / committed"),
    ("disbursed", "Giải ngân / disbursed"),
)


def _money(value: Decimal | None, currency: str) -> str:
    if value is None:
        return "—"
    return format_money(value, currency) if currency else format_number(value)


def describe(proposal: Proposal, source: str) -> str:
    p = proposal
    period = "—"
    if p.period_start and p.period_end:
        first, last = p.period_start.year, p.period_end.year
        period = str(first) if first == last else f"{first}–{last}"
    values = {
        "province": p.province or "—",
        "period": period,
        "items": "—" if p.items is None else format_number(p.items),
        "ngos": "—" if p.ngos is None else format_number(p.ngos),
        "committed": _money(p.committed, p.currency),
        "disbursed": _money(p.disbursed, p.currency),
    }
    lines = [f"Đề xuất số liệu theo báo cáo / proposed reported figures: {source}"]
    for key, label in LABELS:
        lines.append(f"  {label}: {values[key]}")
        sentence = p.evidence.get(key)
        if sentence:
            lines.append(f"      « {sentence} »")
    if p.sectors:
        lines.append("  Theo lĩnh vực / by sector:")
        for s in p.sectors:
            count = "—" if s.count is None else format_number(s.count)
            lines.append(f"    {s.name}: {count} · {_money(s.amount, p.currency)}")
            lines.append(f"      « {s.sentence} »")
    return "\n".join(lines) + "\n"
