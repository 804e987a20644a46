"""Fast inserts for the import's hot path: rows as dicts, ids allocated up front, one executemany per
table and batch, and django-simple-history's historical row ("+") written alongside each row.

On PostgreSQL the rows go through COPY … FROM STDIN instead of INSERTs.

Django's bulk_create builds a model instance and compiles every value of every row; at a few hundred
thousand rows that costs more than parsing and validating the file. Rows here carry the database values
of their fields directly (converted only for dates, datetimes and decimals), so the same rules must have
been checked before (ledger.plan); nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model


def _converter(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return ops.adapt_datefield_value
    if isinstance(field, models.DecimalField):
        digits, places = field.max_digits, field.decimal_places
        return lambda v: ops.adapt_decimalfield_value(v, digits, places)
    return None


class Ids:
    """Primary keys handed out before insert, so that children can point at parents in the same batch.

    SQLite: after MAX(id), under the import's write lock (BEGIN IMMEDIATE). PostgreSQL: reserved from the
    table's sequence, many at a time.
    """

    BLOCK = 2000

    def __init__(self, model: type[models.Model]):
        self.table = model._meta.db_table
        self.pool: list[int] = []
        self.next = 0
        self.postgres = connection.vendor == "postgresql"
        if not self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT MAX(id) FROM "{self.table}"')
                self.next = (cursor.fetchone()[0] or 0) + 1

    def take(self) -> int:
        if not self.postgres:
            self.next += 1
            return self.next - 1
        if not self.pool:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [self.table, self.BLOCK],
                )
                self.pool = [row[0] for row in cursor.fetchall()][::-1]
        return self.pool.pop()


class Table:
    def __init__(self, model: type[models.Model], history: bool = False):
        self.model = model
        fields = list(model._meta.concrete_fields)
        self.attnames = [f.attname for f in fields]
        now = timezone.now()
        self.defaults: dict[str, Any] = {}
        for f in fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = now
            else:
                self.defaults[f.attname] = f.get_default()  # "" for a text field without default
        self.converters = [(i, c) for i, f in enumerate(fields) if (c := _converter(f)) is not None]
        # The shared default values (the import's timestamp) are converted once, not per row.
        self.converted = {
            i: c(self.defaults[self.attnames[i]])
            for i, c in self.converters
            if self.defaults[self.attnames[i]] is not None
        }
        columns = ", ".join(f'"{f.column}"' for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        self.sql = f'INSERT INTO "{model._meta.db_table}" ({columns}) VALUES ({marks})'
        self.copy_sql = f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN'
        self.ids = Ids(model)
        self.row_of = itemgetter(*self.attnames)
        self.rows: list[list[Any]] = []
        self.history: tuple[str, list[int], list[Any]] | None = None
        if history:
            self._prepare_history(now)

    def _prepare_history(self, now: Any) -> None:
        hist = get_history_manager_for_model(self.model).model
        picks: list[int] = []
        extra: list[Any] = []
        columns = []
        self.reason_at = -1
        for f in hist._meta.concrete_fields:
            if f.attname == "history_id":
                continue
            columns.append(f'"{f.column}"')
            if f.attname == "history_change_reason":
                self.reason_at = len(picks)
            if f.attname in self.attnames:
                picks.append(self.attnames.index(f.attname))
                extra.append(None)
            else:
                picks.append(-1)
                extra.append(
                    {
                        "history_date": connection.ops.adapt_datetimefield_value(now),
                        "history_type": "+",
                        "history_change_reason": "",
                        "history_user_id": None,
                    }.get(f.attname)
                )
        sql = f'INSERT INTO "{hist._meta.db_table}" ({", ".join(columns)}) VALUES ({", ".join(["%s"] * len(columns))})'
        if connection.vendor == "postgresql":
            sql = f'COPY "{hist._meta.db_table}" ({", ".join(columns)}) FROM STDIN'
        self.history = (sql, picks, extra)

    def add(self, **values: Any) -> int:
        pk = self.ids.take()
        values["id"] = pk
        self.rows.append(list(self.row_of(self.defaults | values)))  # each field: given, else default
        return pk

    def flush(self, reason: str = "") -> int:
        if not self.rows:
            return 0
        rows, self.rows = self.rows, []
        for index, convert in self.converters:
            default = self.defaults[self.attnames[index]]
            converted = self.converted.get(index)
            for row in rows:
                value = row[index]
                if value is None:
                    continue
                row[index] = converted if value is default and converted is not None else convert(value)
        postgres = connection.vendor == "postgresql"
        with connection.cursor() as cursor:
            if postgres:
                _copy(cursor, self.copy_sql, rows)
            else:
                cursor.executemany(self.sql, rows)
            if self.history is not None:
                sql, picks, extra = self.history
                if self.reason_at >= 0:
                    extra[self.reason_at] = reason[:100]
                # A history row: the row's values, then the history columns' (picked from row + extra).
                pick = itemgetter(*[p if p >= 0 else len(self.attnames) + j for j, p in enumerate(picks)])
                history = [pick(row + extra) for row in rows]
                if postgres:
                    _copy(cursor, sql, history)
                else:
                    cursor.executemany(sql, history)
        return len(rows)


def _copy(cursor: Any, sql: str, rows: list[Any]) -> None:
    """PostgreSQL: the rows through COPY … FROM STDIN (psycopg 3), several times faster than INSERTs."""
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
