"""Events and delegations, their participants and headcounts, the Decision 06/2020 permission, photos and
documents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caunoi.aid.models import AidItem
from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit
from caunoi.relations import messages as m
from caunoi.relations.countries import clean_country
from caunoi.relations.dates import Precision, first_day, last_day
from caunoi.relations.models import (
    Agreement,
    Association,
    Event,
    EventDocument,
    EventKind,
    EventParticipant,
    EventPhoto,
    Headcount,
    Occasion,
    ParticipantRole,
    Partnership,
    Person,
)
from caunoi.relations.services.common import (
    check_choice,
    check_order,
    not_archived,
    not_in_future,
    required_text,
)
from caunoi.relations.services.files import DOCUMENT, PHOTO, check_file

# Decision 06/2020/QĐ-TTg.
PERMISSION_LEAD_DAYS = 30
RESULT_REPORT_DAYS = 15

LINKS = ("partnership", "agreement", "aid_item", "association", "occasion")
EDITABLE = frozenset(
    {
        "title",
        "kind",
        "start_on",
        "end_on",
        "date_precision",
        "place",
        "place_unit",
        "country",
        "description",
        "outcomes",
        "is_illustrative",
        "permission_requested_on",
        "permission_authority",
        "permission_number",
        "permission_granted_on",
        "result_reported_on",
        *LINKS,
    }
)


def _check(office: Office, fields: dict[str, Any]) -> None:
    fields["title"] = required_text(
        fields.get("title"), pgettext_lazy("in a rule message", "tên hoạt động"), "title"
    )
    check_choice(fields["kind"], EventKind, pgettext_lazy("in a rule message", "loại hoạt động"), "kind")
    precision = fields.get("date_precision", Precision.DAY)
    check_choice(precision, Precision, _("độ chính xác ngày"), "date_precision")
    start, end = fields["start_on"], fields.get("end_on") or fields["start_on"]
    # A partial date spans its whole month or year.
    fields["start_on"], fields["end_on"] = first_day(start, precision), last_day(end, precision)
    check_order(
        fields["start_on"],
        fields["end_on"],
        field="end_on",
        start_what=_("Ngày bắt đầu"),
        end_what=_("Ngày kết thúc"),
    )
    fields["country"] = clean_country(fields.get("country") or "VN", "country")
    for name in ("place", "description", "outcomes", "permission_authority", "permission_number"):
        if name in fields:
            fields[name] = nfc(fields[name])
    for name in LINKS:
        ensure_same_office(fields.get(name), office, name)
        if fields.get(name) is not None:
            not_archived(fields[name])
    _check_permission(fields)


def _check_permission(fields: dict[str, Any]) -> None:
    """The Decision 06/2020 rules: asked ≥ 30 days before the start; granted after asked; reported after."""
    requested = fields.get("permission_requested_on")
    permission_given = any(
        fields.get(n) for n in ("permission_requested_on", "permission_granted_on", "permission_number")
    )
    if permission_given and fields["kind"] != EventKind.WORKSHOP:
        raise m.PERMISSION_ONLY_FOR_WORKSHOP(field="permission_requested_on")
    if requested:
        not_in_future(requested, "permission_requested_on")
        earliest = requested + dt.timedelta(days=PERMISSION_LEAD_DAYS)
        if fields["start_on"] < earliest:
            raise m.PERMISSION_LEAD_TIME(
                field="permission_requested_on",
                lead=PERMISSION_LEAD_DAYS,
                requested=requested,
                earliest=earliest,
                start=fields["start_on"],
            )
    check_order(
        requested,
        fields.get("permission_granted_on"),
        field="permission_granted_on",
        start_what=_("Ngày xin phép"),
        end_what=pgettext_lazy("in a rule message", "Ngày cho phép"),
    )
    check_order(
        fields["end_on"],
        fields.get("result_reported_on"),
        field="result_reported_on",
        start_what=_("Ngày kết thúc hội thảo"),
        end_what=pgettext_lazy("in a rule message", "Ngày gửi báo cáo kết quả"),
    )
    not_in_future(fields.get("result_reported_on"), "result_reported_on")


@transaction.atomic
def create_event(
    office: Office,
    *,
    title: str,
    kind: str,
    start_on: dt.date,
    end_on: dt.date | None = None,
    date_precision: str = Precision.DAY,
    place: str = "",
    place_unit: AdminUnit | None = None,
    country: str = "VN",
    organisers: Sequence[Organisation] = (),
    partnership: Partnership | None = None,
    agreement: Agreement | None = None,
    aid_item: AidItem | None = None,
    association: Association | None = None,
    occasion: Occasion | None = None,
    description: str = "",
    outcomes: str = "",
    permission_requested_on: dt.date | None = None,
    permission_authority: str = "",
    permission_number: str = "",
    permission_granted_on: dt.date | None = None,
    result_reported_on: dt.date | None = None,
    is_illustrative: bool = False,
    actor: Actor,
) -> Event:
    """Record an event, past or planned; an event with no end date lasts one day."""
    authorize(actor, Action.EDIT, office)
    fields = {k: v for k, v in locals().items() if k in EDITABLE}
    _check(office, fields)
    event = Event(office=office, **fields)
    audit.save(event, actor)
    set_organisers(event, organisers, actor=actor)
    return event


@transaction.atomic
def update_event(event: Event, *, actor: Actor, **changes: Any) -> Event:
    authorize(actor, Action.EDIT, event.office)
    not_archived(event)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    fields = {name: getattr(event, name) for name in EDITABLE}
    fields.update(changes)
    _check(event.office, fields)
    for name, value in fields.items():
        setattr(event, name, value)
    audit.save(event, actor)
    return event


@transaction.atomic
def set_organisers(event: Event, organisers: Sequence[Organisation], *, actor: Actor) -> None:
    authorize(actor, Action.EDIT, event.office)
    for organisation in organisers:
        ensure_same_office(organisation, event.office, "organisers")
    event._history_user = history_user(actor)  # type: ignore[attr-defined]  # read by simple_history's m2m tracking
    event.organisers.set(organisers)


@transaction.atomic
def add_participant(
    event: Event,
    role: str,
    *,
    person: Person | None = None,
    name: str = "",
    organisation: Organisation | None = None,
    actor: Actor,
) -> EventParticipant:
    authorize(actor, Action.EDIT, event.office)
    not_archived(event)
    check_choice(role, ParticipantRole, _("vai trò"), "role")
    ensure_same_office(person, event.office, "person")
    ensure_same_office(organisation, event.office, "organisation")
    if person is not None:
        not_archived(person)
    if person is None and not nfc(name):
        raise m.PARTICIPANT_NEEDS_NAME(field="name")
    participant = EventParticipant(
        event=event, person=person, name=nfc(name), organisation=organisation, role=role
    )
    audit.save(participant, actor)
    return participant


@transaction.atomic
def set_headcounts(event: Event, counts: dict[str, int], *, actor: Actor) -> None:
    """Replace the counts of participants by nationality ({"LA": 25, "VN": 40})."""
    authorize(actor, Action.EDIT, event.office)
    not_archived(event)
    cleaned: dict[str, int] = {}
    for country, count in counts.items():
        code = clean_country(country, "headcounts")
        if count <= 0:
            raise m.NEGATIVE(field="headcounts", what=_("Số người tham gia"))
        cleaned[code] = count
    existing = {h.country: h for h in event.headcounts.all()}
    for code, row in existing.items():
        if code not in cleaned:
            audit.delete(row, actor)
    for code, count in cleaned.items():
        row = existing.get(code) or Headcount(event=event, country=code, count=count)
        row.count = count
        audit.save(row, actor)


@transaction.atomic
def add_photo(event: Event, upload: File, caption: str, *, credit: str = "", actor: Actor) -> EventPhoto:
    authorize(actor, Action.EDIT, event.office)
    not_archived(event)
    check_file(upload, PHOTO, "file")
    photo = EventPhoto(
        event=event,
        caption=required_text(caption, _("chú thích ảnh"), "caption"),
        credit=nfc(credit),
    )
    photo.file.save(upload.name or "photo", upload, save=False)
    audit.save(photo, actor)
    return photo


@transaction.atomic
def add_document(event: Event, upload: File, title: str, *, actor: Actor) -> EventDocument:
    authorize(actor, Action.EDIT, event.office)
    not_archived(event)
    check_file(upload, DOCUMENT, "file")
    document = EventDocument(event=event, title=required_text(title, _("tên văn bản"), "title"))
    document.file.save(upload.name or "document", upload, save=False)
    audit.save(document, actor)
    return document


@dataclass(frozen=True)
class WorkshopDeadlines:
    permission_due: dt.date  # the last day to ask for permission
    result_report_due: dt.date


def workshop_deadlines(event: Event) -> WorkshopDeadlines:
    return WorkshopDeadlines(
        permission_due=event.start_on - dt.timedelta(days=PERMISSION_LEAD_DAYS),
        result_report_due=event.end_on + dt.timedelta(days=RESULT_REPORT_DAYS),
    )
