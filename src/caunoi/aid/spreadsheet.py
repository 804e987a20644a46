"""Aid items in the staff spreadsheet layout (.xlsx or .csv): a file's new item written to the ledger through
the services (`create_from_spec`), and the export of items in the same layout (`write_table`).

Reading rows is `spreadsheet_rows`; telling new, changed, unchanged and invalid items apart and writing them
is `spreadsheet_import` (changes through `spreadsheet_update`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from caunoi.aid import cells, services
from caunoi.aid import messages as m
from caunoi.aid.itemspec import ITEM_FIELDS, PARTICIPANT_ROLES, ItemSpec, TxSpec, spec_from_item
from caunoi.aid.lifecycle import APPROVED_STATUSES, PIPELINE_STATUSES, Status
from caunoi.aid.models import AidItem, Modality, TransactionKind
from caunoi.aid.places import find_place
from caunoi.aid.sectors import find_sector
from caunoi.aid.spreadsheet_layout import BY_KEY, COLUMNS, TX_KEYS, YES
from caunoi.core import cells as safe
from caunoi.core import limits
from caunoi.core.errors import Problem, RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Actor
from caunoi.core.text import fold
from caunoi.directory.models import Organisation, OrgKind
from caunoi.directory.services import organisation_named

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
# The column naming an organisation of each role (`Organisations.get`).
ORG_COLUMNS = {"provider": "tx_provider", "receiver": "tx_receiver"}


class Organisations:
    """The office's organisations by name; a name not known yet is created (and listed in `created`)."""

    def __init__(self, office: Office, actor: Any):
        self.office = office
        self.created: list[str] = []
        self._new_keys: list[str] = []
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
            self._new_keys.append(key)
            if created:
                self.created.append(name)
        return self.by_name[key]

    def mark(self) -> tuple[int, int]:
        return len(self._new_keys), len(self.created)

    def undo(self, mark: tuple[int, int]) -> None:
        """Forget what was looked up or created since `mark`: the savepoint that made it was rolled back."""
        for key in self._new_keys[mark[0] :]:
            self.by_name.pop(key, None)
        del self._new_keys[mark[0] :], self.created[mark[1] :]


def _reference_date(spec: ItemSpec) -> dt.date | None:
    if spec.decision and spec.decision.date:
        return spec.decision.date
    return spec.status_date


def create_from_spec(office: Office, spec: ItemSpec, orgs: Organisations, *, actor: Actor) -> None:
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
        record_from_spec(item, tx, orgs, actor=actor)
    walk_status(item, spec, actor=actor)


def record_from_spec(item: AidItem, tx: TxSpec, orgs: Organisations, *, actor: Actor) -> None:
    """Record a file's transaction; a broken rule names the transaction's own row, not the item's first."""
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
    except RuleErrors as error:
        for p in error.problems:
            p.row = p.row or tx.row or None
        raise


def _need(value: dt.date | None, spec: ItemSpec, column: str) -> dt.date:
    if value is None:
        raise m.STATUS_NEEDS_DATE(
            field=column, status=str(Status(spec.status).label), column=BY_KEY[column].header
        )
    return value


def status_steps(spec: ItemSpec) -> list[tuple[str, str]]:
    """The lifecycle steps from the approval to the file's status, each with the column that dates it."""
    status = spec.status
    steps: list[tuple[str, str]] = []
    if status in {Status.IMPLEMENTING, Status.SUSPENDED, Status.COMPLETED, Status.CLOSED} or (
        status == Status.APPROVAL_REVOKED and spec.actual_start
    ):
        steps.append((Status.IMPLEMENTING, "actual_start"))
    if status in {Status.COMPLETED, Status.CLOSED}:
        steps.append((Status.COMPLETED, "actual_end"))
    if status in {Status.SUSPENDED, Status.CLOSED, Status.APPROVAL_REVOKED} or (
        status == Status.CANCELLED and spec.decision is not None
    ):
        steps.append((status, "status_date"))
    return steps


def walk_status(
    item: AidItem, spec: ItemSpec, *, actor: Actor, steps: list[tuple[str, str]] | None = None
) -> None:
    """Take the steps (from the approval to the file's status unless given), each dated by its own column."""
    for status, column in status_steps(spec) if steps is None else steps:
        services.transition(item, status, _need(getattr(spec, column), spec, column), actor=actor)


# ---- export ------------------------------------------------------------------------------------------


NUMBER_KEYS = ("tx_amount", "counterpart_amount", "beneficiaries_count")


def tx_cells(t: TxSpec) -> dict[str, str]:
    """A transaction's cells, as text."""
    return {
        "tx_kind": str(TransactionKind(t.kind).label),
        "tx_amount": cells.format_decimal(t.amount),
        "tx_currency": t.currency,
        "tx_date": cells.format_date(t.value_date),
        "tx_provider": t.provider,
        "tx_receiver": t.receiver,
        "tx_reference": t.reference,
    }


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
    txs = [tx_cells(t) for t in spec.transactions] or [dict.fromkeys(TX_KEYS, "")]
    # The item's own columns on its first row only: a cell changed in Excel is then changed in one place
    # (a copy on the other rows would keep the old value and contradict it; see `spreadsheet_rows`).
    later = {**dict.fromkeys(item, ""), "code": item["code"]}
    rows = [{**item, **txs[0]}, *({**later, **tx} for tx in txs[1:])]
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
