"""caunoi's SQLite backend leaves planner statistics behind when a connection closes (PRAGMA optimize): the
tables its queries used are analyzed, and the next connection plans with them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from caunoi.core.sqlite.base import DatabaseWrapper

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner statistics"),
]

# Like the aid items: 34 offices, no row archived, two indexes SQLite cannot tell apart unanalyzed (the one
# created last wins the tie, as the aid list's index did).
SCHEMA = [
    "CREATE TABLE item (id INTEGER PRIMARY KEY, office INTEGER, archived INTEGER, approved TEXT)",
    "CREATE INDEX by_office ON item (office, approved)",
    "CREATE INDEX by_archived ON item (archived, approved, id)",
]
ONE_OFFICE = "SELECT count(*) FROM item WHERE archived IS NULL AND office = 3 AND approved >= '2022' AND approved < '2023'"


def wrapper(path: Path) -> Any:
    return DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, alias="statistics")


def plan(db: Any) -> str:
    with db.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {ONE_OFFICE}")
        return " ".join(str(row[-1]) for row in cursor.fetchall())


def test_a_closing_connection_analyzes_the_tables_it_queried(tmp_path: Path) -> None:
    first = wrapper(tmp_path / "db.sqlite3")
    with first.cursor() as cursor:
        for statement in SCHEMA:
            cursor.execute(statement)
        cursor.executemany(
            "INSERT INTO item (office, archived, approved) VALUES (%s, NULL, %s)",
            [(n % 34, f"{2015 + n % 10}-01-01") for n in range(20_000)],
        )
    assert "by_archived" in plan(first)  # unanalyzed: every office's items of the year
    with first.cursor() as cursor:
        cursor.execute(ONE_OFFICE)
        assert cursor.fetchone() == (118,)
    first.close()

    second = wrapper(tmp_path / "db.sqlite3")
    with second.cursor() as cursor:
        cursor.execute("SELECT tbl, idx FROM sqlite_stat1 ORDER BY idx")
        assert cursor.fetchall() == [("item", "by_archived"), ("item", "by_office")]
    assert "by_office" in plan(second)
    second.close()
