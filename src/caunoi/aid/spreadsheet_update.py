"""Changing an aid item already in the ledger to what a file says, through the same services as the item's
pages — so every rule holds (a locked year's money, a reason for sectors and places after approval, the
lifecycle's order and dates) and every change is kept in the history with the actor who made it.

A file moves an item forward along its lifecycle the way a new item is entered (each step dated by its own
column); it does not rewrite the past: the approval decision, the start and completion dates already
recorded and the date of the current status are changed on the item's page, and money the file no longer
lists is reversed there, with its reason.
"""

from __future__ import annotations

from typing import Any, Literal

from caunoi.aid import messages as m
from caunoi.aid import services
from caunoi.aid.corrections import correct_transaction
from caunoi.aid.itemspec import ITEM_FIELDS, PARTICIPANT_ROLES, ItemSpec, TxSpec
from caunoi.aid.lifecycle import PIPELINE_STATUSES, Status
from caunoi.aid.models import AidItem, Transaction
from caunoi.aid.places import find_place
from caunoi.aid.sectors import find_sector
from caunoi.aid.spreadsheet import (
    Organisations,
    record_from_spec,
    spec_rows,
    status_steps,
    tx_cells,
    walk_status,
)
from caunoi.aid.spreadsheet_diff import TxMatch, changed_keys
from caunoi.aid.spreadsheet_layout import BY_KEY
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Actor

FIELD_OF_KEY = {"illustrative": "is_illustrative"}
DECISION_KEYS = ("decision_number", "decision_date", "authority")


def ledger_transactions(item: AidItem) -> list[tuple[Transaction, TxSpec]]:
    """The item's money that counts, each with what the file would say of it."""
    return [
        (t, TxSpec(t.kind, t.amount, t.currency, t.value_date, t.provider_name, t.receiver_name, t.reference))
        for t in item.transactions.all()
        if t.counts
    ]


def status_plan(current: ItemSpec, wanted: ItemSpec) -> tuple[bool, list[tuple[str, str]]]:
    """Whether the item is approved first (with the file's decision), and the steps after that."""
    if wanted.status == current.status:
        return False, []
    steps = status_steps(wanted)
    path = [Status.APPROVED, *(status for status, _ in steps)]
    if current.status in path:
        return False, steps[path.index(current.status) :]
    if (
        current.status in PIPELINE_STATUSES
        and wanted.decision is not None
        and wanted.status != Status.DECLINED
    ):
        return True, steps if wanted.status != Status.APPROVED else []
    return False, [(wanted.status, "status_date")]  # one step: the service says whether it may be taken


def _not_updatable(current: ItemSpec, key: str) -> RuleErrors:
    return m.FIELD_NOT_UPDATABLE(
        field=key, column=BY_KEY[key].header, code=current.code, before=spec_rows(current)[0][key] or "—"
    )


def check_updatable(current: ItemSpec, wanted: ItemSpec, keys: list[str]) -> None:
    approve, steps = status_plan(current, wanted)
    taken = {status for status, _ in steps}
    for key in keys:
        if (
            (key in DECISION_KEYS and not approve)
            or (key == "actual_start" and Status.IMPLEMENTING not in taken)
            or (key == "actual_end" and Status.COMPLETED not in taken)
            or (key == "status_date" and "status" not in keys)
        ):
            raise _not_updatable(current, key)


def update_from_spec(
    item: AidItem,
    current: ItemSpec,
    wanted: ItemSpec,
    match: TxMatch[Transaction],
    orgs: Organisations,
    *,
    actor: Actor,
    reason: str = "",
) -> None:
    """Make the item say what `wanted` says (`current` is what it says now, `match` its money against the
    file's); a broken rule raises and the caller's savepoint undoes the item's changes."""
    keys = changed_keys(current, wanted)
    check_updatable(current, wanted, keys)
    if match.missing:
        _, old = match.missing[0]
        what = " ".join(v for v in tx_cells(old).values() if v)
        raise m.TX_MISSING(field="tx_amount", what=what, code=current.code)
    fields = {
        FIELD_OF_KEY.get(key, key): wanted.fields[FIELD_OF_KEY.get(key, key)]
        for key in keys
        if FIELD_OF_KEY.get(key, key) in ITEM_FIELDS
    }
    if fields:
        services.update_item(item, actor=actor, **fields)
    _participants(item, current, wanted, orgs, actor)
    if "sectors" in keys:
        sectors = [(find_sector(name), share) for name, share in wanted.sectors]
        services.set_sectors(item, sectors, actor=actor, reason=reason)
    if "places" in keys:
        on = wanted.decision.date if wanted.decision else wanted.status_date or current.status_date
        places = [(find_place(name, on), share) for name, share in wanted.places]
        services.set_places(item, places, actor=actor, reason=reason)
    approve, steps = status_plan(current, wanted)
    if approve:
        assert wanted.decision is not None
        d = wanted.decision
        decision = services.Decision(d.number, d.date, d.authority)
        services.transition(item, Status.APPROVED, d.date, actor=actor, decision=decision)
    _money(item, match, orgs, actor, reason)
    walk_status(item, wanted, actor=actor, steps=steps)


def _participants(
    item: AidItem, current: ItemSpec, wanted: ItemSpec, orgs: Organisations, actor: Actor
) -> None:
    for key, role in PARTICIPANT_ROLES.items():
        before, after = set(current.participants.get(key, [])), set(wanted.participants.get(key, []))
        for name in sorted(after - before):
            services.add_participant(item, orgs.get(name, key), role, actor=actor)
        for participation in item.participations.filter(role=role).select_related("organisation"):
            if participation.organisation.name in before - after:
                services.remove_participant(participation, actor=actor)


def _money(
    item: AidItem, match: TxMatch[Transaction], orgs: Organisations, actor: Actor, reason: str
) -> None:
    def party(name: str, was: str, record: Any, role: str) -> Any:
        if name == was:
            return record
        return orgs.get(name, role) if name else None

    for tx, old, new in match.corrected:
        with _on_row(new.row):
            correct_transaction(
                tx,
                actor=actor,
                amount=new.amount,
                currency=new.currency,
                value_date=new.value_date,
                provider=party(new.provider, old.provider, tx.provider, "provider"),
                receiver=party(new.receiver, old.receiver, tx.receiver, "receiver"),
                reference=new.reference,
                reason=reason,
            )
    for new in match.added:
        record_from_spec(item, new, orgs, actor=actor)


class _on_row:
    """A broken rule of one transaction names the transaction's own row, not the item's first."""

    def __init__(self, row: int):
        self.row = row

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, error: Any, trace: Any) -> Literal[False]:
        if isinstance(error, RuleErrors):
            for p in error.problems:
                p.row = p.row or self.row or None
        return False
