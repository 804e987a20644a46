"""Importing a month of exchange rates from a CSV file: all or nothing.

The file is UTF-8 (a byte-order mark allowed) and RFC 4180, its delimiter read from the header line as the
aid spreadsheet's is. Columns, by their Vietnamese header or their key: Tiền gốc (base), Tiền quy đổi
(quote), Tỷ giá (rate), Áp dụng từ (valid_from), Áp dụng đến (valid_to), Nguồn (source), Căn cứ
(reference). `month` fills empty dates with the month's first and last day. Every row goes through
`money.services.record_rate` (its rules, the overlap rule among the file's own rows too, the actor's
rights); a file with any problem records nothing and lists every problem with its row and column.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from caunoi.aid import cells
from caunoi.aid import messages as aid_messages
from caunoi.aid.spreadsheet_reader import HEADER_LINE_LIMIT, delimiter
from caunoi.core.cells import unescape_text
from caunoi.core.errors import Msg, Problem, RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Actor
from caunoi.core.text import fold
from caunoi.money import messages as m
from caunoi.money.models import ExchangeRate, RateSource
from caunoi.money.services import check_rights, record_rate

MAX_ROWS = 2000  # a month of rates: the Ministry's list has about 150 currencies
MAX_PROBLEMS = 1000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool


COLUMNS = (
    Column("base", "Tiền gốc", True),
    Column("quote", "Tiền quy đổi", True),
    Column("rate", "Tỷ giá", True),
    Column("valid_from", "Áp dụng từ", False),
    Column("valid_to", "Áp dụng đến", False),
    Column("source", "Nguồn", True),
    Column("reference", "Căn cứ", False),
)
BY_NAME = {fold(name): c for c in COLUMNS for name in (c.key, c.header)}
# A source by its key, its label or the short names staff use.
SOURCES = {
    **{fold(s.value): s.value for s in RateSource},
    **{fold(str(s.label)): s.value for s in RateSource},
    **{
        fold(alias): value
        for value, aliases in {
            RateSource.SBV_CENTRAL: ("sbv", "nhnn", "ngân hàng nhà nước"),
            RateSource.MOF_ACCOUNTING: ("mof", "btc", "bộ tài chính", "tỷ giá hạch toán"),
            RateSource.BANK_BUYING: ("bank", "ngân hàng"),
            RateSource.DONOR: ("nhà tài trợ", "thỏa thuận tài trợ"),
            RateSource.STAFF: ("cán bộ nhập",),
        }.items()
        for alias in aliases
    },
}
MONTH = re.compile(r"^(?:(?P<y1>\d{4})-(?P<m1>\d{1,2})|(?P<m2>\d{1,2})/(?P<y2>\d{4}))$")


@dataclass
class RatesImported:
    rows: int
    rates: list[ExchangeRate] = field(default_factory=list)


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """ "2026-01" or "01/2026" → (1 January 2026, 31 January 2026)."""
    found = MONTH.match(text.strip())
    if found is None:
        raise m.RATES_MONTH(field="month", value=text[:40])
    year = int(found["y1"] or found["y2"])
    month = int(found["m1"] or found["m2"])
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        raise m.RATES_MONTH(field="month", value=text[:40])
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        separator = delimiter(handle.readline(HEADER_LINE_LIMIT))
        handle.seek(0)
        for row in csv.reader(handle, delimiter=separator, doublequote=True, strict=True):
            if any("\x00" in value for value in row):  # a binary file, and a text no database column takes
                raise csv.Error("NUL")
            yield [unescape_text(value) for value in row]


def _problem(msg: Msg, row: int, where: str | None, source: str, **params: Any) -> Problem:
    return Problem(msg, params, row=row, column=where, source=source)


def _header(row: list[str], source: str) -> tuple[list[Column | None], list[Problem]]:
    columns: list[Column | None] = []
    problems = []
    for text in row:
        column = BY_NAME.get(fold(cells.text(text)))
        if column is None and cells.text(text):
            problems.append(
                _problem(aid_messages.HEADER_UNKNOWN, 1, cells.text(text), source, column=text[:80])
            )
        if column is not None and column in columns:
            column = None
        columns.append(column)
    for column in COLUMNS:
        if column.required and column not in columns:
            problems.append(
                _problem(aid_messages.HEADER_MISSING, 1, column.header, source, column=column.header)
            )
    return columns, problems


def _values(columns: list[Column | None], row: list[str]) -> dict[str, str]:
    return {c.key: cells.text(v) for c, v in zip(columns, row, strict=False) if c is not None}


def _record(
    values: dict[str, str], office: Office | None, month: tuple[dt.date, dt.date] | None, actor: Actor
) -> ExchangeRate:
    rate = cells.parse_decimal(values.get("rate", ""), "rate")
    if rate is None:
        raise m.RATE_NOT_POSITIVE(field="rate")
    valid_from = cells.parse_date(values.get("valid_from"), "valid_from") or (month[0] if month else None)
    if valid_from is None:
        raise m.RATES_NO_DATE(field="valid_from")
    valid_to = cells.parse_date(values.get("valid_to"), "valid_to") or (month[1] if month else None)
    source = values.get("source", "")
    return record_rate(
        values.get("base", ""),
        values.get("quote", ""),
        rate,
        valid_from,
        SOURCES.get(fold(source), source),
        valid_to=valid_to,
        reference=values.get("reference", ""),
        office=office,
        actor=actor,
    )


def _where(problem: Problem) -> str | None:
    column = next((c for c in COLUMNS if c.key == problem.field), None)
    if column is None and problem.field in ("base", "quote", "currency"):
        column = COLUMNS[0]
    return column.header if column else None


def import_rates(
    path: Path, office: Office | None, *, actor: Actor, month: tuple[dt.date, dt.date] | None = None
) -> RatesImported:
    """Record every rate of the file, or none (raising RuleErrors that list every problem found)."""
    check_rights(office, actor=actor)
    source = path.name
    problems: list[Problem] = []
    result = RatesImported(rows=0)
    try:
        with transaction.atomic():
            rows = _rows(path)
            header = next(rows, None)
            columns, problems = _header(header or [], source)
            if problems:
                raise RuleErrors(problems)
            for number, row in enumerate(rows, start=2):
                if not any(cells.text(v) for v in row):
                    continue
                result.rows += 1
                if result.rows > MAX_ROWS:
                    problems.append(_problem(m.RATES_FILE_TOO_LONG, number, None, source, limit=MAX_ROWS))
                    break
                try:
                    result.rates.append(_record(_values(columns, row), office, month, actor))
                except RuleErrors as error:
                    for found in error.problems:
                        found.row, found.source, found.column = number, source, _where(found)
                    problems.extend(error.problems)
                    if len(problems) >= MAX_PROBLEMS:
                        break
            if not problems and result.rows == 0:
                problems.append(_problem(m.RATES_FILE_EMPTY, 1, None, source))
            if problems:
                raise RuleErrors(problems)
    except RuleErrors:
        raise
    except UnicodeDecodeError:
        raise aid_messages.FILE_UNREADABLE(path=source, reason="không phải UTF-8 / not UTF-8") from None
    except (OSError, csv.Error) as error:
        raise aid_messages.FILE_UNREADABLE(path=source, reason=str(error)[:200]) from None
    return result
