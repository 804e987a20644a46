"""Formatting shared by the annex sheets: Times New Roman, bold centred Vietnamese headers, thin borders,
#,##0 number formats, a frozen header, fixed column widths, and total rows with SUM formulas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from caunoi.core.cells import Formula, xlsx_cell

FONT = "Times New Roman"
INTEGER = "#,##0"
AMOUNT = "#,##0.00"
DATE = "DD/MM/YYYY"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_ROW = 4  # rows 1-2 title and subtitle, row 3 unit note


def column(
    header: str, width: float, number_format: str | None = None, total: bool = False
) -> dict[str, Any]:
    return {"header": header, "width": width, "format": number_format, "total": total}


def titled_sheet(
    ws: Worksheet, title: str, subtitle: str, note: str, columns: Sequence[dict[str, Any]]
) -> None:
    last = get_column_letter(len(columns))
    for row, text, size, bold in ((1, title, 14, True), (2, subtitle, 12, False), (3, note, 11, False)):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = xlsx_cell(ws, row, 1, text)
        cell.font = Font(name=FONT, size=size, bold=bold, italic=row == 3)
        cell.alignment = Alignment(horizontal="center" if row < 3 else "right", vertical="center")
    for index, spec in enumerate(columns, start=1):
        cell = xlsx_cell(ws, HEADER_ROW, index, spec["header"])
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
        ws.column_dimensions[get_column_letter(index)].width = spec["width"]
    ws.row_dimensions[HEADER_ROW].height = 48
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def data_row(ws: Worksheet, row: int, values: Sequence[Any], columns: Sequence[dict[str, Any]]) -> None:
    for index, (value, spec) in enumerate(zip(values, columns, strict=True), start=1):
        cell = xlsx_cell(ws, row, index, value)  # a record's text is never a formula; a Formula is
        cell.font = Font(name=FONT, size=12)
        cell.border = BOX
        if spec["format"]:
            cell.number_format = spec["format"]
        wrap = isinstance(value, str) and len(value) > spec["width"]
        cell.alignment = Alignment(vertical="top", wrap_text=wrap)


def total_row(ws: Worksheet, row: int, first: int, columns: Sequence[dict[str, Any]], label: str) -> None:
    """ "Tổng cộng" with =SUM(...) under every column marked total (a reader checks the sum in Excel)."""
    for index, spec in enumerate(columns, start=1):
        letter = get_column_letter(index)
        value: Any = None
        if index == 2:
            value = label
        elif spec["total"]:
            value = Formula(f"=SUM({letter}{first}:{letter}{row - 1})") if row > first else 0
        cell = xlsx_cell(ws, row, index, value)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.border = BOX
        if spec["format"]:
            cell.number_format = spec["format"]
