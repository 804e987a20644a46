"""Reading IATI activity files as a stream: files, folders, .gz; one activity element at a time.

Each activity is handed over when its end tag is read and cleared afterwards (with its preceding
siblings), so memory stays flat however large the file is. Problems of the file itself (unreadable,
not XML, truncated, wrong root, version 1.x, no activity) are reported as `FileProblem`, never as a
traceback.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from lxml import etree

from caunoi.core.errors import Msg
from caunoi.iati import messages as m
from caunoi.iati.report import IatiProblem, problem
from caunoi.iati.schema import ACCEPTED_VERSIONS, line_of, root_errors

GZIP_MAGIC = b"\x1f\x8b"


MB = 1024 * 1024
CHUNK = 64 * 1024  # bytes handed to the parser at a time


@dataclass(frozen=True)
class Limits:
    """How much a file may hold, decompressed (settings IATI_MAX_INPUT_MB and IATI_MAX_ELEMENT_MB): the
    whole stream, and what is read between the end of one activity and the end of the next (an activity
    with all its text, or whatever lies between activities). The parser holds at most that much at once,
    so memory stays bounded however the file is built (a .gz of a few MB can hold gigabytes of text)."""

    input_bytes: int
    element_bytes: int

    @classmethod
    def of_megabytes(cls, input_mb: int, element_mb: int) -> Limits:
        return cls(input_mb * MB, element_mb * MB)


class TooLarge(Exception):
    def __init__(self, msg: Msg, limit: int):
        super().__init__(msg.code)  # the reader process has no catalog: the message renders in the importer
        self.msg, self.limit = msg, limit


class _Bounded:
    """The decompressed stream, read by the parser through `read`, refused once beyond the limits."""

    def __init__(self, source: IO[bytes], limits: Limits):
        self.source = source
        self.limits = limits
        self.position = 0
        self.since = 0  # where the current activity, or the stretch before it, began

    def read(self, size: int = -1) -> bytes:
        chunk = self.source.read(CHUNK if size < 0 else min(size, CHUNK))
        self.position += len(chunk)
        if self.position > self.limits.input_bytes:
            raise TooLarge(m.INPUT_TOO_LARGE, self.limits.input_bytes // MB)
        if self.position - self.since > self.limits.element_bytes:
            raise TooLarge(m.ELEMENT_TOO_LARGE, self.limits.element_bytes // MB)
        return chunk

    def activity_ended(self) -> None:
        self.since = self.position


class FileProblem(Exception):
    def __init__(self, found: IatiProblem):
        super().__init__(found.code)  # the reader process has no catalog: the importer renders the text
        self.problem = found


@dataclass
class FileContext:
    path: Path
    name: str
    version: str = ""
    generated: str = ""


def iati_files(paths: list[Path]) -> Iterator[Path]:
    """The files to read, folders expanded (sorted *.xml and *.xml.gz); missing paths are yielded as they
    are, for the reader to report."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith((".xml", ".xml.gz")))
            if not found:
                yield path
            yield from found
        else:
            yield path


def _open(ctx: FileContext) -> IO[bytes]:
    # Opened without waiting (a FIFO's open blocks until a writer comes) and refused unless a regular file:
    # a FIFO or a device would be waited on, or read forever.
    fd = os.open(ctx.path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        _fail(ctx, m.NOT_A_FILE)
    return os.fdopen(fd, "rb")


def _decompressed(handle: IO[bytes]) -> IO[bytes]:
    if handle.read(2) == GZIP_MAGIC:
        handle.seek(0)
        return cast(IO[bytes], gzip.GzipFile(fileobj=handle, mode="rb"))
    handle.seek(0)
    return handle


def _fail(ctx: FileContext, msg: Msg, line: int | None = None, element: str | None = None, **kw: str) -> None:
    raise FileProblem(problem(msg, source=ctx.name, line=line, element=element, **kw))


def _check_root(ctx: FileContext, root: etree._Element) -> None:
    if root.tag != "iati-activities":
        _fail(ctx, m.WRONG_ROOT, line_of(root), str(root.tag), root=str(root.tag))
    version = (root.get("version") or "").strip()
    if version[:2] == "1." or version in ("1", "1.0"):
        _fail(ctx, m.VERSION_1X, line_of(root), "iati-activities", version=version)
    if version not in ACCEPTED_VERSIONS:
        _fail(ctx, m.VERSION_UNKNOWN, line_of(root), "iati-activities", version=version)
    errors = root_errors(root)
    if errors:
        _fail(ctx, m.ROOT_INVALID, errors[0][0], "iati-activities", reason=errors[0][2])
    ctx.version = version
    ctx.generated = root.get("generated-datetime", "")


def activities(
    path: Path, limits: Limits, label: str | None = None
) -> Iterator[tuple[FileContext, etree._Element]]:
    """(file, activity element) for each activity of the file; raises FileProblem for a bad file, or one
    beyond the limits.

    The element is valid only until the next one is read: it is cleared then.
    """
    ctx = FileContext(path, label or path.name)
    if path.is_dir():
        _fail(ctx, m.PATH_NOT_IATI)
    if not path.exists():
        _fail(ctx, m.FILE_MISSING)
    count = 0
    try:
        with _open(ctx) as handle, _decompressed(handle) as stream:
            bounded = _Bounded(stream, limits)
            events = etree.iterparse(
                bounded,
                events=("start", "end"),
                tag=("iati-activities", "iati-activity"),
                huge_tree=True,
                remove_blank_text=False,
            )
            root: etree._Element | None = None
            for event, element in events:
                if root is None:
                    root = element if element.tag == "iati-activities" else element.getroottree().getroot()
                    _check_root(ctx, root)
                if event != "end" or element.tag != "iati-activity":
                    continue
                count += 1
                bounded.activity_ended()
                yield ctx, element
                element.clear(keep_tail=False)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
            if root is None:
                top = events.root
                _check_root(ctx, top)
    except TooLarge as error:
        _fail(ctx, error.msg, limit=str(error.limit))
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        _fail(ctx, m.NOT_WELL_FORMED, line, reason=error.msg or str(error))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        _fail(ctx, m.FILE_UNREADABLE, reason=str(error) or type(error).__name__)
    if count == 0:
        _fail(ctx, m.NO_ACTIVITIES)
