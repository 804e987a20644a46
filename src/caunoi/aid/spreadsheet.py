"""Import and export of aid items in the staff spreadsheet layout (.xlsx or .csv).

Import is all or nothing: the problems of every row are reported (row, column, reason in Vietnamese and
English; the first MAX_PROBLEMS and their total) and, if there is one, nothing is saved. An item already in the ledger and identical to the file
counts as unchanged, so an exported file re-imports without duplicating anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from caunoi.aid import cells, services
from caunoi.aid import messages as m
from caunoi.aid.itemspec import (
    ITEM_FIELDS,
    PARTICIPANT_ROLES,
    Decision,
    ItemSpec,
    TxSpec,
    prefetch_for_specs,
    spec_from_item,
)
from caunoi.aid.lifecycle import APPROVED_STATUSES, PIPELINE_STATUSES, Status
from caunoi.aid.models import AidItem, Modality, TransactionKind
from caunoi.aid.places import find_place
from caunoi.aid.sectors import find_sector
from caunoi.aid.spreadsheet_layout import BY_KEY, COLUMNS, ITEM_KEYS, TX_KEYS, YES
from caunoi.aid.spreadsheet_reader import header_keys, is_blank, open_rows
from caunoi.core import cells as safe
from caunoi.core import limits, permissions
from caunoi.core.errors import Problem, RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor
from caunoi.core.text import fold
from caunoi.directory.models import Organisation, OrgKind
from caunoi.directory.services import organisation_named
from caunoi.money.currencies import clean_amount

MODALITY_EN = {"programme": "programme", "project": "project", "non_project": "non-project"}
KIND_EN = {"1": "incoming funds", "2": "commitment", "3": "disbursement", "4": "expenditure"}
MAX_PROBLEMS = 1000  # listed when a file is refused; the total is counted beyond them
BATCH = 200  # items looked up and written together


@dataclass
class ImportSummary:
    rows: int = 0
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    organisations_created: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "created": len(self.created),
            "unchanged": len(self.unchanged),
            "organisations_created": self.organisations_created,
        }


# ---- rows → specs ------------------------------------------------------------------------------------


class _Problems:
    """The first MAX_PROBLEMS problems of an import, and how many there were in all."""

    def __init__(self) -> None:
        self.kept: list[Problem] = []
        self.total = 0

    def add(self, problem: Problem) -> None:
        self.total += 1
        if len(self.kept) < MAX_PROBLEMS:
            self.kept.append(problem)

    def refusal(self) -> ImportRefused:
        kept = sorted(self.kept, key=lambda p: p.row or 0)
        if self.total > len(kept):
            kept.append(Problem(m.PROBLEMS_MORE, {"shown": len(kept), "total": self.total}))
        return ImportRefused(kept, self.total)


class ImportRefused(RuleErrors):
    """Nothing was imported; `problems` lists the first MAX_PROBLEMS of `total`."""

    def __init__(self, problems: list[Problem], total: int):
        super().__init__(problems)
        self.total = total


class _RowReader:
    """Parses the rows of one item; its problems go to the import's, and it says whether it had any."""

    def __init__(self, source: str, problems: _Problems):
        self.source = source
        self.problems = problems
        self.reported: set[tuple[int, str | None]] = set()

    def get(self, row: int, values: dict[str, Any], key: str, parse: Any, *args: Any) -> Any:
        try:
            return parse(values.get(key), *args)
        except RuleErrors as error:
            for p in error.problems:
                self.fail(row, key, Problem(p.msg, p.params))
            return None

    def fail(self, row: int, key: str | None, problem: Problem) -> None:
        problem.row, problem.source = row, self.source
        problem.column = BY_KEY[key].header if key else problem.column
        self.reported.add((row, problem.column))
        self.problems.add(problem)

    def has_failed(self, row: int, key: str) -> bool:
        return (row, BY_KEY[key].header) in self.reported


def _required(value: Any, field: str) -> str:
    text = cells.text(value)
    if not text:
        raise m.CELL_REQUIRED(field=field)
    return text


def _amount(value: Any, field: str) -> Decimal | None:
    """A transaction's amount, held to the ledger's rules (positive, cents, at most MAX_AMOUNT) here, where
    the problem names its own row and column."""
    number = cells.parse_decimal(value, field)
    return None if number is None else clean_amount(number, field)


def _optional_choice(
    value: Any, choices: Any, field: str, english: dict[str, str] | None = None
) -> str | None:
    return cells.parse_choice(value, choices, field, english) if cells.text(value) else None


