"""Agreements: recording, signing, renewing, terminating; their parties, fields, document and aid items."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caunoi.aid.messages import DUPLICATE_ENTRY
from caunoi.aid.models import AidItem
from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation
from caunoi.relations import messages as m
from caunoi.relations.dates import Precision, last_day
from caunoi.relations.models import (
    Agreement,
    AgreementAidItem,
    AgreementKind,
    AgreementParty,
    CooperationField,
    Partnership,
    Side,
)
from caunoi.relations.services.common import (
    check_choice,
    check_order,
    not_archived,
    not_in_future,
    partial,
    required_text,
)
from caunoi.relations.services.files import DOCUMENT, check_file


@transaction.atomic
def create_agreement(
    office: Office,
    *,
    title: str,
    kind: str,
    parties: Sequence[tuple[Organisation, str]],
    number: str = "",
    partnership: Partnership | None = None,
    signed_on: dt.date | None = None,
    signed_precision: str = Precision.DAY,
    signed_place: str = "",
    period_start: dt.date | None = None,
    period_end: dt.date | None = None,
    period_precision: str = Precision.DAY,
    fields: Sequence[CooperationField] = (),
    renews: Agreement | None = None,
    document: File | None = None,
    notes: str = "",
    is_illustrative: bool = False,
    actor: Actor,
) -> Agreement:
    """Record an agreement (a draft when `signed_on` is None) with its parties: (organisation, side) pairs."""
    authorize(actor, Action.EDIT, office)
    ensure_same_office(partnership, office, "partnership")
    agreement = Agreement(
        office=office,
        title=required_text(title, _("tên thỏa thuận"), "title"),
        kind=check_choice(kind, AgreementKind, _("loại thỏa thuận"), "kind"),
        number=nfc(number),
        partnership=partnership,
        signed_place=nfc(signed_place),
        notes=nfc(notes),
        is_illustrative=is_illustrative,
    )
    _set_dates(agreement, signed_on, signed_precision, period_start, period_end, period_precision)
    _check_renews(agreement, renews)
    agreement.renews = renews
    if document is not None:
        check_file(document, DOCUMENT, "document")
    audit.save(agreement, actor)
    set_parties(agreement, parties, actor=actor)
    set_fields(agreement, fields, actor=actor)
    if document is not None:
        agreement.document.save(document.name or "document", document, save=False)
        audit.save(agreement, actor)
    return agreement


def _set_dates(
    agreement: Agreement,
    signed_on: dt.date | None,
    signed_precision: str,
    period_start: dt.date | None,
    period_end: dt.date | None,
    period_precision: str,
) -> None:
    signed = partial(signed_on, signed_precision, "signed_precision")
    not_in_future(signed, "signed_on")
    start = partial(period_start, period_precision, "period_precision")
    # "giai đoạn 2022-2025" runs to the last day of 2025.
    end = last_day(period_end, period_precision) if period_end else None
    check_order(
        start,
        end,
        field="period_end",
        start_what=_("Ngày bắt đầu hiệu lực"),
        end_what=_("Ngày hết hiệu lực"),
    )
    check_order(
        signed,
        end,
        field="period_end",
        start_what=pgettext_lazy("in a rule message", "Ngày ký"),
        end_what=_("Ngày hết hiệu lực"),
    )
    agreement.signed_on, agreement.signed_precision = signed, signed_precision
    agreement.period_start, agreement.period_end, agreement.period_precision = start, end, period_precision


def _check_renews(agreement: Agreement, renews: Agreement | None) -> None:
    if renews is None:
        return
    ensure_same_office(renews, agreement.office, "renews")
    seen = {agreement.pk} if agreement.pk else set()
    current: Agreement | None = renews
    while current is not None:
        if current.pk in seen or current is agreement:
            raise m.RENEWS_ITSELF(field="renews", title=agreement.title)
        seen.add(current.pk)
        current = current.renews
    if agreement.signed_on and renews.signed_on and agreement.signed_on < renews.signed_on:
        raise m.RENEWAL_BEFORE_ORIGINAL(
            field="signed_on", signed=agreement.signed_on, original=renews.signed_on
        )


EDITABLE = frozenset(
    {"title", "kind", "number", "signed_place", "notes", "is_illustrative", "no_renewal_reason"}
)
DATES = frozenset({"signed_on", "signed_precision", "period_start", "period_end", "period_precision"})


@transaction.atomic
def update_agreement(agreement: Agreement, *, actor: Actor, **changes: Any) -> Agreement:
    """Change an agreement's own fields and dates (signing a draft is setting its `signed_on`)."""
    authorize(actor, Action.EDIT, agreement.office)
    not_archived(agreement)
    unknown = set(changes) - EDITABLE - DATES - {"renews"}
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if "title" in changes:
        changes["title"] = required_text(changes["title"], _("tên thỏa thuận"), "title")
    if "kind" in changes:
        check_choice(changes["kind"], AgreementKind, _("loại thỏa thuận"), "kind")
    for name in EDITABLE & set(changes):
        value = changes[name]
        setattr(agreement, name, nfc(value) if isinstance(value, str) else value)
    if DATES & set(changes):
        dates = {name: getattr(agreement, name) for name in DATES}
        dates.update({k: v for k, v in changes.items() if k in DATES})
        _set_dates(agreement, **dates)
    if "renews" in changes or (DATES & set(changes)):
        renews = changes.get("renews", agreement.renews)
        _check_renews(agreement, renews)
        agreement.renews = renews
    audit.save(agreement, actor)
    return agreement


