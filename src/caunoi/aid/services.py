"""Business operations on the aid ledger. Admin, CLI, web and importers all call these; each either
succeeds whole or raises a RuleError and saves nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from caunoi.aid import messages as m
from caunoi.aid.closing import check_open
from caunoi.aid.lifecycle import APPROVED_STATUSES, ENDED_STATUSES, TRANSITIONS, Status
from caunoi.aid.models import (
    HUNDRED,
    AidItem,
    ItemPlace,
    ItemSector,
    Modality,
    Participation,
    Role,
    Sector,
    StatusChange,
    Transaction,
    TransactionKind,
)
from caunoi.core import audit
from caunoi.core.errors import Text, joined, lowercase
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import fold, nfc
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit
from caunoi.money.currencies import clean_amount, clean_currency

DECISIONS = frozenset({Status.APPROVED, Status.DECLINED, Status.APPROVAL_REVOKED})

# Choices' `.values` builds a new list on every call; an IATI import checks tens of thousands of rows.
MODALITIES = frozenset(Modality.values)
STATUSES = frozenset(Status.values)
ROLES = frozenset(Role.values)
KINDS = frozenset(TransactionKind.values)
# What the messages of the share rules call an item's sectors and places.
SECTORS = gettext_lazy("lĩnh vực")
PLACES = gettext_lazy("địa bàn")
CHANGES_AFTER_APPROVAL = {
    "sectors": gettext_lazy("sửa lĩnh vực sau phê duyệt"),
    "places": gettext_lazy("sửa địa bàn sau phê duyệt"),
}


@dataclass(frozen=True)
class Decision:
    number: str
    date: dt.date
    authority: str


def _today() -> dt.date:
    return timezone.localdate()


def status_label(status: str) -> Text:
    """The status's label, lazy: a message shows it in its own language."""
    return Status(status).label


def check_item_fields(fields: dict[str, Any]) -> None:
    if "code" in fields and not fields["code"]:
        raise m.CODE_REQUIRED(field="code")
    if "title" in fields and not fields["title"]:
        raise m.TITLE_REQUIRED(field="title")
    if "modality" in fields and fields["modality"] not in MODALITIES:
        raise m.MODALITY_UNKNOWN(field="modality", value=fields["modality"])
    start, end = fields.get("planned_start"), fields.get("planned_end")
    if start and end and end < start:
        raise m.PLANNED_DATES(field="planned_end")
    count = fields.get("beneficiaries_count")
    if count is not None and count < 0:
        raise m.BENEFICIARIES_NEGATIVE(field="beneficiaries_count")
    amount, currency = fields.get("counterpart_amount"), fields.get("counterpart_currency")
    if (amount is None) != (not currency):
        raise m.COUNTERPART_CURRENCY(field="counterpart_amount")
    if amount is not None:
        fields["counterpart_amount"] = clean_amount(amount, "counterpart_amount")
        fields["counterpart_currency"] = clean_currency(str(currency), "counterpart_currency")


TEXT_FIELDS = (
    "code",
    "title",
    "title_en",
    "description",
    "objectives",
    "beneficiary_groups",
    "counterpart_source",
)
EDITABLE_FIELDS = frozenset(
    {
        *TEXT_FIELDS,
        "modality",
        "planned_start",
        "planned_end",
        "beneficiaries_count",
        "counterpart_amount",
        "counterpart_currency",
        "iati_identifier",
        "is_illustrative",
    }
)


def normalise_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    return {k: nfc(v) if k in TEXT_FIELDS else v for k, v in fields.items()}


