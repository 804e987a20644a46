"""Uploaded files kept between a preview and its confirmation: each in its own folder under
`$CAUNOI_DATA_DIR/uploads/<kind>/<token>/`, the token random (so it cannot be guessed) and bound to the user
and office that uploaded it (anyone else gets nothing for it). A folder is removed when its import is
confirmed or after EXPIRY, swept whenever an upload page is opened."""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

EXPIRY_SECONDS = 24 * 3600
TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")


@dataclass
class Kept:
    folder: Path
    meta: dict[str, Any]

    @property
    def token(self) -> str:
        return self.folder.name

    def file(self, name: str) -> Path:
        return self.folder / name

    def save(self) -> None:
        (self.folder / "meta.json").write_text(json.dumps(self.meta, ensure_ascii=False), encoding="utf-8")


def _root(kind: str) -> Path:
    return Path(settings.DATA_DIR) / "uploads" / kind


def keep(kind: str, upload: Any, name: str, *, user_id: int, office_id: int, **meta: Any) -> Kept:
    """Write the upload (read in chunks) under a new token; `name` is the file's name in its folder."""
    folder = _root(kind) / secrets.token_urlsafe(24)
    folder.mkdir(parents=True, mode=0o700)
    with (folder / name).open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    kept = Kept(folder, {"user": user_id, "office": office_id, "created": time.time(), "name": name, **meta})
    kept.save()
    return kept


def find(kind: str, token: str, *, user_id: int) -> Kept | None:
    """The kept upload of that token if it is the user's and has not expired."""
    if not TOKEN.match(token):
        return None
    folder = _root(kind) / token
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("user") != user_id or time.time() - meta.get("created", 0) > EXPIRY_SECONDS:
        return None
    return Kept(folder, meta)


def discard(kept: Kept) -> None:
    shutil.rmtree(kept.folder, ignore_errors=True)


def sweep(kind: str) -> None:
    """Remove the folders older than EXPIRY_SECONDS (by their last change)."""
    root = _root(kind)
    if not root.is_dir():
        return
    limit = time.time() - EXPIRY_SECONDS
    for folder in root.iterdir():
        try:
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
