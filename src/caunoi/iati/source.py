"""Reading and validating IATI files, in this process or in a reader process alongside the import.

`records(paths)` reads the files one activity at a time and validates each (XSD, the version's
additions, codelists, values: `check_activity`), yielding plain records:

  ("file", name)                                   a file begins
  ("activity", source, line, data, problems, digest)  an activity: its data (None when invalid) or problems
  ("bad-file", problem)                            the file is unreadable, not XML, truncated, …: stop it
  ("end-file",)                                    the file ended normally

It touches no database, so a large import runs it in a second process (`ReaderProcess`): the reader
parses and validates while this process plans and writes (the machine's second core). The records go
through a pipe in pickled batches, each activity's data as the pickled tuples its digest is computed
from (`ActivityData.to_wire`: pickled once, and quicker to unpickle than the dataclasses); a full pipe
blocks the reader, so at most a few batches are in flight and memory stays flat. Whatever happens on
either side, the reader is stopped and reaped: an error in the reader is raised here (the import's
transaction is then rolled back), an error here kills the reader.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import pickle
import queue
import struct
import subprocess
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

from caunoi.core.errors import ALL_MESSAGES
from caunoi.iati import messages as m
from caunoi.iati.activity import ActivityData, ActivityReader
from caunoi.iati.report import IatiProblem, problem
from caunoi.iati.schema import activity_schema, exponent_value, later_features, line_of, schema_errors
from caunoi.iati.stream import FileProblem, Limits, activities, iati_files

Record = tuple[Any, ...]
BATCH = 64  # activities per pickled batch
PIPE_BYTES = 1 << 20  # the pipe's buffer: a few batches (Linux's default limit for a user)
# Batches read from the pipe and not yet imported (a few hundred kB each): enough to let the reader run on
# while a batch of rows is written to the database, few enough to keep memory flat.
QUEUE_BATCHES = 8
_HEADER = struct.Struct("<Q")


def check_activity(element: Any, source: str, version: str) -> tuple[ActivityData | None, list[IatiProblem]]:
    """The activity's data, or the problems that make it invalid (XSD, version, codelists, values)."""
    reader = ActivityReader(element, source, version)
    found: list[IatiProblem] = []
    for line, name, message in schema_errors(activity_schema(), element):
        exponent = exponent_value(message)
        if exponent is not None:
            found.append(
                problem(
                    m.EXPONENT,
                    source=source,
                    activity=reader.identifier,
                    line=line,
                    element=name,
                    value=exponent,
                )
            )
        else:
            found.append(
                problem(
                    m.SCHEMA,
                    source=source,
                    activity=reader.identifier,
                    line=line,
                    element=name,
                    reason=message,
                )
            )
    for el, what, since in later_features(element, version):
        found.append(
            problem(
                m.VERSION_FEATURE,
                source=source,
                activity=reader.identifier,
                line=line_of(el),
                element=str(el.tag),
                what=what,
                since=since,
                version=version,
            )
        )
    if found:
        return None, found  # the structure is wrong: reading it further would only guess
    data = reader.read()
    return (None, reader.problems) if reader.problems else (data, [])


def records(paths: Iterable[Path], limits: Limits, wire: bool = False) -> Iterator[Record]:
    """The records of the files (folders expanded), in order, each file read within `limits`; see the
    module's docstring. With `wire`, an activity's data is in the form the reader process sends
    (ActivityData.to_wire)."""
    for path in iati_files(list(paths)):
        yield ("file", path.name)
        try:
            for ctx, element in activities(path, limits):
                line = line_of(element) or 0
                data, found = check_activity(element, ctx.name, ctx.version)
                if data is None:
                    yield ("activity", ctx.name, line, None, found, "")
                elif wire:
                    sent, digest = data.to_wire()
                    yield ("activity", ctx.name, line, sent, found, digest)
                else:
                    yield ("activity", ctx.name, line, data, found, data.content_hash())
        except FileProblem as bad:
            yield ("bad-file", bad.problem)
            continue
        yield ("end-file",)


# ---- the reader process ----


class ReaderFailed(RuntimeError):
    pass


def _own_messages(found: list[IatiProblem]) -> None:
    # A message unpickled here is a copy: point the problem at this process's constant.
    for p in found:
        p.msg = ALL_MESSAGES.get(p.msg.code, p.msg)


