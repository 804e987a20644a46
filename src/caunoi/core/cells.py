"""Cells of every CSV and XLSX file caunoi writes: text that a spreadsheet program would take for a formula
(it begins with =, +, -, @, a tab or a carriage return) is written as text, never as a live formula.

- CSV: such a text gets one leading apostrophe, the mark Excel and LibreOffice read as "this is text". To
  keep the escape reversible, a text that already begins with apostrophes before one of those characters
  gets one more; caunoi's own CSV import (`unescape_text`) removes exactly one apostrophe from a text that
  begins with one or more apostrophes followed by one of those characters, and from no other text.
- XLSX: the text is written unchanged, as a string cell with Excel's quote prefix (the apostrophe Excel
  shows in the formula bar but does not store), so reading the workbook gives the text back as it was and
  editing the cell in Excel keeps it text.
- Numbers (int, float, Decimal) are numbers, never escaped: -5 stays a number. A number caunoi has already
  formatted as text (1.404.175; -5) is passed as `NumberText`; a formula caunoi writes on purpose (a total)
  as `Formula`. Both come from caunoi's own code, never from a record.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from openpyxl.cell import Cell, WriteOnlyCell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED = re.compile(r"^'*[=+\-@\t\r]")
_UNESCAPE = re.compile(r"^'+[=+\-@\t\r]")


class Formula(str):
    """A formula caunoi itself writes (=SUM(E5:E9)): written as a live formula in XLSX."""


class NumberText(str):
    """A number caunoi has formatted as text (1.404.175; -5): written as it is, its minus being a sign."""


def escape_text(text: str) -> str:
    """The CSV form of a text cell: one more apostrophe before a text a spreadsheet would evaluate."""
    return "'" + text if _ESCAPED.match(text) else text


def unescape_text(text: str) -> str:
    """The inverse of `escape_text`: caunoi's CSV import reads its own export back unchanged."""
    return text[1:] if _UNESCAPE.match(text) else text


def csv_value(value: Any) -> Any:
    """A value as the csv module should write it: numbers, dates and caunoi's number texts as they are,
    anything else as its text, escaped; None is an empty cell."""
    if value is None:
        return ""
    if isinstance(value, NumberText | dt.date) or (
        isinstance(value, int | float | Decimal) and not isinstance(value, bool)
    ):
        return value
    return escape_text(str(value))


class SafeCsvWriter:
    """csv.writer (RFC 4180: comma, quotes doubled, CRLF) whose every cell goes through `csv_value`."""

    def __init__(self, handle: IO[str], **options: Any):
        self._writer = csv.writer(handle, dialect="excel", **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_value(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(handle: IO[str], **options: Any) -> SafeCsvWriter:
    return SafeCsvWriter(handle, **options)


def set_xlsx_value(cell: Cell, value: Any) -> Cell:
    """Put `value` in an openpyxl cell: a `Formula` as a formula, a text beginning like a formula as a
    string cell with the quote prefix, anything else as openpyxl types it."""
    if isinstance(value, NumberText):
        value = str(value)
    cell.value = value
    if isinstance(value, str) and not isinstance(value, Formula) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # openpyxl takes any text beginning with = for a formula
        cell.quotePrefix = True
    return cell


def xlsx_cell(sheet: Any, row: int, column: int, value: Any) -> Cell:
    """sheet.cell(row, column, value) of a normal worksheet, through `set_xlsx_value`."""
    cell = sheet.cell(row=row, column=column)
    set_xlsx_value(cell, value)
    return cell


def write_only_cell(sheet: Any, value: Any, **style: Any) -> Cell:
    """A cell of a write-only worksheet (to append), through `set_xlsx_value`; style: font, number_format…"""
    cell = WriteOnlyCell(sheet)
    set_xlsx_value(cell, value)
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def write_only_row(sheet: Any, values: Iterable[Any]) -> list[Cell]:
    return [write_only_cell(sheet, v) for v in values]
