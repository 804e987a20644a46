"""The text of an uploaded report: .txt (UTF-8), .docx (python-docx) or .pdf (pypdf).

Every refusal is a RuleError naming the file; nothing else escapes. A .docx is a zip: its declared unpacked
size is checked before python-docx opens it (a small file unpacking to gigabytes is refused), and a pdf is
read page by page up to a number of characters."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from typing import Final

from caunoi.core.errors import RuleError
from caunoi.reported import messages as m

MAX_BYTES: Final = 20 * 2**20
MAX_UNPACKED: Final = 100 * 2**20
MAX_CHARS: Final = 2_000_000
MAX_PAGES: Final = 500
KINDS: Final = (".txt", ".docx", ".pdf")


def _mb(limit: int) -> dict[str, int]:
    return {"mb": limit // 2**20}


def read_document(name: str, data: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """The NFC text of the document `name` holding `data`, or a RuleError saying why it cannot be read."""
    lower = (name or "").lower()
    kind = next((k for k in KINDS if lower.endswith(k)), None)
    if kind is None:
        raise m.FILE_KIND(field="file", name=name)
    if len(data) > max_bytes:
        raise m.FILE_TOO_LARGE(field="file", name=name, **_mb(max_bytes))
    if not data.strip():
        raise m.FILE_EMPTY(field="file", name=name)
    if kind == ".txt":
        text = _txt(name, data)
    elif kind == ".docx":
        text = _docx(name, data)
    else:
        text = _pdf(name, data)
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))[:MAX_CHARS]
    if not text.strip():
        raise m.FILE_EMPTY(field="file", name=name)
    return text


def _txt(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise m.FILE_NOT_TEXT(field="file", name=name) from None


def _docx(name: str, data: bytes) -> str:
    damaged = m.FILE_DAMAGED(field="file", name=name, kind="Word (.docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise m.FILE_UNPACKS_TOO_LARGE(field="file", name=name, **_mb(MAX_UNPACKED))
    except zipfile.BadZipFile:
        raise damaged from None
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.append(" ; ".join(cell.text for cell in row.cells))
    except RuleError:
        raise
    except Exception:  # python-docx raises many kinds on a damaged package: each means "not readable"
        raise damaged from None
    return "\n".join(parts)


def _pdf(name: str, data: bytes) -> str:
    damaged = m.FILE_DAMAGED(field="file", name=name, kind="PDF")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        parts: list[str] = []
        size = 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size > MAX_CHARS:
                break
    except Exception:  # pypdf raises many kinds on a damaged file: each means "not readable"
        raise damaged from None
    return "\n".join(parts)