@transaction.atomic
def set_parties(agreement: Agreement, parties: Sequence[tuple[Organisation, str]], *, actor: Actor) -> None:
    """Replace the parties; there must be at least one on each side. A party that is kept may have been
    archived since it signed; a new one may not be archived."""
    authorize(actor, Action.EDIT, agreement.office)
    not_archived(agreement)
    sides = set()
    seen: set[int] = set()
    for organisation, _side in parties:
        if organisation.pk in seen:  # one organisation cannot sign on both sides, nor twice on one
            raise DUPLICATE_ENTRY(field="parties", name=str(organisation))
        seen.add(organisation.pk)
    current = set(agreement.party_rows.values_list("organisation_id", flat=True))
    for organisation, side in parties:
        ensure_same_office(organisation, agreement.office, "parties")
        if organisation.pk not in current and organisation.archived_at:
            raise m.ARCHIVED(field="parties", what=str(organisation))
        check_choice(side, Side, _("phía"), "parties")
        sides.add(side)
    if sides != {Side.OURS, Side.THEIRS}:
        raise m.AGREEMENT_SIDES(field="parties")
    wanted = {org.pk: side for org, side in parties}
    for row in agreement.party_rows.all():
        if row.organisation_id not in wanted:
            audit.delete(row, actor)
        elif row.side != wanted[row.organisation_id]:
            row.side = wanted.pop(row.organisation_id)
            audit.save(row, actor)
        else:
            wanted.pop(row.organisation_id)
    for organisation, side in parties:
        if organisation.pk in wanted:
            audit.save(AgreementParty(agreement=agreement, organisation=organisation, side=side), actor)


@transaction.atomic
def set_fields(agreement: Agreement, fields: Sequence[CooperationField], *, actor: Actor) -> None:
    """Replace the fields of cooperation. A field already linked may have been archived since; a new one may
    not be."""
    authorize(actor, Action.EDIT, agreement.office)
    not_archived(agreement)
    current = set(agreement.fields.values_list("pk", flat=True)) if agreement.pk else set()
    for field in fields:
        if field.archived_at and field.pk not in current:
            raise m.FIELD_ARCHIVED(field="fields", name=field.name)
    agreement._history_user = history_user(actor)  # type: ignore[attr-defined]  # read by simple_history's m2m tracking
    agreement.fields.set(fields)


@transaction.atomic
def attach_document(agreement: Agreement, document: File, *, actor: Actor) -> None:
    authorize(actor, Action.EDIT, agreement.office)
    not_archived(agreement)
    check_file(document, DOCUMENT, "document")
    agreement.document.save(document.name or "document", document, save=False)
    audit.save(agreement, actor)


@transaction.atomic
def terminate_agreement(agreement: Agreement, on: dt.date, *, note: str = "", actor: Actor) -> Agreement:
    authorize(actor, Action.EDIT, agreement.office)
    not_archived(agreement)
    not_in_future(on, "terminated_on")
    if agreement.signed_on and on < agreement.signed_on:
        raise m.TERMINATED_BEFORE_SIGNED(field="terminated_on", on=on, signed=agreement.signed_on)
    agreement.terminated_on = on
    agreement.termination_note = nfc(note)
    audit.save(agreement, actor)
    return agreement


@transaction.atomic
def link_aid_item(
    agreement: Agreement, aid_item: AidItem, *, note: str = "", actor: Actor
) -> AgreementAidItem:
    """Say that an aid item serves an agreement; linking it twice changes nothing."""
    authorize(actor, Action.EDIT, agreement.office)
    not_archived(agreement)
    ensure_same_office(aid_item, agreement.office, "aid_item")
    not_archived(aid_item)
    link = AgreementAidItem.objects.filter(agreement=agreement, aid_item=aid_item).first()
    if link is None:
        link = AgreementAidItem(agreement=agreement, aid_item=aid_item, note=nfc(note))
        audit.save(link, actor)
    return link