@transaction.atomic
def create_item(
    office: Office,
    *,
    actor: Actor,
    entered_on: dt.date | None = None,
    status: str = Status.PROPOSAL,
    decision: Decision | None = None,
    **fields: Any,
) -> AidItem:
    """Record a new aid item, entering the ledger at `status` (proposal unless it is already further on).

    An item entered as approved (or later) must carry its approval decision; later steps are then recorded
    with `transition` so that each keeps its own date.
    """
    authorize(actor, Action.DECIDE if status in DECISIONS else Action.EDIT, office)
    fields = normalise_fields(fields)
    fields.setdefault("title_en", "")
    for required in ("code", "title", "modality"):
        fields.setdefault(required, "")
    check_item_fields(fields)
    if AidItem.objects.filter(office=office, code=fields["code"]).exists():
        raise m.CODE_TAKEN(field="code", code=fields["code"], office=office.code)
    if status not in (
        Status.PROPOSAL,
        Status.MOBILISING,
        Status.DOSSIER_SUBMITTED,
        Status.IN_APPRAISAL,
        Status.APPROVED,
        Status.DECLINED,
        Status.CANCELLED,
    ):
        if status not in STATUSES:
            raise m.STATUS_UNKNOWN(field="status", value=status)
        raise m.TRANSITION_NOT_ALLOWED(
            field="status",
            code=fields["code"],
            from_status="—",
            to_status=status_label(status),
            allowed=status_label(Status.APPROVED),
        )
    on = entered_on or (decision.date if decision else _today())
    item = AidItem(office=office, status=status, **fields)
    if status == Status.APPROVED:
        check_decision(decision)
        assert decision is not None
        on = decision.date
        item.approved_on = decision.date
    if on > _today():
        raise m.DATE_IN_FUTURE(field="entered_on", on=on)
    if status in ENDED_STATUSES:
        item.ended_on = on
    item.search_text = fold(" ".join([item.code, item.title, item.title_en]))
    audit.save(item, actor)
    change = StatusChange(
        item=item,
        from_status="",
        to_status=status,
        on=on,
        actor=history_user(actor),
        decision_number=decision.number if decision else "",
        decision_date=decision.date if decision else None,
        authority=decision.authority if decision else "",
        note="",
    )
    audit.save(change, actor)
    return item


@transaction.atomic
def update_item(item: AidItem, *, actor: Actor, **fields: Any) -> AidItem:
    authorize(actor, Action.EDIT, item.office)
    if item.archived_at:
        raise m.ITEM_ARCHIVED(code=item.code)
    fields = normalise_fields(fields)
    merged = {
        f: getattr(item, f)
        for f in ("planned_start", "planned_end", "counterpart_amount", "counterpart_currency")
    }
    merged.update(fields)
    check_item_fields(merged)
    if (
        "code" in fields
        and fields["code"] != item.code
        and (AidItem.objects.filter(office=item.office, code=fields["code"]).exclude(pk=item.pk).exists())
    ):
        raise m.CODE_TAKEN(field="code", code=fields["code"], office=item.office.code)
    for name in fields:
        setattr(item, name, merged[name])
    audit.save(item, actor)
    refresh_search_text(item)
    return item


def check_decision(decision: Decision | None) -> None:
    if decision is None or not decision.number.strip() or not decision.authority.strip() or not decision.date:
        raise m.APPROVAL_NEEDS_DECISION(field="decision_number")


@transaction.atomic
def transition(
    item: AidItem,
    to_status: str,
    on: dt.date,
    *,
    actor: Actor,
    decision: Decision | None = None,
    note: str = "",
) -> StatusChange:
    """Move an item one step along its lifecycle, checking that the step is allowed and dated in order."""
    authorize(actor, Action.DECIDE if to_status in DECISIONS else Action.EDIT, item.office)
    caller_item = item
    item = AidItem.objects.select_for_update().get(pk=item.pk)
    if item.archived_at:
        raise m.ITEM_ARCHIVED(code=item.code)
    last = item.status_changes.order_by("-on", "-id").first()
    check_step(item.code, item.status, to_status, on, last.on if last else None, item.approved_on, decision)
    if to_status == Status.APPROVED:
        assert decision is not None
        item.approved_on = decision.date
    if to_status == Status.IMPLEMENTING:
        item.actual_start = item.actual_start or on
    if to_status == Status.COMPLETED:
        item.actual_end = on
    if to_status in ENDED_STATUSES:
        item.ended_on = on
    change = StatusChange(
        item=item,
        from_status=item.status,
        to_status=to_status,
        on=on,
        actor=history_user(actor),
        decision_number=decision.number if decision else "",
        decision_date=decision.date if decision else None,
        authority=decision.authority if decision else "",
        note=nfc(note),
    )
    audit.save(change, actor)
    item.status = to_status
    audit.save(item, actor)
    for name in ("status", "approved_on", "actual_start", "actual_end", "ended_on", "updated_at"):
        setattr(caller_item, name, getattr(item, name))
    return change


