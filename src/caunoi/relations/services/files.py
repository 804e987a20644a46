"""Uploaded files (signed agreements, photos, event documents): accepted types and size limits.

The extension alone is not trusted: the first bytes must match it, so a renamed executable is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import File

from caunoi.relations import messages as m

ZIP = (b"PK\x03\x04",)
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # .doc/.xls (Office 97-2003)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",),
    ".docx": ZIP,
    ".xlsx": ZIP,
    ".odt": ZIP,
    ".doc": OLE,
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".webp": (b"RIFF",),
}


@dataclass(frozen=True)
class FilePolicy:
    extensions: tuple[str, ...]
    max_mb: int


DOCUMENT = FilePolicy((".pdf", ".docx", ".doc", ".odt", ".xlsx", ".jpg", ".jpeg", ".png"), 20)
PHOTO = FilePolicy((".jpg", ".jpeg", ".png", ".webp"), 10)


def check_file(upload: File, policy: FilePolicy, field: str) -> None:
    name = PurePath(upload.name or "").name
    ext = PurePath(name).suffix.lower()
    if ext not in policy.extensions:
        raise m.FILE_TYPE(field=field, name=name, allowed=", ".join(policy.extensions))
    size = upload.size or 0
    if size == 0:
        raise m.FILE_EMPTY(field=field, name=name)
    if size > policy.max_mb * 1024 * 1024:
        raise m.FILE_TOO_LARGE(field=field, name=name, size=f"{size / 1024 / 1024:.1f}", limit=policy.max_mb)
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if isinstance(head, str):
        head = head.encode()
    if not any(head.startswith(sig) for sig in SIGNATURES[ext]):
        raise m.FILE_CONTENT(field=field, name=name, ext=ext)
    if ext == ".webp" and head[8:12] != b"WEBP":
        raise m.FILE_CONTENT(field=field, name=name, ext=ext)
