"""Recording organisations and foreign NGOs' registrations under Decree 58/2022/NĐ-CP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction

from caunoi.core import audit
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.text import fold, nfc
from caunoi.directory import messages as m
from caunoi.directory.models import NgoRegistration, Organisation, RegistrationKind
from caunoi.iati.codelists import codelist

# Decree 58/2022: an operation registration runs at most 3 years, a representative office at most 5.
MAX_YEARS = {RegistrationKind.OPERATION: 3, RegistrationKind.REPRESENTATIVE_OFFICE: 5}
ORG_FIELDS = (
    "kind",
    "name",
    "name_original",
    "acronym",
    "country",
    "iati_type",
    "iati_ref",
    "website",
    "notes",
)


def _check(office: Office, fields: dict[str, Any], exclude: int | None = None) -> dict[str, Any]:
    fields = {k: (v or "") if k in ORG_FIELDS else v for k, v in fields.items()}
    if not fields.get("name", "").strip():
        raise m.NAME_REQUIRED(field="name")
    country = fields.get("country", "").strip().upper()
    if country and country not in codelist("Country"):
        raise m.COUNTRY_UNKNOWN(field="country", code=country)
    fields["country"] = country
    if fields.get("iati_type") and fields["iati_type"] not in codelist("OrganisationType"):
        raise m.ORG_TYPE_UNKNOWN(field="iati_type", code=fields["iati_type"])
    ref = fields.get("iati_ref", "").strip()
    if ref:
        others = Organisation.objects.filter(office=office, iati_ref=ref)
        other = (others.exclude(pk=exclude) if exclude is not None else others).first()
        if other is not None:
            raise m.IATI_REF_TAKEN(field="iati_ref", ref=ref, other=other.name)
    fields["iati_ref"] = ref
    if not ref:
        name = nfc(fields["name"])
        others = Organisation.objects.filter(office=office, iati_ref="", name_key=fold(name))
        other = (others.exclude(pk=exclude) if exclude is not None else others).first()
        if other is not None:
            raise m.NAME_TAKEN(field="name", name=name, other=other.name)
    return fields


@transaction.atomic
def create_organisation(office: Office, *, actor: Actor, **fields: Any) -> Organisation:
    authorize(actor, Action.EDIT, office)
    organisation = Organisation(office=office, **_check(office, fields))
    audit.save(organisation, actor)
    return organisation


def organisation_named(office: Office, name: str, *, kind: str, actor: Actor) -> tuple[Organisation, bool]:
    """The office's organisation of this name (folded: without accents or case; one without IATI
    identifier first), or a new one of `kind`; and whether it was created. Two callers at once create it
    once: the second's insert breaks the name's constraint (or its check), and it reads the first's."""
    found = _named(office, name)
    if found is not None:
        return found, False
    try:
        with transaction.atomic():
            return create_organisation(office, actor=actor, kind=kind, name=name), True
    except (IntegrityError, RuleErrors):
        found = _named(office, name)
        if found is None:
            raise
        return found, False


def _named(office: Office, name: str) -> Organisation | None:
    return (
        Organisation.objects.filter(office=office, name_key=fold(nfc(name)))
        .order_by("iati_ref", "pk")  # one without IATI identifier ("") first
        .first()
    )


@transaction.atomic
def update_organisation(organisation: Organisation, *, actor: Actor, **fields: Any) -> Organisation:
    authorize(actor, Action.EDIT, organisation.office)
    for name, value in _check(organisation.office, fields, exclude=organisation.pk).items():
        setattr(organisation, name, value)
    audit.save(organisation, actor)
    return organisation


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def record_registration(
    organisation: Organisation,
    kind: str,
    number: str,
    issued_on: dt.date,
    expires_on: dt.date,
    *,
    provinces: Iterable[Any] = (),
    fields_allowed: Iterable[Any] = (),
    actor: Actor,
) -> NgoRegistration:
    authorize(actor, Action.EDIT, organisation.office)
    kind = RegistrationKind(kind)
    if expires_on <= issued_on:
        raise m.REGISTRATION_DATES(field="expires_on")
    years = MAX_YEARS.get(kind)
    if years is not None and expires_on > _years_later(issued_on, years):
        raise m.REGISTRATION_TOO_LONG(field="expires_on", kind=kind.label, years=years)
    registration = NgoRegistration(
        organisation=organisation,
        kind=kind,
        number=number.strip(),
        issued_on=issued_on,
        expires_on=expires_on,
    )
    audit.save(registration, actor)
    registration.provinces.set(list(provinces))
    registration.fields_allowed.set(list(fields_allowed))
    return registration
