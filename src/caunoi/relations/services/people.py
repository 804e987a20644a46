"""People and what they consented to; whether a person may be named, shown or contacted on a day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation
from caunoi.relations import messages as m
from caunoi.relations.countries import clean_country
from caunoi.relations.models import Consent, ConsentKind, Person, PersonKind
from caunoi.relations.services.common import check_choice, not_archived, not_in_future, required_text

EDITABLE = frozenset(
    {
        "name",
        "kind",
        "nationality",
        "organisation",
        "institution",
        "email",
        "phone",
        "notes",
        "is_illustrative",
    }
)


def _clean_email(value: str | None) -> str:
    email = (value or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise m.EMAIL_INVALID(field="email", value=email) from None
    return email


def _clean(office: Office, fields: dict[str, Any], previous: Organisation | None = None) -> dict[str, Any]:
    """Check and normalise a person's fields (all of them: a creation's, or an update merged over the record)."""
    organisation = fields.get("organisation")
    ensure_same_office(organisation, office, "organisation")
    if organisation is not None and organisation != previous:
        not_archived(organisation)
    return {
        **fields,
        "name": required_text(fields.get("name"), pgettext_lazy("in a rule message", "họ tên"), "name"),
        "kind": check_choice(
            fields.get("kind") or "", PersonKind, pgettext_lazy("in a rule message", "nhóm"), "kind"
        ),
        "nationality": clean_country(fields.get("nationality"), "nationality", required=False),
        "institution": nfc(fields.get("institution")),
        "email": _clean_email(fields.get("email")),
        "phone": nfc(fields.get("phone")),
        "notes": nfc(fields.get("notes")),
    }


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
    actor: Actor,
) -> Person:
    authorize(actor, Action.EDIT, office)
    fields = _clean(
        office,
        {
            "name": name,
            "kind": kind,
            "nationality": nationality,
            "organisation": organisation,
            "institution": institution,
            "email": email,
            "phone": phone,
            "notes": notes,
            "is_illustrative": is_illustrative,
        },
    )
    person = Person(office=office, **fields)
    audit.save(person, actor)
    return person


@transaction.atomic
def update_person(person: Person, *, actor: Actor, **changes: Any) -> Person:
    """Change a person's own fields (name, group, nationality, organisation, contact details, notes)."""
    authorize(actor, Action.EDIT, person.office)
    not_archived(person)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    fields = {name: getattr(person, name) for name in EDITABLE}
    fields.update(changes)
    for name, value in _clean(person.office, fields, previous=person.organisation).items():
        setattr(person, name, value)
    audit.save(person, actor)
    return person


@transaction.atomic
def record_consent(person: Person, kind: str, given_on: dt.date, *, note: str = "", actor: Actor) -> Consent:
    """The person consented to `kind` on `given_on`. A consent that still stands is not recorded twice, and a
    new consent cannot be dated before the last withdrawal of the same kind (the answer for a day stays one)."""
    authorize(actor, Action.EDIT, person.office)
    not_archived(person)
    check_choice(kind, ConsentKind, pgettext_lazy("in a rule message", "nội dung đồng ý"), "kind")
    not_in_future(given_on, "given_on")
    earlier = list(person.consents.filter(kind=kind))
    standing = next((c for c in earlier if c.withdrawn_on is None), None)
    if standing is not None:
        raise m.CONSENT_STANDING(
            field="kind",
            name=person.name,
            kind=ConsentKind(kind).label,
            given=standing.given_on,
        )
    last = max((c.withdrawn_on for c in earlier if c.withdrawn_on), default=None)
    if last and given_on < last:
        raise m.CONSENT_BEFORE_WITHDRAWAL(field="given_on", given=given_on, withdrawn=last)
    consent = Consent(person=person, kind=kind, given_on=given_on, note=nfc(note))
    audit.save(consent, actor)
    return consent


@transaction.atomic
def withdraw_consent(person: Person, kind: str, on: dt.date, *, actor: Actor) -> list[Consent]:
    """End every standing consent of this kind on `on` (the record stays, dated).

    A withdrawal is recorded even for an archived person: it only ever narrows what may be published."""
    authorize(actor, Action.EDIT, person.office)
    check_choice(kind, ConsentKind, pgettext_lazy("in a rule message", "nội dung đồng ý"), "kind")
    not_in_future(on, "withdrawn_on")
    standing = list(person.consents.filter(kind=kind, withdrawn_on__isnull=True))
    if not standing:
        raise m.CONSENT_NONE_STANDING(field="kind", name=person.name, kind=ConsentKind(kind).label)
    for consent in standing:
        if on < consent.given_on:
            raise m.CONSENT_DATES(field="withdrawn_on", withdrawn=on, given=consent.given_on)
        consent.withdrawn_on = on
        audit.save(consent, actor)
    return standing


def consents(person: Person, kind: str, on: dt.date) -> bool:
    """Had the person consented to `kind` by `on`, without withdrawing it by then?"""
    return any(
        c.given_on <= on and (c.withdrawn_on is None or c.withdrawn_on > on)
        for c in person.consents.all()
        if c.kind == kind
    )
