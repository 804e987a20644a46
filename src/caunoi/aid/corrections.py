"""Correcting recorded money: a transaction's amount, currency, date and parties can be changed, or the
transaction reversed with a reason. A reversed transaction stays in the ledger, shown struck through, and
counts in no figure (`Transaction.objects.counted()`). The history keeps every version with who and why.
A transaction dated in a locked year (`caunoi.aid.closing`) is neither corrected nor reversed, and a
correction cannot move it into one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from caunoi.aid import messages as m
from caunoi.aid.closing import check_open
from caunoi.aid.models import AidItem, Transaction
from caunoi.aid.services import check_money
from caunoi.core import audit
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.directory.models import Organisation


def _check_correctable(tx: Transaction, item: AidItem) -> None:
    if item.archived_at:
        raise m.ITEM_ARCHIVED(code=item.code)
    if tx.reversed_at is not None:
        raise m.TRANSACTION_REVERSED(what=str(tx), on=timezone.localtime(tx.reversed_at).date())


@transaction.atomic
def correct_transaction(
    tx: Transaction,
    *,
    actor: Actor,
    amount: Decimal | str | int,
    currency: str,
    value_date: dt.date,
    provider: Organisation | None,
    receiver: Organisation | None,
    reference: str = "",
    reason: str = "",
) -> Transaction:
    """Change what a transaction says, under the rules a new one obeys; the history keeps the old values."""
    authorize(actor, Action.EDIT, tx.office)
    tx = Transaction.objects.select_for_update().select_related("item", "office").get(pk=tx.pk)
    item = tx.item
    _check_correctable(tx, item)
    value, code = check_money(item.code, item.status, tx.kind, amount, currency, value_date)
    ensure_same_office(provider, tx.office, "provider")
    ensure_same_office(receiver, tx.office, "receiver")
    check_open(tx.office, tx.value_date, value_date)
    new = {
        "amount": value,
        "currency": code,
        "value_date": value_date,
        "provider_id": provider.pk if provider else None,
        "receiver_id": receiver.pk if receiver else None,
        "reference": nfc(reference),
    }
    if all(getattr(tx, name) == v for name, v in new.items()):
        raise m.NOTHING_CHANGED()
    if new["provider_id"] != tx.provider_id:
        tx.provider_name = provider.name if provider else ""
    if new["receiver_id"] != tx.receiver_id:
        tx.receiver_name = receiver.name if receiver else ""
    for name, v in new.items():
        setattr(tx, name, v)
    audit.save(tx, actor, reason=nfc(reason).strip())
    return tx


@transaction.atomic
def reverse_transaction(tx: Transaction, *, actor: Actor, reason: str) -> Transaction:
    """Take a transaction out of every figure, keeping it (and why) in the ledger."""
    authorize(actor, Action.EDIT, tx.office)
    tx = Transaction.objects.select_for_update().select_related("item", "office").get(pk=tx.pk)
    _check_correctable(tx, tx.item)
    reason = nfc(reason).strip()
    if not reason:
        raise m.REASON_REQUIRED(field="reason", what=gettext_lazy("hủy giao dịch"))
    check_open(tx.office, tx.value_date)
    tx.reversed_at, tx.reversed_by, tx.reversal_reason = timezone.now(), history_user(actor), reason
    audit.save(tx, actor, reason=reason)
    return tx
