"""Reading the aid spreadsheet one row at a time, so that a file of any length is read in bounded memory.

CSV files are UTF-8 (with or without a byte-order mark) and RFC 4180: fields with the delimiter, a quote or a
line break are quoted, and a quote inside is doubled. The delimiter is taken from the header line alone — the
most frequent of comma, semicolon (Excel where the decimal mark is a comma) and tab outside quotes, a comma
when tied or none — never guessed from the data, which may hold any of them. A CSV cell caunoi escaped on
export (`caunoi.core.cells`) is read back unescaped. The first sheet of an .xlsx is read with openpyxl in
read-only mode.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from caunoi.aid import cells
from caunoi.aid import messages as m
from caunoi.aid.spreadsheet_layout import BY_HEADER, BY_KEY, COLUMNS, LEFT_OUT_HEADER
from caunoi.core.cells import unescape_text
from caunoi.core.errors import Problem, RuleErrors

HEADER_LINE_LIMIT = 65536  # characters read to find the delimiter: a header line is far shorter
DELIMITERS = (",", ";", "\t")


def delimiter(header_line: str) -> str:
    """The most frequent of comma, semicolon and tab outside quotes in the header line (comma on a tie)."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in header_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first of equals: the comma


def _unreadable(path: Path, error: Exception) -> RuleErrors:
    if isinstance(error, RuleErrors):
        return error
    if isinstance(error, UnicodeDecodeError):
        return m.FILE_UNREADABLE(path=path.name, reason="không phải UTF-8 / not UTF-8")
    if isinstance(error, OSError | csv.Error):
        return m.FILE_UNREADABLE(path=path.name, reason=str(error))
    # openpyxl raises many kinds of error on a damaged workbook; the name of the kind is all it says.
    return m.FILE_UNREADABLE(path=path.name, reason=type(error).__name__)


def _guarded(path: Path, rows: Iterator[list[Any]]) -> Iterator[list[Any]]:
    """The rows, any error of reading (also one found halfway through the file) as FILE_UNREADABLE."""
    try:
        yield from rows
    except Exception as error:
        raise _unreadable(path, error) from None


def _csv_rows(handle: Any) -> Iterator[list[Any]]:
    """The CSV rows, header first: the header line is read once alone, for its delimiter, then again."""
    separator = delimiter(handle.readline(HEADER_LINE_LIMIT))
    handle.seek(0)
    for row in csv.reader(handle, delimiter=separator, doublequote=True):
        yield [unescape_text(value) for value in row]


@contextmanager
def open_rows(path: Path) -> Iterator[Iterator[list[Any]]]:
    """The rows of the file (header first), read as they are iterated; the file is closed on leaving."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise m.FILE_TYPE(path=path.name)
    try:
        if suffix == ".csv":
            handle: Any = path.open(encoding="utf-8-sig", newline="")
            workbook = None
        else:
            workbook = load_workbook(path, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
    except Exception as error:
        raise _unreadable(path, error) from None
    try:
        if workbook is None:
            yield _guarded(path, _csv_rows(handle))
        else:
            yield _guarded(path, (list(row) for row in sheet.iter_rows(values_only=True)))
    finally:
        (handle if workbook is None else workbook).close()


def is_blank(row: list[Any]) -> bool:
    return not any(cells.text(c) for c in row)


def header_keys(row: list[Any], source: str) -> tuple[list[str | None], list[Problem]]:
    """The layout key of each column (None for an empty header) and the header problems: unknown,
    given twice, required and missing."""
    headers = [cells.text(h) for h in row]
    while headers and not headers[-1]:
        headers.pop()
    keys: list[str | None] = []
    problems: list[Problem] = []
    first_at: dict[str, int] = {}
    for number, header in enumerate(headers, start=1):
        column = BY_HEADER.get(header) or BY_KEY.get(header)
        if column is None and header in LEFT_OUT_HEADER.values():
            keys.append(None)  # the reason a file of left-out rows gives: not read
            continue
        if column is None and header:
            problems.append(
                Problem(m.HEADER_UNKNOWN, {"column": header}, row=1, column=header, source=source)
            )
        if column is not None and column.key in first_at:
            problems.append(
                Problem(
                    m.HEADER_DUPLICATE,
                    {"column": column.header, "first": first_at[column.key], "second": number},
                    row=1,
                    column=column.header,
                    source=source,
                )
            )
            column = None  # not read: which of the two is meant cannot be known
        elif column is not None:
            first_at[column.key] = number
        keys.append(column.key if column else None)
    for column in COLUMNS:
        if column.required and column.key not in first_at:
            problems.append(
                Problem(
                    m.HEADER_MISSING, {"column": column.header}, row=1, column=column.header, source=source
                )
            )
    return keys, problems
