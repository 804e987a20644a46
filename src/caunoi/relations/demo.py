"""The demo union's people's diplomacy in 2022, as its published report describes it.

Sourced from the report: the partners, the 2019 Mimasaka agreement (year only) and its fields, the framework
agreement of September 2022 for 2022–2025 and its fields, the associations (Việt–Trung at the proposal
stage), the talks with Viêng Chăn in 2022 (year only), activities for Lao students, Plan 78-KH/TU and
Directive 12-CT/TW, and the 2023 directions. Everything the report does not give — terms, committees,
member counts, the months of student activities, headcounts — is marked is_illustrative, and the people on
committees are placeholders, never real names.

Loaded through the same services staff use, so the demo obeys every rule; a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation, OrgKind
from caunoi.relations.dates import Precision
from caunoi.relations.models import (
    Association,
    CongressKind,
    ConsentKind,
    CooperationField,
    EventKind,
    FoundingStepKind,
    Occasion,
    PartnerLevel,
    Partnership,
    PartnershipKind,
    PersonKind,
    Position,
    Side,
    TargetKind,
)
from caunoi.relations.services import agreements, associations, calendar, events, partners, people, plans

D = dt.date
Y, M = Precision.YEAR, Precision.MONTH
PROVINCE = "Ủy ban nhân dân tỉnh Yên Bái"
UNION = "Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái"
MIMASAKA = "Thành phố Mimasaka, tỉnh Okayama"

# name, original name, country, kind, level, relationship kind, since, precision, our side is the province?
PARTNERS = [
    (
        "Tỉnh Viêng Chăn",
        "Vientiane Province",
        "LA",
        OrgKind.FOREIGN_LOCALITY,
        PartnerLevel.PROVINCE,
        PartnershipKind.FRIENDSHIP_COOPERATION,
        None,
        Precision.DAY,
        True,
    ),
    (
        "Tỉnh Xay Nha Bu Ly",
        "Xaignabouli Province",
        "LA",
        OrgKind.FOREIGN_LOCALITY,
        PartnerLevel.PROVINCE,
        PartnershipKind.FRIENDSHIP_COOPERATION,
        None,
        Precision.DAY,
        True,
    ),
    (
        "Tỉnh Val de Marne",
        "Département du Val-de-Marne",
        "FR",
        OrgKind.FOREIGN_LOCALITY,
        PartnerLevel.PROVINCE,
        PartnershipKind.COOPERATION,
        None,
        Precision.DAY,
        True,
    ),
    (
        "Tỉnh Vân Nam",
        "Yunnan Province",
        "CN",
        OrgKind.FOREIGN_LOCALITY,
        PartnerLevel.PROVINCE,
        PartnershipKind.COOPERATION,
        None,
        Precision.DAY,
        True,
    ),
    (
        MIMASAKA,
        "Mimasaka City, Okayama Prefecture",
        "JP",
        OrgKind.FOREIGN_LOCALITY,
        PartnerLevel.CITY,
        PartnershipKind.COOPERATION,
        D(2019, 1, 1),
        Y,
        True,
    ),
    (
        "Hội hữu nghị Nhật - Việt Mimasaka",
        "Mimasaka Japan–Vietnam Friendship Association",
        "JP",
        OrgKind.FOREIGN_PEOPLES_ORG,
        PartnerLevel.LOCAL_ORG,
        PartnershipKind.FRIENDSHIP_COOPERATION,
        None,
        Precision.DAY,
        False,
    ),
    (
        "Hiệp hội hữu hảo đối ngoại nhân dân tỉnh Vân Nam",
        "Yunnan People's Association for Friendship with Foreign Countries",
        "CN",
        OrgKind.FOREIGN_PEOPLES_ORG,
        PartnerLevel.LOCAL_ORG,
        PartnershipKind.FRIENDSHIP_COOPERATION,
        None,
        Precision.DAY,
        False,
    ),
]
SOURCE = "Báo cáo kết quả đối ngoại nhân dân năm 2022 của Liên hiệp (đăng ngày 08/12/2022)."


@dataclass
class RelationsDemoSummary:
    created: bool
    partnerships: int
    agreements: int
    associations: int
    events: int


def _org(office: Office, name: str, **defaults: object) -> Organisation:
    org, _ = Organisation.objects.get_or_create(office=office, name=name, defaults=defaults)
    return org


def _fields(*codes: str) -> list[CooperationField]:
    found = {f.code: f for f in CooperationField.objects.filter(code__in=codes)}
    return [found[c] for c in codes]


def _partnerships(office: Office, province: Organisation, union: Organisation) -> dict[str, Partnership]:
    result = {}
    for name, original, country, kind, level, relation, since, precision, ours_is_province in PARTNERS:
        org = _org(office, name, kind=kind, name_original=original, country=country)
        result[name] = partners.create_partnership(
            office,
            org,
            level=level,
            kind=relation,
            since=since,
            since_precision=precision,
            our_party=province if ours_is_province else union,
            notes=SOURCE + ("" if since else " Báo cáo không nêu thời điểm thiết lập quan hệ."),
            actor=SYSTEM,
        )
    return result


def _agreements(office: Office, province: Organisation, mimasaka: Partnership) -> None:
    city = mimasaka.organisation
    agreements.create_agreement(
        office,
        title="Thỏa thuận hợp tác giữa tỉnh Yên Bái và thành phố Mimasaka",
        kind="cooperation",
        parties=[(province, Side.OURS), (city, Side.THEIRS)],
        partnership=mimasaka,
        signed_on=D(2019, 1, 1),
        signed_precision=Y,
        fields=_fields("dao-tao-nghe", "thuc-tap-sinh", "nong-nghiep", "van-hoa-du-lich"),
        notes=SOURCE
        + " Ký năm 2019 với sự giới thiệu của Cục Ngoại vụ, Bộ Ngoại giao; báo cáo không nêu ngày, "
        "số và thời hạn.",
        actor=SYSTEM,
    )
    agreements.create_agreement(
        office,
        title="Thỏa thuận khung về triển khai các hoạt động hợp tác giữa UBND tỉnh Yên Bái và chính quyền "
        "thành phố Mimasaka, giai đoạn 2022-2025",
        kind="framework",
        parties=[(province, Side.OURS), (city, Side.THEIRS)],
        partnership=mimasaka,
        signed_on=D(2022, 9, 1),
        signed_precision=M,
        period_start=D(2022, 1, 1),
        period_end=D(2025, 12, 31),
        period_precision=Y,
        fields=_fields("van-hoa-du-lich", "nong-nghiep", "lao-dong", "giao-duc-dao-tao", "dau-tu"),
        notes=SOURCE + " Ký tháng 9/2022; giai đoạn 2022-2025 được hiểu là đến hết ngày 31/12/2025.",
        actor=SYSTEM,
    )


def _placeholder(office: Office, label: str, consent_on: dt.date | None) -> people.Person:
    person = people.create_person(
        office,
        name=label,
        kind=PersonKind.MEMBER,
        nationality="VN",
        is_illustrative=True,
        notes="Người minh họa, không phải người thật.",
        actor=SYSTEM,
    )
    if consent_on:
        people.record_consent(person, ConsentKind.NAME_LISTING, consent_on, note="Minh họa", actor=SYSTEM)
    return person


def _associations(office: Office) -> dict[str, Association]:
    made: dict[str, Association] = {}
    for name, country, code, start in [
        ("Hội hữu nghị Việt - Pháp tỉnh Yên Bái", "FR", "phap", D(2017, 10, 1)),
        ("Hội hữu nghị Việt - Lào tỉnh Yên Bái", "LA", "lao", D(2017, 9, 1)),
    ]:
        association = associations.create_association(
            office,
            name=name,
            counterpart_country=country,
            notes=SOURCE + " Nhiệm kỳ, Ban Chấp hành và số hội viên là minh họa.",
            actor=SYSTEM,
        )
        term = associations.add_term(
            association, 1, start, start.replace(year=start.year + 5), is_illustrative=True, actor=SYSTEM
        )
        short = name.removeprefix("Hội hữu nghị ").removesuffix(" tỉnh Yên Bái")
        for number, (position, consent) in enumerate(
            [(Position.CHAIR, start), (Position.VICE_CHAIR, None), (Position.GENERAL_SECRETARY, None)],
            start=1,
        ):
            label = f"Người minh họa số {number}, Hội {short}"
            associations.add_committee_member(
                term, _placeholder(office, label, consent), position, actor=SYSTEM
            )
        associations.record_member_count(
            association,
            D(2022, 12, 31),
            150 if code == "lao" else 80,
            is_illustrative=True,
            note="Minh họa",
            actor=SYSTEM,
        )
        associations.plan_congress(
            association,
            term_number=2,
            on=D(2023, 1, 1),
            precision=Y,
            is_illustrative=True,
            notes="Báo cáo: hoàn thành tổ chức Đại hội trong năm 2023; số nhiệm kỳ là minh họa.",
            actor=SYSTEM,
        )
        made[code] = association
    china = associations.create_association(
        office,
        name="Hội hữu nghị Việt Nam - Trung Quốc tỉnh Yên Bái",
        counterpart_country="CN",
        notes=SOURCE + " Đang trong thủ tục thành lập.",
        actor=SYSTEM,
    )
    associations.record_founding_step(
        china,
        FoundingStepKind.PROPOSAL,
        D(2022, 1, 1),
        precision=Y,
        body="Ban Đối ngoại Trung ương",
        note="Liên hiệp tham mưu Tỉnh ủy trình Ban Đối ngoại Trung ương đề nghị thành lập Hội; phối hợp Sở Nội vụ "
        "chuẩn bị Đại hội thành lập.",
        actor=SYSTEM,
    )
    associations.plan_congress(
        china,
        term_number=1,
        kind=CongressKind.FOUNDING,
        on=D(2023, 1, 1),
        precision=Y,
        notes="Báo cáo: hoàn thành tổ chức Đại hội trong năm 2023.",
        actor=SYSTEM,
    )
    made["trung"] = china
    return made


def _events(
    office: Office, parts: dict[str, Partnership], made: dict[str, Association], union: Organisation
) -> int:
    lao = made["lao"]
    laos_relations = Occasion.objects.filter(office=office, country="LA", kind="diplomatic_relations").first()
    specs = [
        dict(
            title="Hội đàm giữa đoàn đại biểu cấp cao tỉnh Yên Bái và tỉnh Viêng Chăn",
            kind=EventKind.TALKS,
            start_on=D(2022, 1, 1),
            date_precision=Y,
            partnership=parts["Tỉnh Viêng Chăn"],
            description=SOURCE + " Báo cáo không nêu ngày, địa điểm.",
        ),
        dict(
            title="Gặp mặt lưu học sinh Lào tại các trường cao đẳng trong tỉnh nhân dịp Tết Nguyên đán",
            kind=EventKind.STUDENT_ACTIVITY,
            start_on=D(2022, 1, 1),
            date_precision=M,
            association=lao,
            is_illustrative=True,
            description="Báo cáo nêu các hoạt động hằng năm; tháng và số người là minh họa.",
        ),
        dict(
            title="Giao lưu văn hóa, thể thao với lưu học sinh Lào nhân Tết Bunpimay",
            kind=EventKind.STUDENT_ACTIVITY,
            start_on=D(2022, 4, 1),
            date_precision=M,
            association=lao,
            is_illustrative=True,
            description="Báo cáo nêu các hoạt động hằng năm; tháng và số người là minh họa.",
        ),
        dict(
            title="Giao lưu hữu nghị kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào",
            kind=EventKind.CELEBRATION,
            start_on=D(2022, 9, 1),
            date_precision=M,
            association=lao,
            partnership=parts["Tỉnh Viêng Chăn"],
            occasion=laos_relations,
            is_illustrative=True,
            description="Báo cáo nêu các hoạt động nhân ngày kỷ niệm thiết lập quan hệ ngoại giao; hoạt động cụ "
            "thể là minh họa.",
        ),
    ]
    counts = [None, {"LA": 30, "VN": 20}, {"LA": 35, "VN": 25}, {"LA": 30, "VN": 50}]
    for spec, headcount in zip(specs, counts, strict=True):
        event = events.create_event(office, organisers=[union], actor=SYSTEM, **spec)  # type: ignore[arg-type]
        if headcount:
            events.set_headcounts(event, headcount, actor=SYSTEM)
    return len(specs)


def _plans(office: Office, parts: dict[str, Partnership], made: dict[str, Association]) -> None:
    directive = plans.create_document_ref(
        office,
        kind="directive",
        number="12-CT/TW",
        issued_on=D(2022, 1, 5),
        issuer="Ban Bí thư Trung ương Đảng",
        title="Về tăng cường sự lãnh đạo của Đảng, nâng cao hiệu quả đối ngoại nhân dân trong tình hình mới",
        actor=SYSTEM,
    )
    plan78 = plans.create_document_ref(
        office,
        kind="plan",
        number="78-KH/TU",
        issued_on=D(2022, 4, 29),
        issuer="Tỉnh ủy Yên Bái",
        title="Thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư Trung ương Đảng",
        implements=directive,
        actor=SYSTEM,
    )
    plan = plans.create_plan(
        office,
        year=2023,
        title="Định hướng công tác đối ngoại nhân dân năm 2023",
        implements=[plan78, directive],
        notes="Theo phần định hướng năm 2023 của " + SOURCE,
        actor=SYSTEM,
    )
    congresses = plans.add_task(
        plan,
        "Hoàn thành tổ chức Đại hội các Hội hữu nghị Việt - Pháp, Việt - Lào, Việt - Trung",
        owner=UNION,
        due_on=D(2023, 12, 31),
        actor=SYSTEM,
    )
    for code, label in [("phap", "Việt - Pháp"), ("lao", "Việt - Lào"), ("trung", "Việt - Trung")]:
        association = made[code]
        target = plans.add_target(
            congresses,
            f"Đại hội Hội hữu nghị {label}",
            TargetKind.CONGRESS_HELD,
            association=association,
            actor=SYSTEM,
        )
        for congress in association.congresses.all():
            plans.link_evidence(target, congress, note="Đại hội dự kiến", actor=SYSTEM)
    ties = plans.add_task(
        plan,
        "Củng cố, tăng cường quan hệ hợp tác với tỉnh Viêng Chăn, tỉnh Xay Nhạ Bu Ly (Lào), tỉnh Val de "
        "Marne (Pháp), tỉnh Vân Nam (Trung Quốc), thành phố Mimasaka (Nhật Bản)",
        owner=UNION,
        due_on=D(2023, 12, 31),
        actor=SYSTEM,
    )
    for name in ["Tỉnh Viêng Chăn", "Tỉnh Xay Nha Bu Ly", "Tỉnh Val de Marne", "Tỉnh Vân Nam", MIMASAKA]:
        plans.add_target(
            ties, f"Ít nhất một hoạt động với {name}", TargetKind.EVENT, partnership=parts[name], actor=SYSTEM
        )
    for title in [
        "Phối hợp với các ngành, địa phương triển khai Kế hoạch số 78-KH/TU ngày 29/4/2022 của Tỉnh ủy",
        "Làm tốt công tác người Việt Nam ở nước ngoài, vận động kiều bào đóng góp xây dựng quê hương",
        "Vận động viện trợ phi chính phủ nước ngoài: xác định nhu cầu, lập danh mục, xây dựng dự án gửi vận động",
        "Đổi mới thông tin đối ngoại trên Trang thông tin điện tử và Bản tin Hợp tác - Hữu nghị",
    ]:
        plans.add_task(plan, title, owner=UNION, due_on=D(2023, 12, 31), actor=SYSTEM)


@transaction.atomic
def load_relations_demo(yen_bai_office: Office, today: dt.date) -> RelationsDemoSummary:
    """Load the demo union's people's diplomacy once; a second run finds it and changes nothing.

    `today` is the demo's clock: it must be after 2022 (the loader records 2022 as past).
    """
    office = yen_bai_office
    existing = Partnership.objects.filter(office=office, organisation__name=MIMASAKA).exists()
    if existing or today < D(2023, 1, 1):
        return RelationsDemoSummary(False, 0, 0, 0, 0)
    province = _org(office, PROVINCE, kind=OrgKind.VN_AGENCY, country="VN", iati_type="10")
    union = _org(office, UNION, kind=OrgKind.VN_PEOPLES_ORG, country="VN", iati_type="22")
    calendar.seed_calendar(office, actor=SYSTEM)
    parts = _partnerships(office, province, union)
    _agreements(office, province, parts[MIMASAKA])
    made = _associations(office)
    n_events = _events(office, parts, made, union)
    _plans(office, parts, made)
    return RelationsDemoSummary(True, len(parts), 2, len(made), n_events)
