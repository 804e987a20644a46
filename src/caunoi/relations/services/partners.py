"""Partnerships with foreign localities and organisations, and their contacts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.errors import lowercase
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation, OrgKind
from caunoi.relations import messages as m
from caunoi.relations.dates import Precision
from caunoi.relations.models import (
    PartnerLevel,
    Partnership,
    PartnershipContact,
    PartnershipKind,
    PartnershipStatus,
    Side,
)
from caunoi.relations.services.common import check_choice, check_order, not_archived, partial, required_text

# Organisations abroad, or representing a foreign country here: only these can be partners.
PARTNER_KINDS = frozenset(
    {
        OrgKind.FOREIGN_LOCALITY,
        OrgKind.FOREIGN_PEOPLES_ORG,
        OrgKind.EMBASSY,
        OrgKind.FOREIGN_NGO,
        OrgKind.INTERNATIONAL,
    }
)


def _check_partner(organisation: Organisation, office: Office) -> None:
    ensure_same_office(organisation, office, "organisation")
    not_archived(organisation)
    if organisation.kind not in PARTNER_KINDS:
        raise m.NOT_A_FOREIGN_PARTNER(
            field="organisation",
            name=organisation.name,
            kind=lowercase(OrgKind(organisation.kind).label),
        )
    if not organisation.country:
        raise m.PARTNER_WITHOUT_COUNTRY(field="organisation", name=organisation.name)


def _check(fields: dict[str, Any]) -> None:
    check_choice(fields["level"], PartnerLevel, _("cấp"), "level")
    check_choice(fields["kind"], PartnershipKind, pgettext_lazy("in a rule message", "loại quan hệ"), "kind")
    check_choice(fields["status"], PartnershipStatus, _("trạng thái"), "status")
    fields["since"] = partial(fields.get("since"), fields["since_precision"], "since_precision")
    if fields["status"] == PartnershipStatus.ENDED and not fields.get("ended_on"):
        raise m.ENDED_NEEDS_DATE(field="ended_on")
    check_order(
        fields.get("since"),
        fields.get("ended_on"),
        field="ended_on",
        start_what=_("Ngày bắt đầu quan hệ"),
        end_what=_("Ngày chấm dứt"),
    )
    fields["notes"] = nfc(fields.get("notes"))


@transaction.atomic
def create_partnership(
    office: Office,
    organisation: Organisation,
    *,
    level: str,
    kind: str,
    since: dt.date | None = None,
    since_precision: str = Precision.DAY,
    status: str = PartnershipStatus.ACTIVE,
    ended_on: dt.date | None = None,
    our_party: Organisation | None = None,
    notes: str = "",
    is_illustrative: bool = False,
    actor: Actor,
) -> Partnership:
    authorize(actor, Action.EDIT, office)
    _check_partner(organisation, office)
    ensure_same_office(our_party, office, "our_party")
    fields: dict[str, Any] = {
        "level": level,
        "kind": kind,
        "since": since,
        "since_precision": since_precision,
        "status": status,
        "ended_on": ended_on,
        "notes": notes,
    }
    _check(fields)
    if Partnership.objects.filter(
        office=office, organisation=organisation, archived_at__isnull=True
    ).exists():
        raise m.PARTNERSHIP_EXISTS(field="organisation", name=organisation.name, office=office.code)
    partnership = Partnership(
        office=office,
        organisation=organisation,
        our_party=our_party,
        is_illustrative=is_illustrative,
        **fields,
    )
    audit.save(partnership, actor)
    return partnership


EDITABLE = frozenset(
    {"level", "kind", "since", "since_precision", "status", "ended_on", "notes", "is_illustrative"}
)


@transaction.atomic
def update_partnership(partnership: Partnership, *, actor: Actor, **changes: Any) -> Partnership:
    authorize(actor, Action.EDIT, partnership.office)
    not_archived(partnership)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    fields = {name: getattr(partnership, name) for name in EDITABLE - {"is_illustrative"}}
    fields.update({k: v for k, v in changes.items() if k != "is_illustrative"})
    _check(fields)
    for name, value in fields.items():
        setattr(partnership, name, value)
    if "is_illustrative" in changes:
        partnership.is_illustrative = changes["is_illustrative"]
    audit.save(partnership, actor)
    return partnership


@transaction.atomic
def add_contact(
    partnership: Partnership,
    *,
    side: str,
    name: str,
    position: str = "",
    unit: str = "",
    email: str = "",
    phone: str = "",
    actor: Actor,
) -> PartnershipContact:
    authorize(actor, Action.EDIT, partnership.office)
    not_archived(partnership)
    check_choice(side, Side, _("phía"), "side")
    contact = PartnershipContact(
        partnership=partnership,
        side=side,
        name=required_text(name, _("họ tên người liên hệ"), "name"),
        position=nfc(position),
        unit=nfc(unit),
        email=email.strip(),
        phone=phone.strip(),
    )
    audit.save(contact, actor)
    return contact
