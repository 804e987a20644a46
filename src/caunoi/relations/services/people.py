"""People and what they consented to; whether a person may be named, shown or contacted on a day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation
from caunoi.relations import messages as m
from caunoi.relations.countries import clean_country
from caunoi.relations.dates import vn_date
from caunoi.relations.models import Consent, ConsentKind, Person, PersonKind
from caunoi.relations.services.common import check_choice, not_archived, not_in_future, required_text


@transaction.atomic
def create_person(
    office: Office,
    *,
    name: str,
    kind: str,
    nationality: str = "",
    organisation: Organisation | None = None,
    institution: str = "",
    email: str = "",
    phone: str = "",
    notes: str = "",
    is_illustrative: bool = False,
    actor: Any = None,
) -> Person:
    ensure_same_office(organisation, office, "organisation")
    person = Person(
        office=office,
        name=required_text(name, "họ tên", "name", "name"),
        kind=check_choice(kind, PersonKind, "nhóm", "kind of person", "kind"),
        nationality=clean_country(nationality, "nationality", required=False),
        organisation=organisation,
        institution=nfc(institution),
        email=email.strip(),
        phone=phone.strip(),
        notes=nfc(notes),
        is_illustrative=is_illustrative,
    )
    audit.save(person, actor)
    return person


@transaction.atomic
def record_consent(
    person: Person, kind: str, given_on: dt.date, *, note: str = "", actor: Any = None
) -> Consent:
    not_archived(person)
    check_choice(kind, ConsentKind, "nội dung đồng ý", "kind of consent", "kind")
    not_in_future(given_on, "given_on")
    consent = Consent(person=person, kind=kind, given_on=given_on, note=nfc(note))
    audit.save(consent, actor)
    return consent


@transaction.atomic
def withdraw_consent(person: Person, kind: str, on: dt.date, *, actor: Any = None) -> list[Consent]:
    """End every standing consent of this kind on `on` (the record stays, dated)."""
    check_choice(kind, ConsentKind, "nội dung đồng ý", "kind of consent", "kind")
    not_in_future(on, "withdrawn_on")
    ended = []
    for consent in person.consents.filter(kind=kind, withdrawn_on__isnull=True):
        if on < consent.given_on:
            raise m.CONSENT_DATES(
                field="withdrawn_on", withdrawn=vn_date(on), given=vn_date(consent.given_on)
            )
        consent.withdrawn_on = on
        audit.save(consent, actor)
        ended.append(consent)
    return ended


def consents(person: Person, kind: str, on: dt.date) -> bool:
    """Had the person consented to `kind` by `on`, without withdrawing it by then?"""
    return any(
        c.given_on <= on and (c.withdrawn_on is None or c.withdrawn_on > on)
        for c in person.consents.all()
        if c.kind == kind
    )
