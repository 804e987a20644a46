"""Importing an aid spreadsheet: each item of the file is new, changed (each cell before → after), unchanged
or invalid (with its rule messages); then, unless it is only a preview, the file is saved.

- All or nothing (the default): one invalid item and nothing is saved.
- `valid_only`: the valid items are saved and the invalid ones left out (`left_out`: their rows and why,
  for `spreadsheet_leftout` to give back as a file to fix).
- `update`: a changed item is updated through the services (`spreadsheet_update`); without it, an item that
  differs from the ledger is invalid (`ITEM_EXISTS_DIFFERENT`), as the command line always did.

A preview (`save=False`) runs the very same writes and rolls them back, so what it says is what the import
does — every rule is checked by the services themselves, not by a copy of them.

The file is read twice, row by row (`spreadsheet_rows`); items are written in batches, all in one
transaction, each in its own savepoint. Memory holds a batch, the rows of items not yet complete, the first
MAX_PROBLEMS problems and the first MAX_SHOWN items' outcomes — not the file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from caunoi.aid import messages as m
from caunoi.aid.itemspec import prefetch_for_specs, spec_from_item
from caunoi.aid.models import AidItem
from caunoi.aid.spreadsheet import FIELD_COLUMNS, Organisations, create_from_spec
from caunoi.aid.spreadsheet_diff import Change, describe, match_transactions
from caunoi.aid.spreadsheet_layout import BY_KEY
from caunoi.aid.spreadsheet_rows import (
    ItemRows,
    Problems,
    RowReader,
    read_specs,
    scan,
)
from caunoi.aid.spreadsheet_update import ledger_transactions, update_from_spec
from caunoi.core import permissions
from caunoi.core.errors import Problem, RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor

BATCH = 200  # items looked up and written together
MAX_SHOWN = 2000  # items whose outcome is kept for the report; the counts cover them all
NEW, CHANGED, UNCHANGED, INVALID = "new", "changed", "unchanged", "invalid"
OUTCOMES = (NEW, CHANGED, UNCHANGED, INVALID)


@dataclass
class ItemOutcome:
    code: str
    rows: list[int]
    outcome: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportReport:
    source: str
    rows: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    items: list[ItemOutcome] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    organisations_created: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    left_out: dict[int, Problem] | None = None  # row → why, when asked for
    broken: bool = False  # the file could not be read to its end
    saved: bool = False

    @property
    def items_hidden(self) -> int:
        return sum(self.counts.values()) - len(self.items)

    def add(self, entry: ItemRows, outcome: str, changes: list[Change], problems: list[Problem]) -> None:
        self.counts[outcome] += 1
        if outcome in (NEW, CHANGED, UNCHANGED):
            {NEW: self.created, CHANGED: self.changed, UNCHANGED: self.unchanged}[outcome].append(entry.code)
        if len(self.items) < MAX_SHOWN:
            self.items.append(ItemOutcome(entry.code, entry.rows, outcome, changes, problems))
        if outcome == INVALID and self.left_out is not None:
            self._leave_out(entry, problems)

    def _leave_out(self, entry: ItemRows, problems: list[Problem]) -> None:
        first = problems[0] if problems else Problem(m.FILE_EMPTY)
        for row in entry.rows:
            own = next((p for p in problems if p.row == row), None)
            self.left_out[row] = own or Problem(  # type: ignore[index]
                m.ROW_LEFT_OUT,
                {
                    "code": entry.code,
                    "row": first.row or entry.rows[0],
                    "reason": first,  # shown in the language of this message
                },
                row=row,
            )

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            **{outcome: self.counts[outcome] for outcome in OUTCOMES},
            "created": len(self.created),
            "saved": self.saved,
            "organisations_created": self.organisations_created,
        }


def _located(problem: Problem, entry: ItemRows, source: str) -> Problem:
    column = FIELD_COLUMNS.get(problem.field or "") or (problem.field if problem.field in BY_KEY else None)
    return Problem(
        problem.msg,
        problem.params,
        field=problem.field,
        row=problem.row or (entry.rows[0] if entry.rows else None),
        column=BY_KEY[column].header if column else problem.column,
        source=source,
    )


def _item(
    office: Office, entry: ItemRows, item: AidItem | None, orgs: Organisations, options: dict[str, Any]
) -> tuple[str, list[Change]]:
    """Write one item (the caller's savepoint undoes it on a broken rule); its outcome and changes."""
    spec = entry.spec
    assert spec is not None
    if item is None:
        create_from_spec(office, spec, orgs, actor=options["actor"])
        return NEW, []
    current = spec_from_item(item)
    match = match_transactions(ledger_transactions(item), spec.transactions)
    changes = describe(current, spec, match)
    if not changes and not match.missing:
        return UNCHANGED, []
    if not options["update"]:
        columns = dict.fromkeys(c.column for c in changes) or {BY_KEY["tx_amount"].header: None}
        raise m.ITEM_EXISTS_DIFFERENT(code=spec.code, detail=", ".join(columns))
    update_from_spec(item, current, spec, match, orgs, actor=options["actor"], reason=options["reason"])
    return CHANGED, changes


def _batch(
    office: Office, batch: list[ItemRows], orgs: Organisations, report: ImportReport, options: dict[str, Any]
) -> None:
    codes = [entry.code for entry in batch if entry.spec is not None]
    existing = {i.code: i for i in prefetch_for_specs(AidItem.objects.filter(office=office, code__in=codes))}
    for entry in batch:
        if entry.spec is None:  # its cells' problems are counted already
            report.add(entry, INVALID, [], entry.problems)
            continue
        mark = orgs.mark()
        try:
            with transaction.atomic():
                outcome, changes = _item(office, entry, existing.get(entry.code), orgs, options)
        except RuleErrors as error:
            orgs.undo(mark)
            problems = [_located(p, entry, report.source) for p in error.problems]
            for problem in problems:
                report.problems.add(problem)
            report.add(entry, INVALID, [], problems)
        else:
            report.add(entry, outcome, changes, [])


def run_import(
    office: Office,
    path: Path,
    *,
    actor: Actor,
    update: bool = False,
    valid_only: bool = False,
    save: bool = True,
    reason: str = "",
    keep_left_out: bool = False,
) -> ImportReport:
    """Read, check and (unless `save` is false or the file is refused) save the file; the report says what
    happened to each item. A file whose columns are wrong or that cannot be read raises RuleErrors."""
    permissions.authorize(actor, Action.EDIT, office)
    keys, last_rows = scan(path)
    report = ImportReport(source=path.name, left_out={} if keep_left_out or valid_only else None)
    options = {"actor": actor, "update": update, "reason": reason}
    with transaction.atomic():
        orgs = Organisations(office, actor)
        batch: list[ItemRows] = []
        try:
            reader = RowReader(path.name, report.problems)
            for read, entry in read_specs(path, keys, last_rows, reader):
                report.rows = read
                batch.append(entry)
                if len(batch) == BATCH:
                    _batch(office, batch, orgs, report, options)
                    batch = []
            _batch(office, batch, orgs, report, options)
        except RuleErrors as error:  # the file turned out unreadable halfway
            report.broken = True
            for problem in error.problems:
                report.problems.add(problem)
        report.organisations_created = list(orgs.created)
        report.saved = save and not report.broken and (valid_only or not report.counts[INVALID])
        if not report.saved:
            transaction.set_rollback(True)
    return report


def import_file(
    office: Office,
    path: Path,
    *,
    actor: Actor,
    update: bool = False,
    valid_only: bool = False,
    reason: str = "",
) -> ImportReport:
    """Import the file, or raise ImportRefused naming its problems (the first MAX_PROBLEMS and their total)
    and save nothing."""
    report = run_import(office, path, actor=actor, update=update, valid_only=valid_only, reason=reason)
    if not report.saved:
        raise report.problems.refusal()
    return report