def check_step(
    code: str,
    status: str,
    to_status: str,
    on: dt.date,
    last_on: dt.date | None,
    approved_on: dt.date | None,
    decision: Decision | None,
    today: dt.date | None = None,
) -> None:
    """The rules of one lifecycle step, apart from the database: `transition` and the bulk IATI import
    both call it, so the rules exist once."""
    if to_status not in STATUSES:
        raise m.STATUS_UNKNOWN(field="status", value=to_status)
    allowed = TRANSITIONS[status]
    if to_status not in allowed:
        if to_status == Status.IMPLEMENTING and status not in APPROVED_STATUSES:
            raise m.NOT_APPROVED(field="status", code=code)
        raise m.TRANSITION_NOT_ALLOWED(
            field="status",
            code=code,
            from_status=status_label(status),
            to_status=status_label(to_status),
            allowed=joined([status_label(s) for s in sorted(allowed)], ", ") if allowed else "—",
        )
    if on > (today or _today()):
        raise m.DATE_IN_FUTURE(field="on", on=on)
    if last_on is not None and on < last_on:
        raise m.TRANSITION_BEFORE_PREVIOUS(field="on", on=on, previous=last_on)
    if to_status == Status.APPROVED:
        check_decision(decision)
    if to_status == Status.IMPLEMENTING:
        assert approved_on is not None
        if on < approved_on:
            raise m.START_BEFORE_APPROVAL(field="on", on=on, approved_on=approved_on)


def _clean_share(value: Decimal | int | str) -> Decimal:
    try:
        share = Decimal(str(value))
    except InvalidOperation:
        raise m.SHARE_RANGE(field="share", share=value) from None
    if not share.is_finite() or share <= 0 or share > HUNDRED or share != share.quantize(Decimal("0.01")):
        raise m.SHARE_RANGE(field="share", share=value)
    return share


def check_shares(
    pairs: Sequence[tuple[Any, Decimal | int | str]], what: Text, field: str
) -> list[tuple[Any, Decimal]]:
    """`what` names the shares (SECTORS, PLACES) in the message of a total other than 100."""
    cleaned = [(obj, _clean_share(share)) for obj, share in pairs]
    seen: set[int] = set()
    for obj, _share in cleaned:
        if obj.pk in seen:
            raise m.DUPLICATE_ENTRY(field=field, name=str(obj))
        seen.add(obj.pk)
    total = sum((share for _, share in cleaned), Decimal(0))
    if cleaned and total != HUNDRED:
        raise m.SHARES_TOTAL(field=field, what=what, total=total.normalize())
    return cleaned


def primary_sector(shares: Sequence[tuple[Sector, Decimal]]) -> Sector | None:
    """The sector an item is counted under where one is named: the largest share, ties by the report order."""
    return min(shares, key=lambda pair: (-pair[1], pair[0].order, pair[0].code))[0] if shares else None


@transaction.atomic
def set_sectors(
    item: AidItem,
    shares: Sequence[tuple[Sector, Decimal | int | str]],
    *,
    actor: Actor,
    reason: str = "",
) -> None:
    """Replace the item's sectors; shares must total 100. Changing them once the item is approved needs a
    reason, kept in the history."""
    authorize(actor, Action.EDIT, item.office)
    for sector, _ in shares:
        if sector.archived_at:
            raise m.SECTOR_ARCHIVED(field="sectors", value=sector.name)
    cleaned = check_shares(shares, SECTORS, "sectors")
    new = [ItemSector(item=item, sector=s, share=v) for s, v in cleaned]
    _replace(item, item.sector_shares.all(), new, actor, reason, "sectors")
    primary = primary_sector(cleaned)
    if item.primary_sector_id != (primary.pk if primary else None):
        item.primary_sector = primary
        audit.save(item, actor, reason=nfc(reason).strip())


