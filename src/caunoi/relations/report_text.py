"""The people's-diplomacy summary as Vietnamese prose in the register of the unions' reports (our own
wording). Records marked illustrative are flagged with (*), and a closing note says what that means."""

from __future__ import annotations

from caunoi.relations.countries import country_name
from caunoi.relations.dates import vn_date
from caunoi.relations.models import AgreementKind, CongressKind, CongressStatus, PartnershipKind, Position
from caunoi.relations.report import AgreementLine, AssociationLine, DiplomacySummary, PlanLine
from caunoi.relations.status import AgreementStatus
from caunoi.vntext.numbers import format_count

STAR = " (*)"
STAGE = {
    "proposal": "đã trình đề nghị thành lập, chờ cấp có thẩm quyền đồng ý",
    "approval": "đã được cấp có thẩm quyền đồng ý thành lập, đang chuẩn bị Đại hội thành lập",
    "": "chưa bắt đầu thủ tục thành lập",
}
TASK_STATE = {
    "complete": "đã hoàn thành",
    "partial": "đang thực hiện",
    "open": "chưa thực hiện",
    "overdue": "quá hạn, chưa hoàn thành",
    "cancelled": "đã hủy",
    "untracked": "chưa có chỉ tiêu đo được",
}


def _star(illustrative: bool) -> str:
    return STAR if illustrative else ""


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def _in_sentence(name: str) -> str:
    """ "Tỉnh Viêng Chăn" reads "tỉnh Viêng Chăn" inside a sentence, as the reports write it."""
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[:1].lower() + name[1:]
    return name


def _documents(summary: DiplomacySummary) -> list[str]:
    implemented = {(d.implements.number, d.implements.issued_on) for d in summary.documents if d.implements}
    lines = []
    for doc in summary.documents:
        if (doc.number, doc.issued_on) in implemented:
            continue  # named below, as what another document implements
        text = f"{doc.kind} số {doc.number} ngày {doc.issued_on:%d/%m/%Y} của {doc.issuer}"
        title = doc.title
        if doc.implements:
            parent = doc.implements
            text += f" thực hiện {parent.kind} số {parent.number} ngày {parent.issued_on:%d/%m/%Y} của {parent.issuer}"
            title = parent.title
        lines.append(f"Trong năm {summary.year}: {text} {title[:1].lower()}{title[1:]}.")
    return lines


def _partners(summary: DiplomacySummary) -> list[str]:
    if not summary.partners:
        return [f"Năm {summary.year}, chưa ghi nhận quan hệ đối tác nước ngoài nào."]
    by_country: dict[str, list[str]] = {}
    for p in summary.partners:
        by_country.setdefault(p.country, []).append(f"{_in_sentence(p.name)}{_star(p.illustrative)}")
    groups = [f"{_join(names)} ({country_name(code, lang='vi')})" for code, names in by_country.items()]
    kinds = {p.kind for p in summary.partners}
    noun = "kết nghĩa, hữu nghị và hợp tác" if PartnershipKind.TWINNING in kinds else "hữu nghị, hợp tác"
    return [
        f"Liên hiệp duy trì quan hệ {noun} với {format_count(len(summary.partners))} đối tác tại "
        f"{format_count(len(by_country))} quốc gia: {'; '.join(groups)}."
    ]


def _events(summary: DiplomacySummary) -> list[str]:
    if not summary.events:
        return [f"Năm {summary.year}, chưa ghi nhận hoạt động đối ngoại nào."]
    kinds = "; ".join(f"{c.name.lower()}: {format_count(c.count)}" for c in summary.events_by_kind)
    lines = [
        f"Năm {summary.year}, Liên hiệp đã chủ trì, phối hợp tổ chức {format_count(len(summary.events))} "
        f"hoạt động đối ngoại nhân dân ({kinds})."
    ]
    if summary.events_by_partner:
        partners = "; ".join(
            f"{_in_sentence(c.name)}: {format_count(c.count)}" for c in summary.events_by_partner
        )
        lines.append(f"Theo đối tác: {partners}.")
    for e in summary.events:
        where = f", {e.place}" if e.place else ""
        people = f", {format_count(e.participants)} người tham gia" if e.participants else ""
        result = f" Kết quả: {e.outcomes}" if e.outcomes else ""
        lines.append(f"- {e.title} ({e.dates_text}{where}{people}){_star(e.illustrative)}.{result}")
    return lines


def _agreement(a: AgreementLine) -> str:
    kind = AgreementKind(a.kind).label
    partners = _join([_in_sentence(p) for p in a.partners])
    period = f", giai đoạn {a.period_text}" if a.period_text else ""
    fields = f", trên các lĩnh vực: {', '.join(f.lower() for f in a.fields)}" if a.fields else ""
    number = f" số {a.number}" if a.number else ""
    return f"{kind}{number} với {partners} (ký {a.signed_text}{period}){fields}{_star(a.illustrative)}"