def _parse_item(reader: _RowReader, row: int, v: dict[str, Any]) -> ItemSpec:
    g = reader.get
    spec = ItemSpec(
        fields={
            "code": g(row, v, "code", _required, "code"),
            "modality": g(row, v, "modality", cells.parse_choice, Modality, "modality", MODALITY_EN),
            "title": g(row, v, "title", _required, "title"),
            "title_en": cells.text(v.get("title_en")),
            "planned_start": g(row, v, "planned_start", cells.parse_date, "planned_start"),
            "planned_end": g(row, v, "planned_end", cells.parse_date, "planned_end"),
            "beneficiaries_count": g(row, v, "beneficiaries_count", cells.parse_int, "beneficiaries_count"),
            "beneficiary_groups": cells.text(v.get("beneficiary_groups")),
            "counterpart_amount": g(row, v, "counterpart_amount", cells.parse_decimal, "counterpart_amount"),
            "counterpart_currency": cells.text(v.get("counterpart_currency")).upper(),
            "is_illustrative": bool(g(row, v, "illustrative", cells.parse_bool, "illustrative")),
        },
        first_row=row,
    )
    spec.status = g(row, v, "status", _optional_choice, Status, "status") or Status.PROPOSAL
    spec.status_date = g(row, v, "status_date", cells.parse_date, "status_date")
    number = cells.text(v.get("decision_number"))
    date = g(row, v, "decision_date", cells.parse_date, "decision_date")
    authority = cells.text(v.get("authority"))
    if number or date or authority:
        spec.decision = Decision(number, date, authority)
    spec.actual_start = g(row, v, "actual_start", cells.parse_date, "actual_start")
    spec.actual_end = g(row, v, "actual_end", cells.parse_date, "actual_end")
    spec.participants = {key: cells.parse_names(v.get(key)) for key in PARTICIPANT_ROLES}
    spec.sectors = g(row, v, "sectors", cells.parse_shares, "sectors") or []
    spec.places = g(row, v, "places", cells.parse_shares, "places") or []
    return spec


def _parse_tx(reader: _RowReader, row: int, v: dict[str, Any]) -> TxSpec | None:
    if not any(cells.text(v.get(key)) for key in TX_KEYS):
        return None
    g = reader.get
    kind = g(row, v, "tx_kind", cells.parse_choice, TransactionKind, "tx_kind", KIND_EN)
    amount = g(row, v, "tx_amount", _amount, "tx_amount")
    currency = g(row, v, "tx_currency", _required, "tx_currency")
    value_date = g(row, v, "tx_date", cells.parse_date, "tx_date")
    if amount is None and not reader.has_failed(row, "tx_amount"):
        reader.fail(row, "tx_amount", Problem(m.CELL_REQUIRED))
    if value_date is None and not reader.has_failed(row, "tx_date"):
        reader.fail(row, "tx_date", Problem(m.CELL_REQUIRED))
    if None in (kind, amount, currency, value_date):
        return None
    return TxSpec(
        row=row,
        kind=kind,
        amount=amount,
        currency=str(currency).upper(),
        value_date=value_date,
        provider=cells.text(v.get("tx_provider")),
        receiver=cells.text(v.get("tx_receiver")),
        reference=cells.text(v.get("tx_reference")),
    )


def _item_spec(code: str, rows: list[tuple[int, dict[str, Any]]], reader: _RowReader) -> ItemSpec | None:
    """The item of one code from its rows (the first gives the item's columns; later ones may repeat them,
    equal, or leave them empty), or None when a cell of its rows is wrong (the problems are reported)."""
    found = reader.problems.total
    reader.reported.clear()  # only this item's rows are asked about: the set stays small
    first_row, first_values = rows[0]
    spec = _parse_item(reader, first_row, first_values)
    for row, values in rows:
        if row != first_row:
            for key in ITEM_KEYS:
                later = cells.text(values.get(key))
                if later and later != cells.text(first_values.get(key)):
                    reader.fail(
                        row,
                        key,
                        Problem(
                            m.ROW_CONFLICT,
                            {"column": BY_KEY[key].header, "first_row": first_row, "code": code},
                        ),
                    )
        tx = _parse_tx(reader, row, values)
        if tx is not None:
            spec.transactions.append(tx)
    return spec if reader.problems.total == found else None


# ---- specs → ledger ----------------------------------------------------------------------------------

