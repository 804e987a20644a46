"""Loading the demo union through the same services staff use, so the demo obeys every ledger rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from caunoi.aid import services as aid
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, Role, Sector, TransactionKind
from caunoi.core.models import Account, Membership, Office
from caunoi.core.models import Role as OfficeRole
from caunoi.core.permissions import SYSTEM
from caunoi.core.text import fold
from caunoi.demo import data
from caunoi.directory.models import Organisation, OrgKind
from caunoi.geography.loader import load_geography
from caunoi.geography.models import REFORM_2025, AdminUnit, Era, Level
from caunoi.money.models import ExchangeRate, RateSource
from caunoi.money.services import record_rate
from caunoi.publishing.demo import load_publishing_demo
from caunoi.relations.demo import load_relations_demo

DEMO_PASSWORD = "caunoi-demo-2026"
DEMO_USERS = [
    # username, office, role. Yên Bái's staff carried on in the new Lào Cai union (1 July 2025), which
    # continues Yên Bái's records; "yenbai" stayed a member of Yên Bái only: it reads, and edits nothing.
    ("bientap", data.LAO_CAI, OfficeRole.EDITOR),
    ("lanhdao", data.LAO_CAI, OfficeRole.APPROVER),
    ("xem", data.LAO_CAI, OfficeRole.VIEWER),
    ("quantri", data.LAO_CAI, OfficeRole.OFFICE_ADMIN),
    ("laocai", data.LAO_CAI, OfficeRole.EDITOR),
    ("toanquoc", data.LAO_CAI, OfficeRole.NATIONAL_VIEWER),
    ("yenbai", data.YEN_BAI, OfficeRole.EDITOR),
]
RATE_NOTE = "minh họa — không phải tỷ giá chính thức"


@dataclass
class DemoSummary:
    created: bool
    items: int
    users: list[tuple[str, str]]


def _district(name: str) -> AdminUnit:
    """A 2022 district of Yên Bái; matched without diacritics since the official list spells "Mù Căng Chải"."""
    districts = AdminUnit.objects.filter(era=Era.LEGACY, level=Level.DISTRICT, province__short_name="Yên Bái")
    return next(d for d in districts if fold(d.short_name) == fold(name))


def _offices() -> tuple[Office, Office]:
    yen_bai_province = AdminUnit.objects.get(era=Era.LEGACY, level=Level.PROVINCE, short_name="Yên Bái")
    lao_cai_province = AdminUnit.objects.get(era=Era.REFORM_2025, level=Level.PROVINCE, short_name="Lào Cai")
    lao_cai = Office.objects.create(
        code=data.LAO_CAI,
        name="Liên hiệp các tổ chức hữu nghị tỉnh Lào Cai",
        name_en="Lào Cai Union of Friendship Organizations",
        abbreviation="LHHN",
        home_province=lao_cai_province,
        home_province_as_of=REFORM_2025,
        established_on=REFORM_2025,
    )
    yen_bai = Office.objects.create(
        code=data.YEN_BAI,
        name=data.UNION_NAME,
        name_en="Yên Bái Union of Friendship Organizations",
        abbreviation="LHHN",
        home_province=yen_bai_province,
        successor=lao_cai,
        succeeded_on=REFORM_2025,
    )
    return yen_bai, lao_cai


def _demo_user(username: str, **fields: bool) -> Any:
    """The demo user, with the demo password; saved only when new or changed (a second run writes nothing)."""
    user, _ = get_user_model().objects.get_or_create(username=username, defaults=fields)
    changed = [name for name, value in fields.items() if getattr(user, name) != value]
    for name in changed:
        setattr(user, name, fields[name])
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed.append("password")
    if changed:
        user.save()
    return user


def _users(yen_bai: Office, lao_cai: Office) -> list[tuple[str, str]]:
    offices = {data.YEN_BAI: yen_bai, data.LAO_CAI: lao_cai}
    _demo_user("admin", is_staff=True, is_superuser=True)
    created = [("admin", "superuser")]
    for username, office_code, role in DEMO_USERS:
        # Users of the app, not of the Django admin (that is the server operator's, `admin` above).
        user = _demo_user(username, is_staff=False)
        office = offices[office_code]
        account, _ = Account.objects.get_or_create(
            user=user, defaults={"office": office, "must_change_password": False}
        )
        if account.office_id != office.pk:
            account.office = office
            account.save()
        membership, _ = Membership.objects.get_or_create(user=user, office=office, defaults={"role": role})
        if membership.role != role:
            membership.role = role
            membership.save()
        Membership.objects.filter(user=user).exclude(office=office).delete()
        created.append((username, f"{role} @ {office_code}"))
    return created


def _organisations(office: Office) -> tuple[list[Organisation], Organisation, Organisation]:
    donors = [
        Organisation.objects.create(
            office=office,
            kind=OrgKind.FOREIGN_NGO,
            name=name,
            name_original=original,
            country=country,
            iati_type="21",
            is_illustrative=True,
        )
        for name, original, country in data.DONORS
    ]
    for kind, name, original, acronym, country in data.NAMED_IN_REPORT:
        Organisation.objects.create(
            office=office,
            kind=kind,
            name=name,
            name_original=original,
            acronym=acronym,
            country=country,
            iati_type="21" if kind == OrgKind.FOREIGN_NGO else "10",
        )
    line_agency = Organisation.objects.create(
        office=office, kind=OrgKind.VN_AGENCY, name=data.LINE_AGENCY, country="VN", iati_type="10"
    )
    union = Organisation.objects.create(
        office=office,
        kind=OrgKind.VN_PEOPLES_ORG,
        name=data.UNION_NAME,
        acronym="LHHN Yên Bái",
        country="VN",
        iati_type="22",
    )
    return donors, line_agency, union


def _one_year_later(day: dt.date) -> dt.date:
    return day.replace(year=day.year + 1)


def _load_item(
    office: Office,
    spec: data.DemoItem,
    donors: list[Organisation],
    line_agency: Organisation,
    union: Organisation,
    sectors: dict[str, Sector],
    today: dt.date,
) -> AidItem:
    decision = aid.Decision(
        number=f"{spec.number + 100}/QĐ-UBND", date=spec.approved_on, authority=data.AUTHORITY
    )
    item = aid.create_item(
        office,
        code=spec.code,
        modality=spec.modality,
        title=spec.title,
        title_en=spec.title_en,
        description="Khoản viện trợ minh họa: tên, nhà tài trợ, ngày và số tiền từng khoản do caunoi đặt ra.",
        planned_start=spec.approved_on + dt.timedelta(days=30),
        planned_end=_one_year_later(spec.approved_on),
        is_illustrative=True,
        status=Status.APPROVED,
        decision=decision,
        actor=SYSTEM,
    )
    donor = donors[spec.donor]
    aid.add_participant(item, donor, Role.FUNDING, actor=SYSTEM)
    aid.add_participant(item, line_agency, Role.LINE_AGENCY, actor=SYSTEM)
    if spec.union_runs_it:
        aid.add_participant(item, union, Role.OWNER, actor=SYSTEM)
    aid.set_sectors(item, [(sectors[spec.sector], 100)], actor=SYSTEM)
    aid.set_places(item, [(_district(name), share) for name, share in spec.places], actor=SYSTEM)
    aid.record_transaction(
        item,
        TransactionKind.COMMITMENT,
        spec.committed_usd,
        "USD",
        spec.approved_on,
        provider=donor,
        receiver=union if spec.union_runs_it else None,
        actor=SYSTEM,
    )
    start = spec.approved_on + dt.timedelta(days=30)
    aid.transition(item, Status.IMPLEMENTING, start, actor=SYSTEM)
    half = (spec.committed_usd / 2).quantize(Decimal("0.01"))
    first_date = start + dt.timedelta(days=15)
    ongoing = spec.modality == "programme"
    for amount, day in [(half, first_date), (spec.committed_usd - half, _one_year_later(start))]:
        if ongoing and day.year > 2022:
            break
        if spec.union_runs_it:
            rate = next(r for f, t, r in data.DEMO_RATES if f <= day <= t)
            aid.record_transaction(
                item, TransactionKind.DISBURSEMENT, amount * rate, "VND", day, provider=donor, actor=SYSTEM
            )
        else:
            aid.record_transaction(
                item, TransactionKind.DISBURSEMENT, amount, "USD", day, provider=donor, actor=SYSTEM
            )
    if not ongoing:
        end = _one_year_later(start) + dt.timedelta(days=20)
        aid.transition(item, Status.COMPLETED, end, actor=SYSTEM)
        if end + dt.timedelta(days=180) <= today:
            aid.transition(item, Status.CLOSED, end + dt.timedelta(days=180), actor=SYSTEM)
    return item


@transaction.atomic
def load_demo(today: dt.date) -> DemoSummary:
    """Load the demo union once; a second run finds it and changes nothing."""
    load_geography()
    existing = Office.objects.filter(code=data.YEN_BAI).first()
    if existing is not None:
        yen_bai, lao_cai = existing, Office.objects.get(code=data.LAO_CAI)
        return DemoSummary(False, AidItem.objects.filter(office=existing).count(), _users(yen_bai, lao_cai))
    yen_bai, lao_cai = _offices()
    if not ExchangeRate.objects.filter(reference=RATE_NOTE).exists():
        for first, last, rate in data.DEMO_RATES:
            record_rate(
                "USD", "VND", rate, first, RateSource.STAFF, valid_to=last, reference=RATE_NOTE, actor=SYSTEM
            )
        base, quote, first, last, rate = data.DEMO_OFFICE_RATE
        record_rate(base, quote, rate, first, RateSource.STAFF, last, RATE_NOTE, office=lao_cai, actor=SYSTEM)
    donors, line_agency, union = _organisations(yen_bai)
    sectors = {s.code: s for s in Sector.objects.all()}
    for spec in data.ITEMS:
        _load_item(yen_bai, spec, donors, line_agency, union, sectors, today)
    load_relations_demo(yen_bai, today)
    load_publishing_demo(yen_bai)
    return DemoSummary(True, len(data.ITEMS), _users(yen_bai, lao_cai))
