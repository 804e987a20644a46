"""`caunoi backup`: one archive holding a consistent snapshot of the database, the uploaded files and a
manifest.

Archive (`.tar.gz`): `manifest.json` (see manifest.py), `database/caunoi.sqlite3` (SQLite's online backup)
or `database/caunoi.pgdump` (pg_dump custom format), `database/rows.jsonl` (every table's rows, for a restore
into the other kind of database; see portable.py) and `media/…` (the uploaded files). The database's
snapshot and the rows are read from one state: on SQLite the rows are read from the snapshot file itself, on
PostgreSQL pg_dump is given the snapshot of the transaction the rows are read in.
"""

from __future__ import annotations

import shutil
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from caunoi.backup import manifest, messages, native, portable
from caunoi.backup.access import authorize_operator
from caunoi.core.permissions import Actor

SUFFIX = ".tar.gz"
PREFIX = "caunoi-backup-"
ROWS = "database/rows.jsonl"


def _check_migrated() -> None:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise messages.NOT_MIGRATED()


def _snapshot(root: Path) -> tuple[dict[str, int], dict[str, Any]]:
    """The database's own snapshot and the portable rows of the same state; the rows per table and what
    the manifest says of the database beyond its vendor."""
    database = root / "database"
    database.mkdir()
    if connection.vendor == "sqlite":
        snapshot = database / "caunoi.sqlite3"
        native.sqlite_snapshot(snapshot)
        with native.reading_alias(native.sqlite_settings(snapshot)) as alias, (root / ROWS).open("w") as out:
            return portable.dump(out, apps, alias), {"snapshot": snapshot.name}
    settings_dict = {**connection.settings_dict, "CONN_MAX_AGE": 0}
    with native.reading_alias(settings_dict) as alias, transaction.atomic(using=alias):
        with connections[alias].cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            exported = cursor.fetchone()[0]
        dump_tool = native.pg_dump(database / "caunoi.pgdump", exported)
        with (root / ROWS).open("w") as out:
            counts = portable.dump(out, apps, alias)
    return counts, {"snapshot": "caunoi.pgdump", "dump_tool": dump_tool}


def _copy_media(root: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, root / "media", symlinks=False)


def archive_name() -> str:
    return f"{PREFIX}{timezone.localtime():%Y%m%d-%H%M%S}{SUFFIX}"


def _destination(output: Path | None) -> Path:
    """The archive's path: `output` itself, or a new name in it when it is a folder (or None: the data
    folder's backups/)."""
    folder = Path(settings.BACKUP_DIR) if output is None else output
    if output is not None and not output.is_dir() and not str(output).endswith("/"):
        return output
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / archive_name()
    number = 1
    while target.exists():
        number += 1
        target = folder / f"{archive_name().removesuffix(SUFFIX)}-{number}{SUFFIX}"
    return target


def create_backup(output: Path | None = None, *, actor: Actor, keep: int | None = None) -> Path:
    """Write one archive of everything and return its path; with `keep`, delete all but the newest `keep`
    archives of the folder it is written in."""
    authorize_operator(actor=actor)
    if keep is not None and output is not None and not (output.is_dir() or str(output).endswith("/")):
        raise messages.KEEP_NEEDS_DIR()
    _check_migrated()
    target = _destination(output)
    partial = target.with_name(target.name + ".partial")
    try:
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=target.parent) as scratch:
            root = Path(scratch)
            counts, database = _snapshot(root)
            _copy_media(root)
            content = manifest.build(root, counts, manifest.applied_migrations())
            content["database"].update(database)
            manifest.write(root, content)
            with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
                tar.add(root / manifest.NAME, arcname=manifest.NAME)
                for name in content["files"]:
                    tar.add(root / name, arcname=name, recursive=False)
        partial.replace(target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise messages.CANNOT_WRITE(path=str(target), reason=error.strerror or str(error)) from None
    if keep is not None:
        prune(target.parent, keep)
    return target


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` caunoi archives in `folder` (by time written); the deleted."""
    archives = sorted(
        (p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()),
        key=lambda p: (p.stat().st_mtime_ns, p.name),
    )
    doomed = archives[: max(len(archives) - keep, 0)]
    for path in doomed:
        path.unlink()
    return doomed