@transaction.atomic
def set_places(
    item: AidItem,
    shares: Sequence[tuple[AdminUnit, Decimal | int | str]],
    *,
    actor: Actor,
    reason: str = "",
) -> None:
    """Replace the item's places (units as recorded, of either era); shares must total 100. Changing them
    once the item is approved needs a reason, kept in the history."""
    authorize(actor, Action.EDIT, item.office)
    cleaned = check_shares(shares, PLACES, "places")
    new = [ItemPlace(item=item, unit=u, share=v) for u, v in cleaned]
    _replace(item, item.place_shares.all(), new, actor, reason, "places")
    refresh_search_text(item)


def _replace(
    item: AidItem, existing: Iterable[Any], new: list[Any], actor: Any, reason: str, field: str
) -> None:
    old = {_share_key(o): o for o in existing}
    changed = set(old) != {_share_key(o) for o in new} or any(
        old[_share_key(o)].share != o.share for o in new
    )
    reason = nfc(reason).strip()
    # The first sectors and places of an item entered as approved are its record, not a change to it.
    if changed and old and item.status in APPROVED_STATUSES and not reason:
        raise m.REASON_REQUIRED(field=field, what=CHANGES_AFTER_APPROVAL[field])
    for obj in new:
        current = old.pop(_share_key(obj), None)
        if current is None:
            audit.save(obj, actor, reason=reason)
        elif current.share != obj.share:
            current.share = obj.share
            audit.save(current, actor, reason=reason)
    for gone in old.values():
        audit.delete(gone, actor, reason=reason)


def _share_key(obj: Any) -> int:
    return obj.sector_id if isinstance(obj, ItemSector) else obj.unit_id


@transaction.atomic
def add_participant(item: AidItem, organisation: Organisation, role: str, *, actor: Actor) -> Participation:
    authorize(actor, Action.EDIT, item.office)
    if role not in ROLES:
        raise m.ROLE_UNKNOWN(field="role", value=role)
    ensure_same_office(organisation, item.office, "organisation")
    participation, created = Participation.objects.get_or_create(
        item=item, organisation=organisation, role=role
    )
    if created:
        audit.save(participation, actor)
        refresh_search_text(item)
    return participation


@transaction.atomic
def remove_participant(participation: Participation, *, actor: Actor) -> None:
    item = participation.item
    authorize(actor, Action.EDIT, item.office)
    audit.delete(participation, actor)
    refresh_search_text(item)


BLOCKED_FOR_MONEY = frozenset({Status.DECLINED, Status.CANCELLED})


def check_money(
    code: str,
    status: str,
    kind: str,
    amount: Decimal | str | int,
    currency: str,
    value_date: dt.date,
    today: dt.date | None = None,
) -> tuple[Decimal, str]:
    """The rules of one transaction on an item at `status`, apart from the database (shared with the bulk
    IATI import); returns the cleaned amount and currency."""
    if kind not in KINDS:
        raise m.KIND_UNKNOWN(field="kind", value=kind)
    value = clean_amount(amount)
    currency_code = clean_currency(currency)
    if status in BLOCKED_FOR_MONEY or (
        kind != TransactionKind.COMMITMENT and status not in APPROVED_STATUSES
    ):
        raise m.TRANSACTION_STATUS(
            field="kind",
            code=code,
            status=status_label(status),
            kind=lowercase(TransactionKind(kind).label),
        )
    if kind != TransactionKind.COMMITMENT and value_date > (today or _today()):
        raise m.DATE_IN_FUTURE(field="value_date", on=value_date)
    return value, currency_code


