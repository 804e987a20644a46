"""Fast inserts for the import's hot path: rows as tuples, ids allocated up front, one executemany per
table and batch, and django-simple-history's historical row ("+") written alongside each row.

On PostgreSQL the rows go through COPY … FROM STDIN instead of INSERTs. The historical rows are copied by
the database from the rows just written (INSERT … SELECT): the same values, without building and sending
each row a second time.

Django's bulk_create builds a model instance and compiles every value of every row; at a few hundred
thousand rows that costs more than parsing and validating the file. Rows here carry the database values
of their fields directly, so the same rules must have been checked before (ledger.plan); nothing here
decides anything. Dates and decimals are handed to the driver as they are: it adapts them as Django
would (SQLite: ISO text and str(), the adapters Django registers; PostgreSQL: natively); datetimes are
converted by the backend's operations (SQLite stores them naive, in the connection's time zone).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from django.db import connection, models
from django.utils import timezone
from simple_history.utils import get_history_manager_for_model


class Ids:
    """Primary keys handed out before insert, so that children can point at parents in the same batch.

    SQLite: after MAX(id), under the import's write lock (BEGIN IMMEDIATE); `resync` after rows were
    inserted by other means (the ORM). PostgreSQL: reserved from the table's sequence, many at a time.
    """

    BLOCK = 2000

    def __init__(self, model: type[models.Model]):
        self.table = model._meta.db_table
        self.pool: list[int] = []
        self.next = 0
        self.postgres = connection.vendor == "postgresql"
        self.resync()

    def resync(self) -> None:
        if not self.postgres:
            with connection.cursor() as cursor:
                cursor.execute(f'SELECT MAX(id) FROM "{self.table}"')
                self.next = max(self.next, (cursor.fetchone()[0] or 0) + 1)

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


def _runs(ids: list[int]) -> list[tuple[int, int]]:
    """The ids as (first, last) runs of consecutive values, in order."""
    runs: list[tuple[int, int]] = []
    first = last = ids[0]
    for pk in ids[1:]:
        if pk != last + 1:
            runs.append((first, last))
            first = pk
        last = pk
    runs.append((first, last))
    return runs


class Table:
    def __init__(self, model: type[models.Model], history: bool = False, history_user_id: int | None = None):
        self.model = model
        self.postgres = connection.vendor == "postgresql"
        fields = list(model._meta.concrete_fields)
        assert fields[0].attname == "id", model
        self.attnames = [f.attname for f in fields]
        now = timezone.now()
        ops = connection.ops
        self.datetimes = {f.attname for f in fields if isinstance(f, models.DateTimeField)}
        # Each field's value when a row does not give it (the import's timestamp for auto_now fields, the
        # field's default else: "" for a text field without one), converted once.
        self.defaults: dict[str, Any] = {}
        for f in fields:
            value: Any
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            else:
                value = f.get_default()
            if f.attname in self.datetimes and value is not None:
                value = ops.adapt_datetimefield_value(value)
            self.defaults[f.attname] = value
        columns = ", ".join(f'"{f.column}"' for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        self.sql = f'INSERT INTO "{model._meta.db_table}" ({columns}) VALUES ({marks})'
        self.copy_sql = f'COPY "{model._meta.db_table}" ({columns}) FROM STDIN'
        self.ids = Ids(model)
        self.rows: list[tuple[Any, ...]] = []
        self.appenders: dict[tuple[str, ...], Callable[..., int]] = {}
        self.history: tuple[str, list[Any], int] | None = None
        if history:
            self.history = self._history_sql(now, history_user_id)

    def _history_sql(self, now: Any, user_id: int | None) -> tuple[str, list[Any], int]:
        """INSERT … SELECT of the historical rows of a run of ids, its constant parameters and the index of
        the change reason among them."""
        hist = get_history_manager_for_model(self.model).model
        own = {f.attname: f for f in self.model._meta.concrete_fields}
        columns: list[str] = []
        values: list[str] = []
        params: list[Any] = []
        reason_at = -1
        constants = {
            "history_date": connection.ops.adapt_datetimefield_value(now),
            "history_type": "+",
            "history_change_reason": "",
            "history_user_id": user_id,
        }
        for f in hist._meta.concrete_fields:
            if f.attname == "history_id":
                continue
            columns.append(f'"{f.column}"')
            if f.attname in own:
                values.append(f'"{own[f.attname].column}"')
                continue
            if f.attname == "history_change_reason":
                reason_at = len(params)
            params.append(constants.get(f.attname))
            # PostgreSQL types a parameter of a select list as text unless told.
            values.append(f"CAST(%s AS {f.db_type(connection)})" if self.postgres else "%s")
        sql = (
            f'INSERT INTO "{hist._meta.db_table}" ({", ".join(columns)}) '
            f'SELECT {", ".join(values)} FROM "{self.model._meta.db_table}" '
            'WHERE "id" BETWEEN %s AND %s ORDER BY "id"'
        )
        return sql, params, reason_at

    def appender(self, *names: str) -> Callable[..., int]:
        """A function that adds a row from the values of the fields `names`, in that order (the other
        fields get their defaults), and returns the row's id."""
        unknown = set(names) - set(self.attnames)
        assert not unknown and "id" not in names, unknown
        rest = [a for a in self.attnames if a != "id" and a not in names]
        given = {name: 1 + i for i, name in enumerate(names)}
        given.update({name: 1 + len(names) + i for i, name in enumerate(rest)})
        given["id"] = 0
        pick = itemgetter(*[given[a] for a in self.attnames])
        defaults = tuple(self.defaults[a] for a in rest)
        append, take = self.rows.append, self.ids.take
        convert = [1 + i for i, name in enumerate(names) if name in self.datetimes]
        adapt = connection.ops.adapt_datetimefield_value

        if not convert:

            def add(*values: Any) -> int:
                pk = take()
                append(pick((pk, *values, *defaults)))
                return pk

            return add

        def add_converted(*values: Any) -> int:
            pk = take()
            row = [pk, *values, *defaults]
            for i in convert:
                if row[i] is not None:
                    row[i] = adapt(row[i])
            append(pick(row))
            return pk

        return add_converted

    def add(self, **values: Any) -> int:
        """Add a row from keyword values (an appender is faster: this is for the few rows of an activity)."""
        names = tuple(values)
        add = self.appenders.get(names)
        if add is None:
            add = self.appenders[names] = self.appender(*names)
        return add(*values.values())

    def flush(self, reason: str = "") -> int:
        if not self.rows:
            return 0
        rows = self.rows[:]
        self.rows.clear()  # (the list itself is kept: appenders hold its append)
        with connection.cursor() as cursor:
            if self.postgres:
                _copy(cursor, self.copy_sql, rows)
            else:
                cursor.executemany(self.sql, rows)
            if self.history is not None:
                sql, params, reason_at = self.history
                params = list(params)
                if reason_at >= 0:
                    params[reason_at] = reason[:100]
                for first, last in _runs([row[0] for row in rows]):
                    cursor.execute(sql, [*params, first, last])
        return len(rows)


def _copy(cursor: Any, sql: str, rows: list[Any]) -> None:
    """PostgreSQL: the rows through COPY … FROM STDIN (psycopg 3), several times faster than INSERTs."""
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
