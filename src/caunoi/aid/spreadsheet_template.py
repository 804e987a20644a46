"""The empty aid spreadsheet to fill in: the layout's header, a second sheet explaining every column (the
column dictionary), and in the cells the office's sectors, donors and places (and the modalities, statuses
and transaction kinds) as lists to choose from — Excel's data validation, on a third sheet of lists. The
lists offer, they do not forbid: a cell of sectors or places takes several with their shares."""

from __future__ import annotations

from pathlib import Path

from django.db.models import Q
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import Modality, Role, Sector, TransactionKind
from caunoi.aid.spreadsheet_columns import DICTIONARY_HEADERS, dictionary_rows
from caunoi.aid.spreadsheet_layout import BY_KEY, COLUMNS
from caunoi.core import cells as safe
from caunoi.core.models import Office
from caunoi.directory.models import Organisation, OrgKind
from caunoi.geography.models import AdminUnit

ROWS = 1000  # rows of the sheet the lists apply to
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def office_lists(office: Office) -> dict[str, list[str]]:
    """The choices of each listed column: the office's sectors, donors and places, and the fixed ones."""
    donors = Organisation.objects.filter(office=office, archived_at__isnull=True).filter(
        Q(participations__role=Role.FUNDING) | Q(kind__in=[OrgKind.FOREIGN_NGO])
    )
    places: list[str] = []
    if office.home_province_id:
        units = AdminUnit.objects.select_related("province").filter(
            Q(pk=office.home_province_id) | Q(province_id=office.home_province_id)
        )
        places = [str(u) for u in units.order_by("level", "name")]
    return {
        "modality": [str(c.label) for c in Modality],
        "status": [str(c.label) for c in Status],
        "tx_kind": [str(c.label) for c in TransactionKind],
        "sectors": [
            s.name for s in Sector.objects.filter(archived_at__isnull=True).order_by("order", "name")
        ],
        "funding": sorted({o.name for o in donors}),
        "places": places,
    }


def write_template(office: Office, path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Khoản viện trợ"
    bold = Font(bold=True, name="Times New Roman")
    for index, column in enumerate(COLUMNS, start=1):
        cell = safe.xlsx_cell(sheet, 1, index, column.header)
        cell.font, cell.fill = bold, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = (
            40 if column.key in ("title", "places") else 18
        )
    sheet.freeze_panes = "B2"

    dictionary = workbook.create_sheet("Từ điển cột")
    dictionary.append(DICTIONARY_HEADERS)
    for cell in dictionary[1]:
        cell.font, cell.fill = bold, HEADER_FILL
    for number, row in enumerate(dictionary_rows(), start=2):
        for index, value in enumerate(row, start=1):
            safe.xlsx_cell(dictionary, number, index, value)
    for letter, width in zip("ABCDEF", (28, 20, 14, 60, 60, 36), strict=True):
        dictionary.column_dimensions[letter].width = width

    lists = workbook.create_sheet("Danh mục")
    for index, (key, values) in enumerate(office_lists(office).items(), start=1):
        letter = get_column_letter(index)
        safe.xlsx_cell(lists, 1, index, BY_KEY[key].header).font = bold
        for number, value in enumerate(values, start=2):
            safe.xlsx_cell(lists, number, index, value)
        if not values:
            continue
        target = get_column_letter([c.key for c in COLUMNS].index(key) + 1)
        rule = DataValidation(
            type="list",
            formula1=f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=key
            not in ("sectors", "places", "funding"),  # several, with shares: free text too
        )
        rule.add(f"{target}2:{target}{ROWS + 1}")
        sheet.add_data_validation(rule)
    workbook.save(path)
