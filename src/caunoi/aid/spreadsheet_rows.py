"""Reading the aid spreadsheet's rows into item specs: each row's cells parsed, an item's rows gathered, the
problems located by row and column. The file is read twice (`scan`, then `read_specs`) so that only the rows of
items not yet complete are held, never the whole file.

The item's own columns come from its first row; a later row of the same item may leave them empty (as the
export writes them) or repeat them, equal. A later row that says something else is a problem of that row
(`ROW_CONFLICT`, naming the first row) and the item is invalid: the file says two things and which one the
user meant cannot be known. (A rule such as "the row that differs from the ledger is the change" would undo
the change when the same file is imported again, once the ledger holds the new value.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from caunoi.aid import cells
from caunoi.aid import messages as m
from caunoi.aid.itemspec import PARTICIPANT_ROLES, Decision, ItemSpec, TxSpec
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import Modality, TransactionKind
from caunoi.aid.spreadsheet_layout import BY_KEY, ITEM_KEYS, TX_KEYS
from caunoi.aid.spreadsheet_reader import header_keys, is_blank, open_rows
from caunoi.core.errors import Problem, RuleErrors
from caunoi.money.currencies import clean_amount

MAX_PROBLEMS = 1000  # listed when a file is refused; the total is counted beyond them
ITEM_PROBLEMS = 20  # kept per item for the per-row report; the import's list counts them all


class Problems:
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


class RowReader:
    """Parses the rows of one item; its problems go to the import's, and it says whether it had any."""

    def __init__(self, source: str, problems: Problems):
        self.source = source
        self.problems = problems
        self.reported: set[tuple[int, str | None]] = set()
        self.current: list[Problem] = []  # the problems of the item being read (a few kept for the report)

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
        if len(self.current) < ITEM_PROBLEMS:
            self.current.append(problem)

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


def _optional_choice(value: Any, choices: Any, field: str) -> str | None:
    return cells.parse_choice(value, choices, field) if cells.text(value) else None


def _parse_item(reader: RowReader, row: int, v: dict[str, Any]) -> ItemSpec:
    g = reader.get
    spec = ItemSpec(
        fields={
            "code": g(row, v, "code", _required, "code"),
            "modality": g(row, v, "modality", cells.parse_choice, Modality, "modality"),
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


def _parse_tx(reader: RowReader, row: int, v: dict[str, Any]) -> TxSpec | None:
    if not any(cells.text(v.get(key)) for key in TX_KEYS):
        return None
    g = reader.get
    kind = g(row, v, "tx_kind", cells.parse_choice, TransactionKind, "tx_kind")
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


def item_spec(code: str, rows: list[tuple[int, dict[str, Any]]], reader: RowReader) -> ItemSpec | None:
    """The item of one code from its rows (the first gives the item's columns; later ones may repeat them,
    equal, or leave them empty), or None when a cell of its rows is wrong (the problems are reported)."""
    found = reader.problems.total
    reader.reported.clear()  # only this item's rows are asked about: the set stays small
    reader.current = []
    first_row, first_values = rows[0]
    spec = _parse_item(reader, first_row, first_values)
    for row, values in rows[1:]:
        for key in ITEM_KEYS:
            later = cells.text(values.get(key))
            if later and later != cells.text(first_values.get(key)):
                problem = Problem(
                    m.ROW_CONFLICT, {"column": BY_KEY[key].header, "first_row": first_row, "code": code}
                )
                reader.fail(row, key, problem)
    for row, values in rows:
        tx = _parse_tx(reader, row, values)
        if tx is not None:
            spec.transactions.append(tx)
    return spec if reader.problems.total == found else None


def scan(path: Path) -> tuple[list[str | None], dict[str, int]]:
    """First pass: the columns, and the last row of each item's code (an item is complete there)."""
    with open_rows(path) as rows:
        header = next(rows, None)
        if header is None:
            raise m.FILE_EMPTY()
        keys, found = header_keys(header, path.name)
        if found:
            problems = Problems()
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


@dataclass
class ItemRows:
    """One item of the file as read: its code, its rows, its spec (None when a cell is wrong) and the
    problems of its cells (the first ITEM_PROBLEMS)."""

    code: str
    rows: list[int]
    spec: ItemSpec | None
    problems: list[Problem] = field(default_factory=list)


def read_specs(
    path: Path,
    keys: list[str | None],
    last_rows: dict[str, int],
    reader: RowReader,
) -> Iterator[tuple[int, ItemRows]]:
    """Second pass: each item as soon as its last row is read (rows held only until then), with the number
    of rows read so far; a row without a code comes alone, as an item without a spec."""
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
                reader.current = []
                reader.fail(number, "code", Problem(m.CELL_REQUIRED))
                yield read, ItemRows("", [number], None, reader.current)
                continue
            pending.setdefault(code, []).append((number, values))
            if last_rows.get(code) == number:
                item_rows = pending.pop(code)
                spec = item_spec(code, item_rows, reader)
                yield read, ItemRows(code, [n for n, _ in item_rows], spec, reader.current)
