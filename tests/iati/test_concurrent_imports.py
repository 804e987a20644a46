"""Two `caunoi` processes at once against one database (a copy of the test database, demo loaded, on the
same server or as an SQLite file): the same IATI file twice, two files naming one organisation, two
`caunoi demo`. Real processes, each with its own connection and transaction, as operators run them."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from django.db import connection
from psycopg import sql

from tests.iati.conftest import activities_file, activity

ROOT = Path(__file__).resolve().parents[2]
CAUNOI = [sys.executable, "-c", "from caunoi.cli import main; main()"]
ACTIVITIES = 60
# The tests use a copy of the test database, not it; the mark makes pytest-django create it.
pytestmark = pytest.mark.django_db


class Copy:
    """A copy of the test database that other processes can use, and queries on it."""

    def __init__(self, url: str, query: Any, data_dir: Path):
        self.url, self.query, self.data_dir = url, query, data_dir

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "DATABASE_URL": self.url,
            "CAUNOI_DATA_DIR": str(self.data_dir),
            "CAUNOI_REPORT_CACHE": "off",
            "PYTHONPATH": str(ROOT / "src"),
        }

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [*CAUNOI, *args], env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def count(self, table: str, where: str = "1 = 1") -> int:
        return int(self.query(f"SELECT COUNT(*) FROM {table} WHERE {where}"))


@pytest.fixture(scope="module")
def copy(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Copy]:
    """Made before the module's tests open their transactions (PostgreSQL copies a database that no
    session uses)."""
    tmp_path = tmp_path_factory.mktemp("copy")
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            yield from _sqlite_copy(tmp_path)
        else:
            yield from _postgres_copy(tmp_path)


def _sqlite_copy(tmp_path: Path) -> Iterator[Copy]:
    path = tmp_path / "copy.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as target:
        connection.connection.backup(target)

    def query(text: str) -> Any:
        with sqlite3.connect(path) as db:
            return db.execute(text).fetchone()[0]

    yield Copy(f"sqlite:///{path}", query, tmp_path)


def _postgres_copy(tmp_path: Path) -> Iterator[Copy]:
    params = connection.get_connection_params()
    source = connection.settings_dict["NAME"]
    name = f"{source}_copy"
    connection.close()  # a database with sessions cannot be a template
    admin = {k: v for k, v in params.items() if k in ("host", "port", "user", "password")}
    with psycopg.connect(dbname="postgres", autocommit=True, **admin) as pg:
        pg.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        pg.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(source))
        )
    user = admin.get("user", "postgres")
    url = f"postgres://{user}@{admin.get('host', '127.0.0.1')}:{admin.get('port', 5432)}/{name}"

    def query(text: str) -> Any:
        with psycopg.connect(dbname=name, **admin) as db:
            row = db.execute(text.encode()).fetchone()
            assert row is not None
            return row[0]

    try:
        yield Copy(url, query, tmp_path)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **admin) as pg:
            pg.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _both(*procs: subprocess.Popen[str]) -> list[tuple[int, str, str]]:
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        done.append((proc.returncode, out, err))
    return done


def test_the_same_file_imported_twice_at_once_is_imported_once(copy, tmp_path):
    path = activities_file(tmp_path / "a.xml", *(activity(f"XM-TEST-{i}") for i in range(ACTIVITIES)))

    results = _both(*(copy.start("iati", "import", str(path), "--office", "yen-bai") for _ in range(2)))

    assert all("Traceback" not in err for _, _, err in results), results
    outputs = sorted(results, key=lambda r: f"imported {ACTIVITIES}," not in r[1])
    first, second = outputs
    assert first[0] == 0 and f"imported {ACTIVITIES}, updated 0, unchanged 0" in first[1], results
    # The second waited for the first and found its activities, or was told to try again.
    assert (second[0] == 0 and "Nothing to do" in second[1]) or (
        second[0] == 3 and "try again" in second[2]
    ), results
    assert copy.count("iati_iatiactivity", "iati_identifier LIKE 'XM-TEST-%'") == ACTIVITIES


def test_two_files_naming_one_organisation_create_it_once(copy, tmp_path):
    def named(identifier: str) -> str:
        # An implementing organisation without IATI identifier, written differently in each file.
        return activity(identifier).replace("Hội Chữ thập đỏ tỉnh Yên Bái", "MINISTERIO DE SALUD")

    a = activities_file(tmp_path / "a.xml", *(named(f"XM-A-{i}") for i in range(ACTIVITIES)))
    b = activities_file(tmp_path / "b.xml", *(named(f"XM-B-{i}") for i in range(ACTIVITIES)))
    b.write_text(b.read_text().replace("MINISTERIO DE SALUD", "Ministerio de  Salud"))

    results = _both(*(copy.start("iati", "import", str(p), "--office", "yen-bai") for p in (a, b)))

    assert [code for code, _, _ in results] == [0, 0], results
    assert copy.count("directory_organisation", "name_key = 'ministerio de salud'") == 1
    assert copy.count("iati_iatiactivity", "iati_identifier LIKE 'XM-_-%'") == 2 * ACTIVITIES


def test_a_second_demo_waits_for_the_first(copy):
    with (copy.data_dir / "demo.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a first `caunoi demo` holds it
        second = copy.start("demo")
        assert second.stderr is not None
        said = second.stderr.readline()  # (empty if it ended without waiting)
        time.sleep(1)
        assert second.poll() is None  # waiting, not loading beside the first
        fcntl.flock(held, fcntl.LOCK_UN)
    [(code, out, _)] = _both(second)

    assert (
        said
        == "Một lệnh caunoi demo khác đang chạy: chờ nó xong… / Another caunoi demo is running: waiting for it to finish…\n"
    )
    assert code == 0 and out.startswith(
        "Đã có sẵn dữ liệu mẫu:"
    )  # (the items of the tests above beside the demo's)