@transaction.atomic
def record_transaction(
    item: AidItem,
    kind: str,
    amount: Decimal | str | int,
    currency: str,
    value_date: dt.date,
    *,
    provider: Organisation | None = None,
    provider_name: str = "",
    receiver: Organisation | None = None,
    receiver_name: str = "",
    reference: str = "",
    description: str = "",
    actor: Actor,
) -> Transaction:
    """Record money: a commitment at any live stage; a disbursement or expenditure only once approved."""
    authorize(actor, Action.EDIT, item.office)
    item.refresh_from_db(fields=["status", "archived_at"])
    if item.archived_at:
        raise m.ITEM_ARCHIVED(code=item.code)
    value, code = check_money(item.code, item.status, kind, amount, currency, value_date)
    check_open(item.office, value_date)
    ensure_same_office(provider, item.office, "provider")
    ensure_same_office(receiver, item.office, "receiver")
    tx = Transaction(
        office=item.office,
        item=item,
        kind=kind,
        amount=value,
        currency=code,
        value_date=value_date,
        provider=provider,
        provider_name=nfc(provider_name) or (provider.name if provider else ""),
        receiver=receiver,
        receiver_name=nfc(receiver_name) or (receiver.name if receiver else ""),
        reference=nfc(reference),
        description=nfc(description),
    )
    audit.save(tx, actor)
    return tx


def search_text(
    code: str, title: str, title_en: str, organisations: Iterable[Organisation], places: Iterable[Any]
) -> str:
    """What the list's search matches an item by: its code and titles, its organisations' names and
    acronyms, its places' names, folded (caunoi.core.text.fold)."""
    organisations = list(organisations)
    parts = [code, title, title_en]
    parts += [o.name for o in organisations] + [o.acronym for o in organisations]
    parts += [str(unit) for unit in places]
    return fold(" ".join(p for p in parts if p))


def refresh_search_text(item: AidItem) -> None:
    text = search_text(
        item.code,
        item.title,
        item.title_en,
        [p.organisation for p in item.participations.select_related("organisation")],
        [p.unit for p in item.place_shares.select_related("unit__province")],
    )
    if text != item.search_text:
        AidItem.objects.filter(pk=item.pk).update(search_text=text)
        item.search_text = text


@transaction.atomic
def archive_item(item: AidItem, *, actor: Actor) -> None:
    """Take an item out of lists and reports; its records and history stay."""
    authorize(actor, Action.ARCHIVE, item.office)
    item.archived_at = timezone.now()
    audit.save(item, actor)


@transaction.atomic
def restore_item(item: AidItem, *, actor: Actor) -> None:
    authorize(actor, Action.RESTORE, item.office)
    item.archived_at = None
    audit.save(item, actor)


@transaction.atomic
def purge_item(item: AidItem, *, actor: Actor) -> None:
    """Delete an archived item and its records for good; the history keeps what was deleted and by whom."""
    authorize(actor, Action.PURGE, item.office)
    if item.archived_at is None:
        raise m.PURGE_NOT_ARCHIVED(code=item.code)
    for tx in item.transactions.all():
        audit.delete(tx, actor)
    for related in (*item.participations.all(), *item.sector_shares.all(), *item.place_shares.all()):
        audit.delete(related, actor)
    item.status_changes.all().delete()
    audit.delete(item, actor)


@transaction.atomic
def set_public(item: AidItem, public: bool, *, actor: Actor) -> None:
    """Publish an item on the office's open aid portal, or take it off. Only an approved item (or one
    further along: implementing, completed, closed…) may be published, never an archived one; taking an
    item off is always allowed. The portal itself shows only what is public *and* still approved."""
    authorize(actor, Action.EDIT, item.office)
    if public and item.archived_at:
        raise m.ITEM_ARCHIVED(code=item.code)
    if public and item.status not in APPROVED_STATUSES:
        raise m.PUBLIC_NOT_APPROVED(code=item.code, status=status_label(item.status))
    if item.is_public == public:
        return
    item.is_public = public
    audit.save(item, actor)