FIELD_COLUMNS = {
    "code": "code",
    "title": "title",
    "modality": "modality",
    "planned_end": "planned_end",
    "planned_start": "planned_start",
    "beneficiaries_count": "beneficiaries_count",
    "counterpart_amount": "counterpart_amount",
    "counterpart_currency": "counterpart_currency",
    "currency": "tx_currency",
    "amount": "tx_amount",
    "kind": "tx_kind",
    "value_date": "tx_date",
    "sectors": "sectors",
    "places": "places",
    "status": "status",
    "on": "status_date",
    "entered_on": "status_date",
    "decision_number": "decision_number",
    "share": "sectors",
    "status_date": "status_date",
    "actual_start": "actual_start",
    "actual_end": "actual_end",
    "title_en": "title_en",
    "beneficiary_groups": "beneficiary_groups",
    "authority": "authority",
    "reference": "tx_reference",
    "provider_name": "tx_provider",
    "receiver_name": "tx_receiver",
    **{key: key for key in ("funding", "line_agency", "owner", "implementing", "tx_provider", "tx_receiver")},
}
# The column naming an organisation of each role (`_Organisations.get`).
ORG_COLUMNS = {"provider": "tx_provider", "receiver": "tx_receiver"}


class _Organisations:
    def __init__(self, office: Office, summary: ImportSummary, actor: Any):
        self.office = office
        self.summary = summary
        self.actor = actor
        self.by_name: dict[str, Organisation] = {}
        for org in Organisation.objects.filter(office=office, archived_at__isnull=True):
            for name in (org.name, org.name_original, org.acronym):
                if name:
                    self.by_name.setdefault(fold(name), org)

    def get(self, name: str, role: str) -> Organisation:
        key = fold(name)
        if key not in self.by_name:
            kind = OrgKind.FOREIGN_NGO if role in ("funding", "provider") else OrgKind.VN_AGENCY
            org = Organisation(office=self.office, kind=kind, name=name)
            problems = limits.instance_problems(org)
            if problems:  # named in the organisation's column, not as a field of the item
                column = ORG_COLUMNS.get(role, role)
                raise RuleErrors(Problem(p.msg, p.params, field=column) for p in problems)
            # (an archived one of that name is the same organisation: the name is its identity)
            org, created = organisation_named(self.office, name, kind=kind, actor=self.actor)
            self.by_name[key] = org
            if created:
                self.summary.organisations_created.append(name)
        return self.by_name[key]


def _reference_date(spec: ItemSpec) -> dt.date | None:
    if spec.decision and spec.decision.date:
        return spec.decision.date
    return spec.status_date


def _apply(office: Office, spec: ItemSpec, orgs: _Organisations, actor: Actor) -> None:
    status = spec.status
    decision = None
    if spec.decision is not None:
        decision = services.Decision(spec.decision.number, spec.decision.date, spec.decision.authority)
    enters_approved = (
        status in APPROVED_STATUSES
        or status == Status.APPROVAL_REVOKED
        or (status == Status.CANCELLED and decision is not None)
    )
    entry_status = Status.APPROVED if enters_approved else status
    if enters_approved and decision is None:
        raise m.APPROVAL_NEEDS_DECISION(field="decision_number")
    if (
        entry_status in PIPELINE_STATUSES | {Status.DECLINED, Status.CANCELLED}
        and spec.status_date is None
        and entry_status != Status.PROPOSAL
    ):
        raise m.STATUS_NEEDS_DATE(
            field="status_date", status=str(Status(status).label), column=BY_KEY["status_date"].header
        )
    item = services.create_item(
        office,
        actor=actor,
        status=entry_status,
        decision=decision,
        entered_on=None if enters_approved else spec.status_date,
        **{k: v for k, v in spec.fields.items() if k in ITEM_FIELDS},
    )
    for key, role in PARTICIPANT_ROLES.items():
        for name in spec.participants.get(key, []):
            services.add_participant(item, orgs.get(name, key), role, actor=actor)
    services.set_sectors(item, [(find_sector(name), share) for name, share in spec.sectors], actor=actor)
    on = _reference_date(spec)
    services.set_places(item, [(find_place(name, on), share) for name, share in spec.places], actor=actor)
    for tx in spec.transactions:
        try:
            services.record_transaction(
                item,
                tx.kind,
                tx.amount,
                tx.currency,
                tx.value_date,
                provider=orgs.get(tx.provider, "provider") if tx.provider else None,
                receiver=orgs.get(tx.receiver, "receiver") if tx.receiver else None,
                reference=tx.reference,
                actor=actor,
            )
        except RuleErrors as error:  # the transaction's own row, not the item's first
            for p in error.problems:
                p.row = p.row or tx.row or None
            raise
    _walk_status(item, spec, actor)


