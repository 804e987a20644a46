"""The body of the annual report as Markdown, generated from records: the text a draft starts from."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from caunoi.aid.years import items_of_year
from caunoi.core.models import Office
from caunoi.directory.models import Organisation, OrgKind
from caunoi.documents.body_aid import aid_paragraphs
from caunoi.documents.body_publishing import publications_markdown
from caunoi.documents.body_relations import NOT_RECORDED, TOPICS, diplomacy_markdown, directions_markdown
from caunoi.reports.aid import aid_summary
from caunoi.vntext.numbers import format_count

FOREIGN_KINDS = (
    (OrgKind.FOREIGN_NGO, "tổ chức phi chính phủ nước ngoài"),
    (OrgKind.EMBASSY, "đại sứ quán, cơ quan đại diện nước ngoài"),
    (OrgKind.INTERNATIONAL, "tổ chức quốc tế"),
    (OrgKind.FOREIGN_LOCALITY, "địa phương nước ngoài"),
    (OrgKind.FOREIGN_PEOPLES_ORG, "tổ chức nhân dân nước ngoài"),
)
NO_PUBLICATIONS = (
    "Chưa có dữ liệu về tin bài, ấn phẩm thông tin đối ngoại (trang thông tin điện tử, Bản tin Hợp tác Hữu "
    "nghị) trong hệ thống; cán bộ bổ sung nội dung này trước khi trình ký."
)
NO_ORGANISATION = (
    "Chưa có dữ liệu về công tác tổ chức, kiện toàn Ban Chấp hành trong hệ thống; cán bộ bổ sung nội dung "
    "này trước khi trình ký."
)


def summary_line(year: int) -> str:
    return f"Kết quả công tác đối ngoại nhân dân năm {year} và phương hướng, nhiệm vụ năm {year + 1}"


def _directory_paragraph(office: Office) -> str | None:
    counts = dict(
        Organisation.objects.filter(office=office, archived_at__isnull=True)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    parts = [f"{format_count(counts[kind])} {label}" for kind, label in FOREIGN_KINDS if counts.get(kind)]
    if not parts:
        return None
    return "Danh bạ đối tác nước ngoài mà cơ quan đang theo dõi hiện có " + ", ".join(parts) + "."


def _organisation_paragraphs(office: Office, year: int) -> list[str]:
    paragraphs = [NO_ORGANISATION]
    if office.succeeded_on and office.succeeded_on.year == year and office.successor is not None:
        paragraphs.append(
            f"Từ ngày {office.succeeded_on.strftime('%d/%m/%Y')}, {office.name} hợp nhất vào "
            f"{office.successor.name}."
        )
    return paragraphs


def _continuing(office: Office, year: int) -> int:
    return items_of_year([office], year).filter(planned_end__gte=dt.date(year + 1, 1, 1)).count()


def _directions(office: Office, year: int) -> list[str]:
    # The tasks of next year's plan come first, then what the aid ledger itself calls for.
    lines = [f"- {line}" for line in directions_markdown(office, year) or []]
    continuing = _continuing(office, year)
    if continuing:
        lines.append(
            f"- Tiếp tục theo dõi, giám sát {format_count(continuing)} chương trình, dự án, phi dự án được phê "
            f"duyệt năm {year} còn thực hiện trong năm {year + 1}, bảo đảm giải ngân đúng tiến độ và đúng quy định."
        )
    lines += [
        "- Phối hợp với các sở, ngành, địa phương xác định nhu cầu, lập danh mục và xây dựng đề xuất dự án "
        "để vận động viện trợ phi chính phủ nước ngoài.",
        "- Duy trì, mở rộng quan hệ hợp tác với các địa phương, tổ chức đối tác; phát huy vai trò của các hội "
        "hữu nghị.",
        f"- Chưa có kế hoạch năm {year + 1} trong hệ thống; cán bộ bổ sung các nhiệm vụ cụ thể theo kế hoạch "
        "được giao.",
    ]
    return lines


def generate_body(office: Office, year: int, include_predecessors: bool = False) -> str:
    """The report's prose for ``year``: results by area, then next year's directions."""
    summary = aid_summary(office, year, include_predecessors=include_predecessors)
    previous = aid_summary(office, year - 1, include_predecessors=include_predecessors)
    blocks: list[str] = [
        f"## I. KẾT QUẢ CÔNG TÁC NĂM {year}",
        "### Công tác vận động viện trợ phi chính phủ nước ngoài",
        *aid_paragraphs(summary, previous),
    ]
    diplomacy = diplomacy_markdown(office, year)
    if diplomacy is None:
        for index, (heading, what) in enumerate(TOPICS):
            blocks += [f"### {heading}", NOT_RECORDED.format(what=what)]
            directory = _directory_paragraph(office) if index == 0 else None
            if directory:
                blocks.append(directory)
    else:
        blocks += diplomacy
    blocks += [
        "### Công tác thông tin đối ngoại",
        *(publications_markdown(summary.offices, year) or [NO_PUBLICATIONS]),
        "### Công tác tổ chức, xây dựng nội bộ",
        *_organisation_paragraphs(office, year),
        f"## II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}",
        *_directions(office, year),
    ]
    return "\n\n".join(_numbered(blocks)) + "\n"


def _numbered(blocks: list[str]) -> list[str]:
    """Number the subsections 1, 2, … within each section, whichever sections the installed apps give."""
    out, number = [], 0
    for block in blocks:
        if block.startswith("## "):
            number = 0
        elif block.startswith("### "):
            number += 1
            block = f"### {number}. {block[4:]}"
        out.append(block)
    return out
