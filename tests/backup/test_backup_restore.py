"""`caunoi backup` → `caunoi restore` into an empty database, SQLite → SQLite, SQLite → PostgreSQL and
PostgreSQL → PostgreSQL, each `caunoi` run in its own process with its own database and data folder: every
aid and diplomacy report of every year of the demo byte-identical, every history row equal, the uploaded
files equal by checksum (tests/backup/state.py reads all of it)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

pytestmark = pytest.mark.slow

CAUNOI = Path(sys.executable).with_name("caunoi")
STATE = Path(__file__).with_name("state.py")
SERVER = "postgres://postgres@127.0.0.1:5432"


@dataclass
class Source:
    env: dict[str, str]
    state: dict[str, Any]
    archive: Path
    restored_by: str = ""


def _env(data: Path, url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAUNOI_", "DATABASE_URL"))}
    return env | {"CAUNOI_DATA_DIR": str(data), "DATABASE_URL": url}


def _run(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False, timeout=600)
    if check and done.returncode != 0:
        raise AssertionError(f"{args} failed:\n{done.stdout}\n{done.stderr}")
    return done


def _state(env: dict[str, str], *args: str) -> dict[str, Any]:
    state: dict[str, Any] = json.loads(_run(env, sys.executable, str(STATE), *args).stdout)
    return state


def _backup(env: dict[str, str], folder: Path) -> Path:
    _run(env, str(CAUNOI), "backup", "-o", f"{folder}/")
    (archive,) = folder.glob("caunoi-backup-*.tar.gz")
    return archive


def _sqlite(data: Path) -> dict[str, str]:
    return _env(data, f"sqlite:///{data / 'caunoi.sqlite3'}")


@pytest.fixture(scope="module")
def sqlite_source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    data = tmp_path_factory.mktemp("sqlite-source")
    env = _sqlite(data)
    _run(env, str(CAUNOI), "demo")
    state = _state(env, "plant")
    return Source(env, state, _backup(env, tmp_path_factory.mktemp("sqlite-backups")))


@pytest.fixture(scope="module")
def postgres() -> Iterator[Callable[[str], str]]:
    """Creates an empty database caunoi_backup_<pid>_<name> and gives its URL; drops them all at the end (the
    process id: two suites running at once must not drop each other's databases)."""
    try:
        server = psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.skip(f"no PostgreSQL server at {SERVER}: {error}")
    made: list[str] = []

    def create(name: str) -> str:
        database = f"caunoi_backup_{os.getpid()}_{name}"
        server.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{database}"')
        made.append(database)
        return f"{SERVER}/{database}"

    yield create
    for database in made:
        server.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    server.close()


@pytest.fixture(scope="module")
def postgres_source(
    sqlite_source: Source, postgres: Callable[[str], str], tmp_path_factory: pytest.TempPathFactory
) -> Source:
    """The SQLite backup restored into PostgreSQL (the SQLite → PostgreSQL case), then backed up there."""
    env = _env(tmp_path_factory.mktemp("postgres-source"), postgres("source"))
    restored = _run(env, str(CAUNOI), "restore", str(sqlite_source.archive)).stdout
    state = _state(env)
    return Source(env, state, _backup(env, tmp_path_factory.mktemp("postgres-backups")), restored)


def test_the_demo_gives_something_to_compare(sqlite_source: Source) -> None:
    state = sqlite_source.state
    assert state["years"] == [2022, 2023, 2024]
    assert len(state["reports"]) == 12  # aid and diplomacy, 3 years, 2 offices
    assert '"count": 21' in state["reports"]["aid 2022 yen-bai"]
    assert len(state["history"]["aid_historicalaiditem"]) == state["tables"]["aid_historicalaiditem"] > 21
    planted = hashlib.sha256(state_planted()).hexdigest()
    assert list(state["media"].values()) == [planted]


def state_planted() -> bytes:
    return "Biên bản bàn giao".encode() + bytes(range(256)) * 40


def test_sqlite_to_sqlite(sqlite_source: Source, tmp_path: Path) -> None:
    env = _sqlite(tmp_path / "target")
    out = _run(env, str(CAUNOI), "restore", str(sqlite_source.archive)).stdout
    assert "the SQLite file" in out
    assert _state(env) == sqlite_source.state


def test_sqlite_to_postgresql(sqlite_source: Source, postgres_source: Source) -> None:
    assert "the portable rows" in postgres_source.restored_by
    assert postgres_source.state == sqlite_source.state


def test_postgresql_to_postgresql(
    sqlite_source: Source, postgres_source: Source, postgres: Callable[[str], str], tmp_path: Path
) -> None:
    env = _env(tmp_path / "target", postgres("target"))
    _run(env, str(CAUNOI), "migrate")  # a migrated database with no office and no user is empty too
    out = _run(env, str(CAUNOI), "restore", str(postgres_source.archive)).stdout
    assert "through pg_restore" in out
    assert _state(env) == sqlite_source.state


def test_a_database_with_records_is_refused_and_kept(sqlite_source: Source) -> None:
    database = Path(sqlite_source.env["CAUNOI_DATA_DIR"]) / "caunoi.sqlite3"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    done = _run(sqlite_source.env, str(CAUNOI), "restore", str(sqlite_source.archive), check=False)
    assert done.returncode == 1
    assert "Cơ sở dữ liệu đích đã có dữ liệu (2 cơ quan, 8 người dùng)" in done.stderr
    assert "The target database holds data (2 offices, 8 users)" in done.stderr
    assert "Traceback" not in done.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_force_replaces_records_and_files_postgresql_to_sqlite(
    sqlite_source: Source, postgres_source: Source, tmp_path: Path
) -> None:
    data = tmp_path / "target"
    shutil.copytree(sqlite_source.env["CAUNOI_DATA_DIR"], data)
    env = _sqlite(data)
    _run(env, sys.executable, str(STATE), "plant")  # a second document, which the restore must remove
    assert len(_state(env)["media"]) == 2
    out = _run(env, str(CAUNOI), "restore", "--force", str(postgres_source.archive)).stdout
    assert "from postgresql" in out and "the portable rows" in out
    assert _state(env) == sqlite_source.state