def _need(value: dt.date | None, spec: ItemSpec, column: str) -> dt.date:
    if value is None:
        raise m.STATUS_NEEDS_DATE(
            field=column, status=str(Status(spec.status).label), column=BY_KEY[column].header
        )
    return value


def _walk_status(item: AidItem, spec: ItemSpec, actor: Actor) -> None:
    """From the approval to the file's status, each step dated by its own column."""
    status = spec.status
    if status in {Status.IMPLEMENTING, Status.SUSPENDED, Status.COMPLETED, Status.CLOSED} or (
        status == Status.APPROVAL_REVOKED and spec.actual_start
    ):
        services.transition(
            item, Status.IMPLEMENTING, _need(spec.actual_start, spec, "actual_start"), actor=actor
        )
    if status in {Status.COMPLETED, Status.CLOSED}:
        services.transition(item, Status.COMPLETED, _need(spec.actual_end, spec, "actual_end"), actor=actor)
    if status in {Status.SUSPENDED, Status.CLOSED, Status.APPROVAL_REVOKED} or (
        status == Status.CANCELLED and spec.decision is not None
    ):
        services.transition(item, status, _need(spec.status_date, spec, "status_date"), actor=actor)


def _import_batch(
    office: Office,
    specs: list[ItemSpec],
    context: tuple[_Organisations, ImportSummary, _Problems, str],
    actor: Actor,
) -> None:
    orgs, summary, problems, source = context
    existing = {
        item.code: item
        for item in prefetch_for_specs(
            AidItem.objects.filter(office=office, code__in=[s.code for s in specs])
        )
    }
    for spec in specs:
        if spec.code in existing:
            differences = spec_from_item(existing[spec.code]).differences(spec)
            if differences:
                problems.add(
                    Problem(
                        m.ITEM_EXISTS_DIFFERENT,
                        {"code": spec.code, "detail": ", ".join(differences)},
                        row=spec.first_row,
                        source=source,
                    )
                )
            else:
                summary.unchanged.append(spec.code)
            continue
        try:
            with transaction.atomic():
                _apply(office, spec, orgs, actor)
            summary.created.append(spec.code)
        except RuleErrors as error:
            for p in error.problems:
                column = FIELD_COLUMNS.get(p.field or "")
                problems.add(
                    Problem(
                        p.msg,
                        p.params,
                        field=p.field,
                        row=p.row or spec.first_row,
                        column=BY_KEY[column].header if column else None,
                        source=source,
                    )
                )


def _scan(path: Path) -> tuple[list[str | None], dict[str, int]]:
    """First pass: the columns, and the last row of each item's code (an item is complete there)."""
    with open_rows(path) as rows:
        header = next(rows, None)
        if header is None:
            raise m.FILE_EMPTY()
        keys, found = header_keys(header, path.name)
        if found:
            problems = _Problems()
            for problem in found:
                problems.add(problem)
            raise problems.refusal()
        code_at = keys.index("code")
        last_rows: dict[str, int] = {}
        blank = True
        for number, row in enumerate(rows, start=2):
            if not is_blank(row):
                blank = False
                last_rows[cells.text(row[code_at]) if code_at < len(row) else ""] = number
    if blank:
        raise m.FILE_EMPTY()
    return keys, last_rows


def _read_specs(
    path: Path, keys: list[str | None], last_rows: dict[str, int], reader: _RowReader
) -> Iterator[tuple[int, ItemSpec | None]]:
    """Second pass: each item as soon as its last row is read (rows held only until then), with the number
    of rows read so far; None for an item whose cells are wrong."""
    pending: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    read = 0
    with open_rows(path) as rows:
        next(rows)
        for number, row in enumerate(rows, start=2):
            if is_blank(row):
                continue
            read += 1
            values = {key: row[i] if i < len(row) else None for i, key in enumerate(keys) if key}
            code = cells.text(values.get("code"))
            if not code:
                reader.fail(number, "code", Problem(m.CELL_REQUIRED))
                continue
            pending.setdefault(code, []).append((number, values))
            if last_rows.get(code) == number:
                yield read, _item_spec(code, pending.pop(code), reader)


