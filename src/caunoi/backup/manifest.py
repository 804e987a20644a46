"""The manifest of a backup archive: what made it, the schema it holds, and every file's checksum.

The manifest is `manifest.json`, the archive's first member; every other member is listed in it with its
size and SHA-256, and a restore refuses an archive whose files differ from the list in any way.
"""

from __future__ import annotations

import hashlib
import json
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

import django
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from caunoi.backup import messages

FORMAT = 1
NAME = "manifest.json"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def applied_migrations() -> dict[str, list[str]]:
    """The migrations applied to the database, per app, in name order."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    applied: dict[str, list[str]] = {}
    for app, name in sorted(loader.applied_migrations):
        applied.setdefault(app, []).append(name)
    return applied


def server_version() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_version()" if connection.vendor == "sqlite" else "SHOW server_version")
        return str(cursor.fetchone()[0])


def build(root: Path, counts: dict[str, int], migrations: dict[str, list[str]]) -> dict[str, Any]:
    """The manifest of the files under `root` (the archive's content, manifest aside)."""
    files = {
        path.relative_to(root).as_posix(): {"sha256": sha256_of(path), "size": path.stat().st_size}
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
    return {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "caunoi_version": version("caunoi"),
        "django_version": django.get_version(),
        "python_version": platform.python_version(),
        "database": {"vendor": connection.vendor, "server_version": server_version()},
        "migrations": migrations,
        "rows": counts,
        "files": files,
    }


def write(root: Path, manifest: dict[str, Any]) -> Path:
    path = root / NAME
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    return path


def verify(root: Path, manifest: dict[str, Any]) -> None:
    """Every listed file present with its size and checksum, and nothing else beside the manifest."""
    if manifest.get("format") != FORMAT:
        raise messages.FORMAT_UNKNOWN(format=manifest.get("format"))
    listed: dict[str, dict[str, Any]] = manifest["files"]
    for name, expected in listed.items():
        path = root / name
        if not path.is_file():
            raise messages.MISSING_FILE(name=name)
        if path.stat().st_size != expected["size"] or sha256_of(path) != expected["sha256"]:
            raise messages.CHECKSUM_MISMATCH(name=name)
    for path in root.rglob("*"):
        name = path.relative_to(root).as_posix()
        if path.is_file() and name != NAME and name not in listed:
            raise messages.UNLISTED_FILE(name=name)


def unknown_migrations(manifest: dict[str, Any]) -> list[str]:
    """Migrations the archive's database had that this code does not know: a newer schema."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in sorted(manifest["migrations"].items())
        for name in names
        if (app, name) not in known
    ]
