"""Each database's own snapshot: SQLite's online backup API, PostgreSQL's pg_dump custom format."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.db import connection, connections

from caunoi.backup import messages

SNAPSHOT_ALIAS = "caunoi_backup_snapshot"


@contextmanager
def reading_alias(settings_dict: dict[str, Any]) -> Iterator[str]:
    """A database alias of its own for the time of a backup: its reads see one snapshot only."""
    connections.settings[SNAPSHOT_ALIAS] = settings_dict
    try:
        yield SNAPSHOT_ALIAS
    finally:
        connections[SNAPSHOT_ALIAS].close()
        del connections[SNAPSHOT_ALIAS]
        del connections.settings[SNAPSHOT_ALIAS]


def sqlite_snapshot(target: Path) -> None:
    """A consistent copy of the live SQLite database, taken while others may write, as one plain file."""
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
        # A standalone file: readers of the copy need no -wal beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
    copy.close()


def sqlite_settings(path: Path) -> dict[str, Any]:
    return {**connection.settings_dict, "NAME": str(path), "OPTIONS": {}, "CONN_MAX_AGE": 0}


def major_of(version_line: str) -> int:
    """15 of "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"."""
    found = re.search(r"\)\s*(\d+)", version_line)
    return int(found.group(1)) if found else 0


def server_major() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def pg_tool(name: str, at_least: int) -> str | None:
    """The path of a PostgreSQL client program of at least this major version, or None."""
    path = shutil.which(name)
    if path is None:
        return None
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    return path if major_of(out) >= at_least else None


def _pg_env(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _run(tool: str, args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run([tool, *args], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}")[:2000]
        raise messages.PG_TOOL_FAILED(tool=Path(tool).name, detail=detail)


def pg_dump(target: Path, snapshot: str) -> str:
    """pg_dump's custom format of the database as of the exported `snapshot`; the tool's version."""
    major = server_major()
    tool = pg_tool("pg_dump", major)
    if tool is None:
        raise messages.NO_PG_DUMP(tool="pg_dump", server=major)
    args, env = _pg_env(connection.settings_dict)
    _run(
        tool,
        [
            *args,
            *("--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"),
            *(f"--file={target}", "--dbname", str(connection.settings_dict["NAME"])),
        ],
        env,
    )
    return subprocess.run([tool, "--version"], capture_output=True, text=True, check=False).stdout.strip()


def pg_restore(source: Path, tool: str) -> None:
    """Load a pg_dump archive in one transaction, replacing what it holds: all of it or nothing."""
    args, env = _pg_env(connection.settings_dict)
    connection.close()
    _run(
        tool,
        [
            *args,
            *("--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"),
            *("--exit-on-error", "--dbname", str(connection.settings_dict["NAME"]), str(source)),
        ],
        env,
    )


def sqlite_replace(source: Path) -> None:
    """Put the snapshot in the place of the database file at once (a rename), dropping its WAL files
    first: a WAL left beside the new file would be replayed into it."""
    target = Path(connection.settings_dict["NAME"])
    connections.close_all()
    staged = target.with_name(target.name + ".restoring")
    shutil.copyfile(source, staged)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(staged, target)