def import_file(office: Office, path: Path, *, actor: Actor) -> ImportSummary:
    """Import an aid spreadsheet whole, or raise ImportRefused naming its problems and save nothing.

    The file is read twice, row by row: first for the columns and where each item's rows end, then to
    parse each item once its rows are read and write items in batches, all in one transaction. Memory holds
    a batch, the rows of items not yet complete (the rows of one item are best kept together) and the
    first MAX_PROBLEMS problems, not the file.
    """
    permissions.authorize(actor, Action.EDIT, office)
    keys, last_rows = _scan(path)
    summary = ImportSummary()
    problems = _Problems()
    with transaction.atomic():
        context = (_Organisations(office, summary, actor), summary, problems, path.name)
        batch: list[ItemSpec] = []
        try:
            for summary.rows, spec in _read_specs(path, keys, last_rows, _RowReader(path.name, problems)):
                if spec is not None:
                    batch.append(spec)
                if len(batch) == BATCH:
                    _import_batch(office, batch, context, actor)
                    batch = []
            _import_batch(office, batch, context, actor)
        except RuleErrors as error:  # the file turned out unreadable halfway
            for problem in error.problems:
                problems.add(problem)
        if problems.total:
            transaction.set_rollback(True)
    if problems.total:
        raise problems.refusal()
    return summary


# ---- export ------------------------------------------------------------------------------------------


NUMBER_KEYS = ("tx_amount", "counterpart_amount", "beneficiaries_count")


def spec_rows(spec: ItemSpec) -> list[dict[str, str]]:
    """The item's rows, every cell as text; the numbers as `NumberText`, written as numbers."""
    f = spec.fields
    item = {
        "code": f["code"],
        "modality": str(Modality(f["modality"]).label),
        "title": f["title"],
        "title_en": f["title_en"],
        "status": str(Status(spec.status).label),
        "status_date": cells.format_date(spec.status_date),
        "decision_number": spec.decision.number if spec.decision else "",
        "decision_date": cells.format_date(spec.decision.date if spec.decision else None),
        "authority": spec.decision.authority if spec.decision else "",
        "actual_start": cells.format_date(spec.actual_start),
        "actual_end": cells.format_date(spec.actual_end),
        **{key: "; ".join(spec.participants.get(key, [])) for key in PARTICIPANT_ROLES},
        "sectors": cells.format_shares(spec.sectors),
        "places": cells.format_shares(spec.places),
        "planned_start": cells.format_date(f["planned_start"]),
        "planned_end": cells.format_date(f["planned_end"]),
        "beneficiaries_count": "" if f["beneficiaries_count"] is None else str(f["beneficiaries_count"]),
        "beneficiary_groups": f["beneficiary_groups"],
        "counterpart_amount": cells.format_decimal(f["counterpart_amount"]),
        "counterpart_currency": f["counterpart_currency"],
        "illustrative": YES if f["is_illustrative"] else "",
    }
    txs = [
        {
            "tx_kind": str(TransactionKind(t.kind).label),
            "tx_amount": cells.format_decimal(t.amount),
            "tx_currency": t.currency,
            "tx_date": cells.format_date(t.value_date),
            "tx_provider": t.provider,
            "tx_receiver": t.receiver,
            "tx_reference": t.reference,
        }
        for t in spec.transactions
    ] or [dict.fromkeys(TX_KEYS, "")]
    rows = [{**item, **tx} for tx in txs]
    return [{k: safe.NumberText(v) if k in NUMBER_KEYS else v for k, v in row.items()} for row in rows]


def export_specs(items: Iterable[AidItem]) -> list[ItemSpec]:
    return [spec_from_item(item) for item in items]


def write_table(specs: list[ItemSpec], path: Path) -> int:
    rows = [row for spec in specs for row in spec_rows(spec)]
    headers = [c.header for c in COLUMNS]
    if path.suffix.lower() == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = safe.csv_writer(handle)
            writer.writerow(headers)
            for row in rows:
                writer.writerow([row[c.key] for c in COLUMNS])
    elif path.suffix.lower() == ".xlsx":
        _write_xlsx(rows, specs, path)
    else:
        raise m.FILE_TYPE(path=path.name)
    return len(rows)


def _write_xlsx(rows: list[dict[str, str]], specs: list[ItemSpec], path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Khoản viện trợ"
    sheet.append([c.header for c in COLUMNS])
    for number, row in enumerate(rows, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            value: Any = row[column.key]
            if value and column.key in NUMBER_KEYS:
                value = cells.parse_decimal(value, column.key)  # a number cell, summable in Excel
            elif value and column.key.endswith(("date", "start", "end")) and column.key != "authority":
                value = cells.parse_date(value, column.key)
            safe.xlsx_cell(sheet, number, index, value)
    bold = Font(bold=True, name="Times New Roman")
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = (
            40 if column.key in ("title", "places") else 18
        )
        for row_cells in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            for c in row_cells:
                if column.key in ("tx_amount", "counterpart_amount"):
                    c.number_format = "#,##0.##"
                elif column.key.endswith(("date", "start", "end")):
                    c.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "B2"
    workbook.save(path)