class ReaderProcess(contextlib.AbstractContextManager["ReaderProcess"]):
    """`records(paths, limits)` computed by a child process (python -m caunoi.iati.source)."""

    def __init__(self, paths: Iterable[Path], limits: Limits):
        self.paths = [str(p) for p in paths]
        self.usage: dict[str, float] = {}  # the reader's peak memory (MiB) and CPU seconds, once done
        self.stopping = threading.Event()
        self.drainer: threading.Thread | None = None
        self.errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "caunoi.iati.source"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            env=env,
            bufsize=1 << 20,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        # A larger pipe lets the reader run a few batches ahead while this process writes a batch to the
        # database, instead of waiting for it (the pipe's 64 KiB hold less than one batch).
        with contextlib.suppress(OSError, AttributeError):
            fcntl.fcntl(self.proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        pickle.dump((self.paths, limits), self.proc.stdin, protocol=5)
        self.proc.stdin.close()

    def __iter__(self) -> Iterator[Record]:
        batches: queue.Queue[bytes | str] = queue.Queue(maxsize=QUEUE_BATCHES)
        self.drainer = threading.Thread(target=self._drain, args=(batches,), daemon=True)
        self.drainer.start()
        while True:
            body = batches.get()
            if isinstance(body, str):
                self._failed(body)
            batch: list[Record] = pickle.loads(body)
            for record in batch:
                kind = record[0]
                if kind == "activity":
                    if record[4]:
                        _own_messages(record[4])
                    if record[3] is not None:
                        data = ActivityData.from_wire(record[3])
                        record = (kind, record[1], record[2], data, record[4], record[5])
                elif kind == "bad-file":
                    _own_messages([record[1]])
                elif kind == "done":
                    self.usage = record[1]
                    return
                elif kind == "crash":
                    raise ReaderFailed(f"the IATI reader process failed:\n{record[1]}")
                yield record

    def _drain(self, batches: queue.Queue[bytes | str]) -> None:
        """Empty the pipe into `batches` as the reader fills it (a thread): while this process writes rows
        to the database, the reader must not wait for it (it waited 1,2 s of a 7 s import on a full pipe).
        A string put in `batches` says how the reader's output ended early."""
        stdout = self.proc.stdout
        assert stdout is not None
        while not self.stopping.is_set():
            header = stdout.read(_HEADER.size)
            if len(header) < _HEADER.size:
                self._hand_over(batches, "the reader process ended without finishing")
                return
            size = _HEADER.unpack(header)[0]
            body = stdout.read(size)
            if len(body) < size:
                self._hand_over(batches, "the reader process ended in the middle of a batch")
                return
            self._hand_over(batches, body)

    def _hand_over(self, batches: queue.Queue[bytes | str], item: bytes | str) -> None:
        while not self.stopping.is_set():
            with contextlib.suppress(queue.Full):
                batches.put(item, timeout=0.1)
                return

    def _failed(self, what: str) -> NoReturn:
        self.proc.wait()
        self.errors.seek(0)
        tail = self.errors.read()[-4000:].decode("utf-8", "replace")
        raise ReaderFailed(f"{what} (exit status {self.proc.returncode}): {tail}")

    def close(self) -> None:
        self.stopping.set()  # the drain thread stops at its next batch
        if self.proc.poll() is None:
            self.proc.kill()
        if self.proc.stdout is not None:
            self.proc.stdout.close()
        self.proc.wait()
        if self.drainer is not None:
            self.drainer.join()
        self.errors.close()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _usage() -> dict[str, float]:
    """This process's peak memory (MiB) and CPU seconds. The peak is read from /proc (VmHWM: since exec);
    getrusage's maxrss may count the parent's pages this process was started from."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    mib = usage.ru_maxrss / 1024
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                mib = int(line.split()[1]) / 1024
    return {"mib": mib, "cpu": usage.ru_utime + usage.ru_stime}


def _child() -> None:
    names, limits = pickle.load(sys.stdin.buffer)
    paths = [Path(p) for p in names]
    out = sys.stdout.buffer
    batch: list[Record] = []

    def send() -> None:
        body = pickle.dumps(batch, protocol=5)
        out.write(_HEADER.pack(len(body)))
        out.write(body)
        out.flush()
        batch.clear()

    try:
        activity_schema()
        gc.freeze()  # the modules, schema and codelists are not garbage: collections need not walk them
        count = 0
        for record in records(paths, limits, wire=True):
            batch.append(record)
            count += record[0] == "activity"
            if count >= BATCH:
                send()
                count = 0
    except BrokenPipeError:
        return  # the importer stopped reading (it failed, or was interrupted): nothing more to do
    except BaseException:
        batch.append(("crash", traceback.format_exc()))
    else:
        batch.append(("done", _usage()))
    with contextlib.suppress(BrokenPipeError):
        send()


if __name__ == "__main__":
    _child()
