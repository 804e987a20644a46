"""`caunoi restore FILE`: an archive of `caunoi backup` loaded into an empty database of either kind.

Checks first, changes after: the archive's files against its manifest, its schema against this code's
migrations (a newer one is refused), and the target: it must hold no office and no user account (a new
database, migrated or not) and no uploaded file, unless `force`. The database is then restored in one step
that either completes or leaves it as it was: the same kind of database takes its own snapshot (the SQLite
file put in place by a rename, pg_restore in one transaction); the other kind is migrated to the archive's
schema and loaded from the portable rows in one transaction. Then later migrations run, the ledger marks are
dropped and the kept reports and pages cleared (nothing computed before the restore is served after it), and
the uploaded files are put in place.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from caunoi.backup import manifest, messages, native, portable
from caunoi.backup.access import authorize_operator
from caunoi.backup.backup import ROWS
from caunoi.core.models import LedgerMark
from caunoi.core.permissions import Actor


@dataclass(frozen=True)
class Restored:
    method: str  # "sqlite-file", "pg_restore" or "rows"
    source_vendor: str
    rows: int
    files: int


def _unpack(path: Path, root: Path) -> dict[str, Any]:
    if not path.is_file():
        raise messages.ARCHIVE_MISSING(path=str(path))
    try:
        with tarfile.open(path, "r:*") as tar:
            tar.extractall(root, filter="data")
        content: dict[str, Any] = json.loads((root / manifest.NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise messages.NOT_AN_ARCHIVE(path=str(path), reason="no manifest.json") from None
    except (tarfile.TarError, OSError, ValueError) as error:
        raise messages.NOT_AN_ARCHIVE(path=str(path), reason=str(error)) from None
    manifest.verify(root, content)
    return content


def _count(table: str, tables: list[str]) -> int:
    if table not in tables:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        return int(cursor.fetchone()[0])


def _check_empty() -> None:
    tables = connection.introspection.table_names()
    offices, users = _count("core_office", tables), _count("auth_user", tables)
    if offices or users:
        raise messages.NOT_EMPTY(offices=offices, users=users)
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(p.is_file() for p in media.rglob("*")):
        raise messages.MEDIA_NOT_EMPTY(path=str(media))


def _targets(loader: MigrationLoader, applied: dict[str, list[str]]) -> list[tuple[str, str | None]]:
    """Per app, the last migration the archive's database had (None: none of the app's)."""
    targets: list[tuple[str, str | None]] = []
    for app in sorted(loader.migrated_apps):
        names = applied.get(app, [])
        last = max(names, key=lambda n: len(loader.graph.forwards_plan((app, n))), default=None)
        targets.append((app, last))
    return targets


def _load_rows(root: Path, applied: dict[str, list[str]]) -> None:
    executor = MigrationExecutor(connection)
    targets = _targets(executor.loader, applied)
    executor.migrate(targets)
    state = executor.loader.project_state([(app, name) for app, name in targets if name is not None])
    with transaction.atomic():
        portable.load(root / ROWS, state.apps)
    ContentType.objects.clear_cache()


def _restore_database(root: Path, content: dict[str, Any]) -> str:
    database = content["database"]
    snapshot = root / "database" / database["snapshot"]
    if database["vendor"] == connection.vendor == "sqlite":
        native.sqlite_replace(snapshot)
        return "sqlite-file"
    if database["vendor"] == connection.vendor == "postgresql":
        tool = native.pg_tool("pg_restore", native.major_of(database["dump_tool"]))
        if tool is not None:
            native.pg_restore(snapshot, tool)
            return "pg_restore"
    _load_rows(root, content["migrations"])
    return "rows"


def _place_media(root: Path) -> None:
    media = Path(settings.MEDIA_ROOT)
    aside = media.with_name(f".media-replaced-{uuid.uuid4().hex[:8]}")
    if media.exists():
        media.rename(aside)
    if (root / "media").is_dir():
        shutil.move(root / "media", media)
    shutil.rmtree(aside, ignore_errors=True)


def restore_backup(path: Path, *, actor: Actor, force: bool = False) -> Restored:
    authorize_operator(actor=actor)
    data_dir = Path(settings.DATA_DIR)
    data_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir) as scratch:
        root = Path(scratch)
        content = _unpack(path, root)
        unknown = manifest.unknown_migrations(content)
        if unknown:
            raise messages.NEWER_SCHEMA(migrations=", ".join(unknown), version=content["caunoi_version"])
        if not force:
            _check_empty()
        method = _restore_database(root, content)
        call_command("migrate", interactive=False, verbosity=0)
        # Kept reports and pages were computed from other records; new marks and an empty cache.
        LedgerMark.objects.all().delete()
        caches["reports"].clear()
        caches["pages"].clear()
        _place_media(root)
    return Restored(
        method=method,
        source_vendor=content["database"]["vendor"],
        rows=sum(content["rows"].values()),
        files=sum(1 for name in content["files"] if name.startswith("media/")),
    )
