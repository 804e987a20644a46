"""The aid-mobilisation paragraphs of the annual report, computed from records.

Written so that ``check_text`` can verify them: the total and its enumeration by sector share one paragraph
with the cue "như sau:", and the breakdowns that add up to the total ("gồm:") restate it in their own
paragraph. Figures that do not add up to a stated total (places, which may share an item) carry no cue.
"""

from __future__ import annotations

from decimal import Decimal

from caunoi.reports.aid import AidSummary, Line
from caunoi.reports.aid_text import ALL_KINDS, NOUNS
from caunoi.reports.conversion_text import rates_sentence, unconverted_sentence
from caunoi.vntext.numbers import format_count, format_money, format_percent, format_scaled_vnd
from caunoi.vntext.words import amount_in_words


def noun(modalities: set[str]) -> str:
    return NOUNS.get(frozenset(modalities), ALL_KINDS if len(modalities) > 1 else "khoản viện trợ")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _usd(amount: Decimal) -> str:
    return format_money(amount, "USD")


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + " và " + parts[-1]


def sector_clause(line: Line) -> str:
    return (
        f"{format_count(line.count)} {noun(line.modalities)} {_lower_first(line.name)} với tổng giá trị cam "
        f"kết tài trợ là {_usd(line.committed.usd)}"
    )


def aid_paragraphs(summary: AidSummary, previous: AidSummary) -> list[str]:
    year = summary.year
    if summary.count == 0:
        return [
            f"Năm {year}, chưa có chương trình, dự án, phi dự án viện trợ phi chính phủ nước ngoài nào được "
            "phê duyệt, tiếp nhận mới trong dữ liệu của cơ quan."
        ]
    all_kinds = noun({line.key for line in summary.by_modality})
    total = summary.committed.usd
    # Amounts in words state exactly the amount in figures: cents are kept, never rounded away.
    words = amount_in_words(total, "USD")
    sectors = sorted(summary.by_sector, key=lambda line: -line.committed.usd)
    paragraphs = [
        f"Năm {year}, đã thu hút được {format_count(summary.count)} {all_kinds} viện trợ phi chính phủ nước "
        f"ngoài với tổng số vốn cam kết tài trợ của các chương trình, dự án được phê duyệt, tiếp nhận mới là "
        f"{_usd(total)} (bằng chữ: {_lower_first(words)}; tương đương khoảng "
        f"{format_scaled_vnd(summary.committed.vnd)}). Các lĩnh vực được tài trợ như sau: "
        + _join([sector_clause(line) for line in sectors])
        + "."
    ]
    modality_parts = [
        f"{format_count(line.count)} {_lower_first(line.name)} ({_usd(line.committed.usd)})"
        for line in summary.by_modality
    ]
    paragraphs.append(
        f"Phân theo hình thức, {format_count(summary.count)} {all_kinds} với tổng vốn cam kết "
        f"{_usd(total)} gồm: " + _join(modality_parts) + "."
    )
    donors = [line for line in summary.by_donor if line.key]
    if donors:
        donor_parts = [f"{line.name} ({_usd(line.committed.usd)})" for line in summary.by_donor]
        paragraphs.append(
            f"Phân theo nhà tài trợ, vốn cam kết {_usd(total)} của {format_count(len(donors))} nhà tài trợ gồm: "
            + _join(donor_parts)
            + "."
        )
    if summary.by_place:
        place_parts = [
            f"{line.name} ({format_count(line.count)} khoản, {_usd(line.committed.usd)})"
            for line in summary.by_place
        ]
        paragraphs.append(
            "Địa bàn thụ hưởng (vốn chia theo tỷ lệ của từng địa bàn; một khoản có thể thực hiện ở nhiều "
            "địa bàn) là " + _join(place_parts) + "."
        )
    paragraphs.append(
        f"Giải ngân trong năm {year} đạt {_usd(summary.disbursed.usd)} (tương đương khoảng "
        f"{format_scaled_vnd(summary.disbursed.vnd)})."
    )
    paragraphs.append(change_paragraph(summary, previous))
    paragraphs.extend(text for text in (unconverted_sentence(summary), rates_sentence(summary)) if text)
    return paragraphs


def change_paragraph(summary: AidSummary, previous: AidSummary) -> str:
    """The change on the previous year, in count and committed USD (a percentage only when defined)."""
    last = previous.year
    if previous.count == 0:
        return (
            f"Năm {last} chưa có khoản viện trợ nào được phê duyệt, tiếp nhận mới trong dữ liệu của cơ quan, "
            "nên chưa so sánh được với năm trước."
        )
    difference = summary.committed.usd - previous.committed.usd
    direction = "tăng" if difference >= 0 else "giảm"
    count_change = summary.count - previous.count
    count_text = (
        f"số khoản {'tăng' if count_change >= 0 else 'giảm'} {abs(count_change)}"
        if count_change
        else "số khoản không đổi"
    )
    percent = (
        format_percent(abs(difference) * 100 / previous.committed.usd, 1) if previous.committed.usd else ""
    )
    return (
        f"So với năm {last} ({format_count(previous.count)} khoản, {_usd(previous.committed.usd)}), {count_text}, "
        f"vốn cam kết {direction} {_usd(abs(difference))}" + (f" ({percent})." if percent else ".")
    )
