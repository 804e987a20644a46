"""The aid summary as Vietnamese prose in the register of the unions' annual reports (our own wording)."""

from __future__ import annotations

from django.utils import translation

from caunoi.aid.models import Modality
from caunoi.reports.aid import AidSummary, Line
from caunoi.reports.conversion_text import rates_sentence, unconverted_sentence
from caunoi.vntext.numbers import format_count, format_money, format_scaled_vnd

NOUNS: dict[frozenset[str], str] = {
    frozenset({Modality.PROJECT}): "dự án",
    frozenset({Modality.PROGRAMME}): "chương trình",
    frozenset({Modality.NON_PROJECT}): "khoản viện trợ phi dự án",
    frozenset({Modality.PROGRAMME, Modality.PROJECT}): "chương trình, dự án",
}
ALL_KINDS = "chương trình, dự án, phi dự án"


def _noun(modalities: set[str]) -> str:
    return NOUNS.get(frozenset(modalities), ALL_KINDS if len(modalities) > 1 else "khoản viện trợ")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _usd(line: Line) -> str:
    return format_money(line.committed.usd, "USD")


def render_aid_text(summary: AidSummary) -> str:
    """The text of the report, in Vietnamese whatever the reader's language (the rate descriptions and labels
    it quotes included): it is the official report's wording, shown as such on English pages too."""
    with translation.override("vi"):
        return _render(summary)


def _render(summary: AidSummary) -> str:
    office = summary.offices[0]
    modalities = {m.key for m in summary.by_modality}
    lines = [
        f"TÌNH HÌNH VẬN ĐỘNG VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI NĂM {summary.year}",
        f"{office.name}",
        "",
    ]
    if summary.count == 0:
        lines.append(
            f"Năm {summary.year}, chưa có chương trình, dự án, phi dự án viện trợ phi chính phủ nước ngoài "
            "nào được phê duyệt, tiếp nhận mới trong dữ liệu của cơ quan."
        )
        return "\n".join(lines) + "\n"
    lines.append(
        f"Năm {summary.year}, đã thu hút được {summary.count} {_noun(modalities)} viện trợ phi chính phủ nước "
        f"ngoài với tổng số vốn cam kết tài trợ của các chương trình, dự án được phê duyệt, tiếp nhận mới là "
        f"{format_money(summary.committed.usd, 'USD')} (tương đương {format_scaled_vnd(summary.committed.vnd)})."
    )
    sector_parts = [
        f"{format_count(line.count)} {_noun(line.modalities)} {_lower_first(line.name)} với tổng giá trị cam kết "
        f"tài trợ là {_usd(line)}"
        for line in sorted(summary.by_sector, key=lambda line: -line.committed.usd)
    ]
    lines.append("Các lĩnh vực được tài trợ như sau: " + "; ".join(sector_parts) + ".")
    modality_parts = [
        f"{format_count(line.count)} {_lower_first(line.name)} ({_usd(line)})" for line in summary.by_modality
    ]
    lines.append("Theo hình thức: " + "; ".join(modality_parts) + ".")
    donors = [line for line in summary.by_donor if line.key]
    if donors:
        donor_parts = [f"{line.name} ({format_count(line.count)} khoản, {_usd(line)})" for line in donors]
        lines.append(f"Các nhà tài trợ ({len(donors)}): " + "; ".join(donor_parts) + ".")
    if summary.by_place:
        place_parts = [f"{line.name} ({format_count(line.count)} khoản)" for line in summary.by_place]
        lines.append("Địa bàn thụ hưởng: " + "; ".join(place_parts) + ".")
    lines.append(
        f"Giải ngân trong năm {summary.year}: {format_money(summary.disbursed.usd, 'USD')} "
        f"(tương đương {format_scaled_vnd(summary.disbursed.vnd)})."
    )
    lines.extend(text for text in (unconverted_sentence(summary), rates_sentence(summary)) if text)
    return "\n".join(lines) + "\n"
