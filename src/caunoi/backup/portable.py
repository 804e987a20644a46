"""The portable dump: every table's rows exactly as stored, as JSON lines, loadable into either database.

Rows are read as values (never through model instances or Django's serializers, whose saves would write
history rows and stamp `auto_now` fields) and written back with raw INSERTs that keep every primary key.
Layout: for each table, in dependency order, a header line `{"table": …, "columns": […], "rows": N}`
followed by N lines, each a JSON array of the row's values (decimals, dates, times and durations as text,
binary as base64).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from django.apps.registry import Apps
from django.core.management.color import no_style
from django.db import connection, models
from django.utils.duration import duration_string

BATCH = 1000


def dumped_models(apps: Apps) -> list[type[models.Model]]:
    """The models whose tables hold rows (history and many-to-many tables included), each table once, a
    table after the tables it refers to (cycles and self-references are kept in their given order: the
    foreign keys Django creates are checked at commit)."""
    found: dict[str, type[models.Model]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            found.setdefault(meta.db_table, model)
    ordered: list[type[models.Model]] = []
    done: set[str] = set()

    def visit(table: str, path: set[str]) -> None:
        if table in done or table in path:
            return
        model = found[table]
        for field in model._meta.concrete_fields:
            target = field.related_model if field.is_relation else None
            if isinstance(target, type) and target._meta.db_table in found:
                visit(target._meta.db_table, path | {table})
        done.add(table)
        ordered.append(model)

    for table in sorted(found):
        visit(table, set())
    return ordered


def _encode(value: Any) -> Any:
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.date | dt.time):  # datetimes too: aware, with their offset
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return duration_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"cannot dump {type(value).__name__}")


def dump(handle: IO[str], apps: Apps, using: str) -> dict[str, int]:
    """Write every table's rows to `handle`; the rows per table. Call it inside one read transaction."""
    counts: dict[str, int] = {}
    for model in dumped_models(apps):
        fields = model._meta.concrete_fields
        rows = model._base_manager.using(using).order_by("pk").values_list(*(f.attname for f in fields))
        count = rows.count()
        header = {"table": model._meta.db_table, "columns": [f.column for f in fields], "rows": count}
        handle.write(json.dumps(header, ensure_ascii=False) + "\n")
        for row in rows.iterator(chunk_size=2000):
            handle.write(json.dumps(row, ensure_ascii=False, default=_encode) + "\n")
        counts[model._meta.db_table] = count
    return counts


def _tables(handle: IO[str]) -> Iterator[tuple[dict[str, Any], Iterator[list[Any]]]]:
    for line in handle:
        header = json.loads(line)
        yield header, (json.loads(next(handle)) for _ in range(header["rows"]))


def _batches(rows: Iterable[list[Any]]) -> Iterator[list[list[Any]]]:
    batch: list[list[Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def load(path: Path, apps: Apps) -> dict[str, int]:
    """Empty every table of `apps` (the schema the dump was made with, migrated into the target) and load
    the dump's rows into them, keeping primary keys. Run it inside a transaction."""
    tables = {model._meta.db_table: model for model in dumped_models(apps)}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in reversed(list(tables)):
            cursor.execute(f"DELETE FROM {quote(table)}")
        counts: dict[str, int] = {}
        with path.open(encoding="utf-8") as handle:
            for header, rows in _tables(handle):
                model = tables[header["table"]]
                by_column = {str(f.column): f for f in model._meta.concrete_fields}
                fields = [by_column[column] for column in header["columns"]]
                sql = "INSERT INTO {} ({}) VALUES ({})".format(
                    quote(header["table"]),
                    ", ".join(quote(column) for column in header["columns"]),
                    ", ".join(["%s"] * len(fields)),
                )
                for batch in _batches(rows):
                    cursor.executemany(
                        sql,
                        [
                            [
                                f.get_db_prep_save(f.to_python(v), connection)
                                for f, v in zip(fields, row, strict=True)
                            ]
                            for row in batch
                        ],
                    )
                counts[header["table"]] = header["rows"]
        # PostgreSQL's sequences do not follow inserted keys; SQLite's AUTOINCREMENT does.
        for statement in connection.ops.sequence_reset_sql(no_style(), list(tables.values())):
            cursor.execute(statement)
    return counts
