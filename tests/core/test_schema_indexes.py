"""No index whose columns begin another index of the same table: the longer one answers every query the
shorter would, and each index costs every insert (an IATI import writes a few hundred thousand rows)."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection


def _indexes(table: str) -> list[tuple[str, tuple[str, ...], bool]]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [
        (name, tuple(c["columns"]), bool(c["unique"]))
        for name, c in constraints.items()
        # B-trees only (SQLite names its kind "idx"): a GIN or GiST index answers other queries
        if c["index"] and c["columns"] and c.get("type", "idx") in ("btree", "idx")
    ]


def _partial(table: str, name: str) -> bool:
    """PostgreSQL: the index covers only some rows (WHERE …), so it answers fewer queries."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT partial FROM pragma_index_list(%s) WHERE name = %s", [table, name])
            row = cursor.fetchone()
        return bool(row and row[0])
    with connection.cursor() as cursor:
        cursor.execute("SELECT indpred IS NOT NULL FROM pg_index WHERE indexrelid = %s::regclass", [name])
        row = cursor.fetchone()
    return bool(row and row[0])


@pytest.mark.django_db
def test_no_index_is_the_beginning_of_another():
    redundant = []
    tables = {m._meta.db_table for m in apps.get_models() if m.__module__.startswith("caunoi.")}
    for table in sorted(tables):
        found = [(n, cols, unique) for n, cols, unique in _indexes(table) if not _partial(table, n)]
        for name, columns, unique in found:
            if unique:
                continue  # a unique index says something a longer one does not
            for other, longer, _ in found:
                if other != name and len(longer) > len(columns) and longer[: len(columns)] == columns:
                    redundant.append(f"{table}.{name} {columns} begins {other} {longer}")
    assert redundant == [], "\n".join(redundant)
