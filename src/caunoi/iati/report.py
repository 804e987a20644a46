"""What an import found: the problems (with file, activity, line, element) and the counts that add up."""

from __future__ import annotations

import itertools
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, overload

from caunoi.core.errors import ALL_MESSAGES, Msg, Problem

ERROR = "error"
NOTICE = "notice"


@dataclass
class IatiProblem(Problem):
    """A Problem located in an IATI file: `row` is the line, `column` the element."""

    activity: str | None = None
    severity: str = ERROR

    def where(self) -> str:
        parts = [self.source or ""]
        if self.activity:
            parts.append(f"activity {self.activity}")
        if self.row is not None:
            parts.append(f"line {self.row}")
        if self.column:
            parts.append(f"<{self.column}>")
        return ", ".join(p for p in parts if p)

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "file": self.source,
            "activity": self.activity,
            "line": self.row,
            "element": self.column,
            "code": self.code,
            "vi": self.vi,
            "en": self.en,
        }

    def line_text(self) -> str:
        return f"{self.where()}: {self.vi} / {self.en}"


def problem(
    msg: Msg,
    *,
    source: str | None = None,
    activity: str | None = None,
    line: int | None = None,
    element: str | None = None,
    severity: str = ERROR,
    **params: Any,
) -> IatiProblem:
    if element is not None:
        params.setdefault("element", element)
    return IatiProblem(
        msg, params, row=line, column=element, source=source, activity=activity, severity=severity
    )


class ProblemLog:
    """The problems of an import, in order: the first `KEEP` in memory, the rest spilled to a temporary
    file in pickled chunks, so that a file with a notice on every transaction does not grow the import's
    memory. A list's operations that the import and its reports use: append, +=, del log[n:], len,
    iteration, indexing and slicing."""

    KEEP = 2000
    CHUNK = 500

    def __init__(self, problems: Iterable[IatiProblem] = ()):
        self._head: list[IatiProblem] = []
        self._chunks: list[tuple[int, int]] = []  # (offset in the file, count)
        self._tail: list[IatiProblem] = []
        self._file: IO[bytes] | None = None
        self._spilled = 0
        self.extend(problems)

    def append(self, found: IatiProblem) -> None:
        if len(self._head) < self.KEEP and not self._chunks and not self._tail:
            self._head.append(found)
            return
        self._tail.append(found)
        if len(self._tail) >= self.CHUNK:
            self._spill()

    def extend(self, problems: Iterable[IatiProblem]) -> None:
        for found in problems:
            self.append(found)

    def __iadd__(self, problems: Iterable[IatiProblem]) -> ProblemLog:
        self.extend(problems)
        return self

    def _spill(self) -> None:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="caunoi-iati-problems-")  # noqa: SIM115
        self._file.seek(0, 2)
        offset = self._file.tell()
        pickle.dump(self._tail, self._file, protocol=5)
        self._chunks.append((offset, len(self._tail)))
        self._spilled += len(self._tail)
        self._tail = []

    def _chunk(self, offset: int) -> list[IatiProblem]:
        assert self._file is not None
        self._file.seek(offset)
        chunk: list[IatiProblem] = pickle.load(self._file)
        for found in chunk:  # unpickled messages are copies: use the constants
            found.msg = ALL_MESSAGES.get(found.msg.code, found.msg)
        return chunk

    def __len__(self) -> int:
        return len(self._head) + self._spilled + len(self._tail)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[IatiProblem]:
        yield from list(self._head)
        for offset, _ in list(self._chunks):
            yield from self._chunk(offset)
        yield from list(self._tail)

    @overload
    def __getitem__(self, index: int) -> IatiProblem: ...
    @overload
    def __getitem__(self, index: slice) -> list[IatiProblem]: ...
    def __getitem__(self, index: int | slice) -> IatiProblem | list[IatiProblem]:
        if isinstance(index, slice):
            return list(self)[index] if self._chunks else (self._head + self._tail)[index]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("problem index out of range")
        return next(itertools.islice(self, index, None))

    def __delitem__(self, index: slice) -> None:
        """Only `del log[n:]` (forget what a rejected file added)."""
        if not isinstance(index, slice) or index.stop is not None or index.step is not None:
            raise TypeError("only del log[n:] is supported")
        keep = index.start or 0
        if keep < 0:
            keep = max(0, keep + len(self))
        if keep <= len(self._head):
            del self._head[keep:]
            self._chunks, self._tail, self._spilled = [], [], 0
            if self._file is not None:
                self._file.truncate(0)
            return
        keep -= len(self._head)
        kept_chunks: list[tuple[int, int]] = []
        count = 0
        for offset, size in self._chunks:
            if count + size > keep:
                tail = self._chunk(offset)[: keep - count]
                self._chunks, self._spilled = kept_chunks, count
                assert self._file is not None
                self._file.truncate(offset)
                self._tail = tail
                return
            kept_chunks.append((offset, size))
            count += size
        del self._tail[keep - count :]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ProblemLog | list):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"ProblemLog({len(self)} problems)"

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class ProblemView:
    """The problems of a log that pass a test (errors, notices), read from the log when needed."""

    def __init__(self, log: ProblemLog, test: Callable[[IatiProblem], bool]):
        self._log = log
        self._test = test

    def __iter__(self) -> Iterator[IatiProblem]:
        return (p for p in self._log if self._test(p))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None

    @overload
    def __getitem__(self, index: int) -> IatiProblem: ...
    @overload
    def __getitem__(self, index: slice) -> list[IatiProblem]: ...
    def __getitem__(self, index: int | slice) -> IatiProblem | list[IatiProblem]:
        if isinstance(index, slice):
            if index.start in (None, 0) and index.step is None and index.stop is not None and index.stop >= 0:
                return list(itertools.islice(self, index.stop))
            return list(self)[index]
        if index < 0:
            return list(self)[index]
        found = next(itertools.islice(self, index, None), None)
        if found is None:
            raise IndexError("problem index out of range")
        return found

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ProblemView | list):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"ProblemView({list(self)!r})"


@dataclass
class Summary:
    """read = imported + updated + unchanged + rejected + skipped, always."""

    files: int = 0
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped: int = 0  # other recipient country (--recipient-country)
    transactions: int = 0  # in the activities imported or updated
    ledger_transactions: int = 0
    other_transactions: int = 0  # kept in the IATI record, outside the ledger
    organisations_created: int = 0
    unreadable_files: int = 0  # rejected whole: missing, not XML, truncated, too large, …
    dry_run: bool = False
    committed: bool = False
    problems: ProblemLog = field(default_factory=ProblemLog)
    # Seconds of CPU of this process by phase (read: reading, or unpickling what the reader process
    # sent; plan; rows; write: SQL), and the wall-clock total.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[IatiProblem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def notices(self) -> ProblemView:
        """Read from the problem log when used (an import may have a notice on every transaction)."""
        return ProblemView(self.problems, lambda p: p.severity == NOTICE)

    def adds_up(self) -> bool:
        return self.read == self.imported + self.updated + self.unchanged + self.rejected + self.skipped

    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "read": self.read,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "transactions": self.transactions,
            "ledger_transactions": self.ledger_transactions,
            "other_transactions": self.other_transactions,
            "organisations_created": self.organisations_created,
            "unreadable_files": self.unreadable_files,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": not self.errors or self.committed,
            "committed": self.committed,
            "dry_run": self.dry_run,
            **self.counts(),
            "problems": [p.as_dict() for p in self.errors],
            "notices": [p.as_dict() for p in self.notices],
        }
