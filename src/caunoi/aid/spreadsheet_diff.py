"""What a file's item changes in the ledger's: each column that differs, with the text before and after (as
the export writes it), and the file's transactions matched to the ledger's.

Transactions have no identity in the file, so they are matched: an equal one first; then, among those left,
one of the same kind with the same reference, date or amount (in that order), else the first of that kind. A
matched pair whose cells differ is a correction; a file row left over is new money; a ledger transaction left
over is one the file no longer lists, which the import refuses (reversing money needs its own reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from caunoi.aid.itemspec import PARTICIPANT_ROLES, ItemSpec, TxSpec
from caunoi.aid.spreadsheet import spec_rows, tx_cells
from caunoi.aid.spreadsheet_layout import BY_KEY, ITEM_KEYS, TX_KEYS

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """One cell the file changes: its column's header, the text before and after; `row` for money."""

    key: str
    before: str
    after: str
    row: int | None = None

    @property
    def column(self) -> str:
        return BY_KEY[self.key].header


def item_values(spec: ItemSpec) -> dict[str, Any]:
    """The item's columns as values to compare (lists sorted, shares normalised)."""
    f, d = spec.fields, spec.decision
    return {
        "code": f["code"],
        "modality": f["modality"],
        "title": f["title"],
        "title_en": f["title_en"],
        "status": spec.status,
        "status_date": spec.status_date,
        "decision_number": d.number if d else "",
        "decision_date": d.date if d else None,
        "authority": d.authority if d else "",
        "actual_start": spec.actual_start,
        "actual_end": spec.actual_end,
        **{key: sorted(spec.participants.get(key, [])) for key in PARTICIPANT_ROLES},
        "sectors": sorted((n, s.normalize()) for n, s in spec.sectors),
        "places": sorted((n, s.normalize()) for n, s in spec.places),
        "planned_start": f["planned_start"],
        "planned_end": f["planned_end"],
        "beneficiaries_count": f["beneficiaries_count"],
        "beneficiary_groups": f["beneficiary_groups"],
        "counterpart_amount": None
        if f["counterpart_amount"] is None
        else f["counterpart_amount"].normalize(),
        "counterpart_currency": f["counterpart_currency"],
        "illustrative": bool(f["is_illustrative"]),
    }


def changed_keys(current: ItemSpec, wanted: ItemSpec) -> list[str]:
    """The item columns the file changes; a status date it leaves empty changes nothing."""
    mine, theirs = item_values(current), item_values(wanted)
    return [
        key
        for key in ITEM_KEYS
        if mine[key] != theirs[key] and not (key == "status_date" and wanted.status_date is None)
    ]


@dataclass
class TxMatch(Generic[T]):
    """The file's transactions against the ledger's (each ledger one carried with what it stands for, `T`)."""

    corrected: list[tuple[T, TxSpec, TxSpec]]  # (ledger record, before, after)
    added: list[TxSpec]
    missing: list[tuple[T, TxSpec]]


def _closest(tx: TxSpec, left: list[TxSpec]) -> int | None:
    """The index of the ledger transaction `tx` most likely corrects: same kind, then same reference, date
    or amount, else the first of its kind."""
    kind = [i for i, old in enumerate(left) if old.kind == tx.kind]
    for same in (
        [i for i in kind if tx.reference and left[i].reference == tx.reference],
        [i for i in kind if left[i].value_date == tx.value_date],
        [i for i in kind if left[i].amount == tx.amount],
        kind,
    ):
        if same:
            return same[0]
    return None


def match_transactions(ledger: list[tuple[T, TxSpec]], wanted: list[TxSpec]) -> TxMatch[T]:
    left = list(ledger)
    rest: list[TxSpec] = []
    for tx in wanted:
        same = next((i for i, (_, old) in enumerate(left) if old == tx), None)
        if same is None:
            rest.append(tx)
        else:
            left.pop(same)
    corrected: list[tuple[T, TxSpec, TxSpec]] = []
    added: list[TxSpec] = []
    for tx in rest:
        best = _closest(tx, [old for _, old in left])
        if best is None:
            added.append(tx)
        else:
            record, old = left.pop(best)
            corrected.append((record, old, tx))
    return TxMatch(corrected, added, left)


def describe(current: ItemSpec, wanted: ItemSpec, match: TxMatch[Any]) -> list[Change]:
    """Every cell the file changes, before → after, in the layout's column order; money by its row."""
    before, after = spec_rows(current)[0], spec_rows(wanted)[0]
    changes = [Change(key, str(before[key]), str(after[key])) for key in changed_keys(current, wanted)]
    for _, old, new in match.corrected:
        was, now = tx_cells(old), tx_cells(new)
        changes += [Change(key, was[key], now[key], new.row) for key in TX_KEYS if was[key] != now[key]]
    for new in match.added:
        now = tx_cells(new)
        changes += [Change(key, "", now[key], new.row) for key in TX_KEYS if now[key]]
    return changes