def _agreements(summary: DiplomacySummary) -> list[str]:
    lines = []
    signed = [a for a in summary.agreements if a.signed_in_year]
    if signed:
        lines.append(
            f"Trong năm {summary.year}, đã ký kết {format_count(len(signed))} văn bản hợp tác: "
            + "; ".join(_agreement(a) for a in signed)
            + "."
        )
    else:
        lines.append(f"Trong năm {summary.year}, không ký kết thỏa thuận hợp tác mới.")
    earlier = [a for a in summary.agreements if not a.signed_in_year]
    if earlier:
        lines.append("Các thỏa thuận ký trước đó: " + "; ".join(_agreement(a) for a in earlier) + ".")
    as_of = f"{summary.as_of:%d/%m/%Y}"
    groups = [
        (AgreementStatus.IN_FORCE, "đang có hiệu lực"),
        (AgreementStatus.EXPIRING, "sắp hết hạn (trong 90 ngày)"),
        (AgreementStatus.EXPIRED, "đã hết hạn"),
        (AgreementStatus.TERMINATED, "đã chấm dứt"),
        (AgreementStatus.SIGNED, "đã ký, chưa đến thời hạn hiệu lực"),
    ]
    parts = []
    for status, label in groups:
        found = summary.agreements_with_status(status)
        if found:
            parts.append(f"{format_count(len(found))} {label} ({'; '.join(a.title for a in found)})")
    if parts:
        lines.append(f"Tình trạng tính đến ngày {as_of}: " + "; ".join(parts) + ".")
    return lines


def _committee(a: AssociationLine) -> str:
    named = [f"{Position(s['position']).label}: {s['name']}" for s in a.committee if s["named"]]
    unnamed = sum(1 for s in a.committee if not s["named"])
    parts = named + ([f"{format_count(unnamed)} ủy viên không nêu tên"] if unnamed else [])
    if not a.term:
        return ""
    listed = f" ({'; '.join(parts)})" if parts else ""
    return f"Ban Chấp hành nhiệm kỳ {a.term.split(':')[0]} gồm {format_count(len(a.committee))} người{listed}"


def _associations(summary: DiplomacySummary) -> list[str]:
    lines = []
    for a in summary.associations:
        country = country_name(a.country, lang="vi")
        if a.stage == "founded":
            text = f"{a.name}{_star(a.illustrative)} (quan hệ với {country}) đang hoạt động"
        else:
            text = f"{a.name}{_star(a.illustrative)} (quan hệ với {country}): {STAGE.get(a.stage, a.stage)}"
        if a.members_count is not None:
            text += f"; {format_count(a.members_count)} hội viên (tính đến {vn_date(a.members_count_on)})"
        committee = _committee(a)
        if committee:
            text += f"; {committee}"
        if a.named_members:
            text += f"; hội viên đồng ý nêu tên: {', '.join(a.named_members)}"
        for c in a.congresses:
            kind = (
                "Đại hội thành lập"
                if c.kind == CongressKind.FOUNDING
                else f"Đại hội nhiệm kỳ {c.term_number}"
            )
            if c.status == CongressStatus.HELD:
                text += f"; đã tổ chức {kind} {c.on_text}"
            elif c.status == CongressStatus.PLANNED:
                text += f"; dự kiến tổ chức {kind} ({c.on_text}){_star(c.illustrative)}"
        lines.append(f"- {text}.")
    return lines or [f"Năm {summary.year}, chưa ghi nhận hội hữu nghị nào."]


def _plan(plan: PlanLine, heading: str) -> list[str]:
    implements = f" (thực hiện {', '.join(plan.implements)})" if plan.implements else ""
    lines = [f"{heading}: {plan.title}{implements}{_star(plan.illustrative)}."]
    for t in plan.tasks:
        progress = f", đạt {t.met}/{t.total} chỉ tiêu" if t.total else ""
        lines.append(f"- {t.title}: {TASK_STATE[t.state]}{progress}.")
    return lines


def render_diplomacy_text(summary: DiplomacySummary) -> str:
    office = summary.offices[0]
    lines = [
        f"KẾT QUẢ HOẠT ĐỘNG ĐỐI NGOẠI NHÂN DÂN NĂM {summary.year}",
        office.name,
        f"(Tình trạng thỏa thuận, kế hoạch và cảnh báo tính đến ngày {summary.as_of:%d/%m/%Y})",
        "",
    ]
    sections = [
        ("I. VĂN BẢN CHỈ ĐẠO", _documents(summary)),
        ("II. QUAN HỆ VỚI CÁC ĐỐI TÁC NƯỚC NGOÀI", _partners(summary)),
        ("III. HOẠT ĐỘNG ĐỐI NGOẠI, ĐOÀN RA, ĐOÀN VÀO", _events(summary)),
        ("IV. THỎA THUẬN HỢP TÁC", _agreements(summary)),
        ("V. CÁC HỘI HỮU NGHỊ", _associations(summary)),
    ]
    plan_lines: list[str] = []
    for plan in summary.plans:
        plan_lines += _plan(plan, f"Kế hoạch năm {plan.year}")
    for plan in summary.next_year_plans:
        plan_lines += _plan(plan, f"Định hướng năm {plan.year}")
    sections.append(("VI. KẾ HOẠCH VÀ NHIỆM VỤ", plan_lines or ["Chưa có kế hoạch năm được ghi nhận."]))
    if summary.alerts:
        sections.append(("VII. CẦN LƯU Ý", [f"- {a.vi}" for a in summary.alerts]))
    for heading, body in sections:
        if body:
            lines += [heading, *body, ""]
    if summary.illustrative_count():
        lines.append(
            "(*) Dữ liệu minh họa: báo cáo gốc không nêu chi tiết (ngày, địa điểm, số người…), caunoi ghi giá trị "
            "minh họa và đánh dấu để người dùng thay bằng số liệu thật."
        )
    return "\n".join(lines).rstrip() + "\n"
