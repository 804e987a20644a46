"""Shared helpers of the benchmarks: scratch databases, a bench data directory, child processes, tables.

Benchmarks never touch the developer's database (var/caunoi.sqlite3): every measurement runs in a child
process whose DATABASE_URL points at a scratch SQLite file in a temporary directory (under
$CAUNOI_DATA_DIR/bench when that is set) or at a scratch PostgreSQL database created and dropped here.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
PYTHON = sys.executable
# The server `make bench` expects (trust auth); override with CAUNOI_BENCH_PG for another one.
PG_ADMIN_URL = os.environ.get("CAUNOI_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
# Only used by bench children: the development key is fine, and DEBUG stays off (with DEBUG on Django
# keeps every query in memory, which would falsify the memory figures).
BENCH_SECRET = "caunoi-bench-only-not-a-secret"


def header(title: str) -> None:
    line = "=" * max(len(title), 72)
    print(f"\n{line}\n{title}\n{line}", flush=True)


def note(text: str) -> None:
    print(text, flush=True)


# --- PostgreSQL -------------------------------------------------------------------------------------------


def postgres_unavailable() -> str | None:
    """None when the bench PostgreSQL server answers, else why not (printed, and the bench carries on)."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency of caunoi
        return f"psycopg not importable: {exc}"
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3, autocommit=True) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
    return None


def _pg_url(dbname: str) -> str:
    """PG_ADMIN_URL (a postgresql:// URL) with another database name."""
    parts = urlsplit(PG_ADMIN_URL)
    return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, parts.fragment))


@contextmanager
def scratch_postgres(name: str) -> Iterator[str]:
    """Create database `name` (dropping a leftover of that name first), yield its URL, drop it afterwards."""
    import psycopg
    from psycopg import sql

    def drop(conn: psycopg.Connection[Any]) -> None:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        drop(conn)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _pg_url(name)
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            drop(conn)


# --- Files ------------------------------------------------------------------------------------------------


@contextmanager
def bench_dir(name: str) -> Iterator[Path]:
    """A fresh directory for bench data: $CAUNOI_DATA_DIR/bench/<name>-… if that is set, else in the system
    temporary directory; removed afterwards."""
    root = os.environ.get("CAUNOI_DATA_DIR")
    parent = Path(root).resolve() / "bench" if root else None
    if parent is not None:
        parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f"caunoi-{name}-", dir=parent))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


# --- Child processes --------------------------------------------------------------------------------------


def child_env(database_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": database_url,
            "CAUNOI_DATA_DIR": str(data_dir),
            "CAUNOI_SECRET_KEY": BENCH_SECRET,
            "CAUNOI_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "caunoi.settings",
            "PYTHONHASHSEED": "0",
        }
    )
    env.update(extra)
    return env


class ChildFailed(RuntimeError):
    pass


def run_child(args: Sequence[str], env: dict[str, str]) -> dict[str, Any]:
    """Run a Python child (`args` after the interpreter); its last stdout line is a JSON object."""
    proc = subprocess.run(
        [PYTHON, *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-25:])
        raise ChildFailed(f"{' '.join(args)} exited with {proc.returncode}:\n{tail}")
    lines = [line for line in proc.stdout.strip().splitlines() if line.strip()]
    if not lines:
        raise ChildFailed(f"{' '.join(args)} printed nothing")
    return dict(json.loads(lines[-1]))


def run_django_command(args: Sequence[str], env: dict[str, str]) -> None:
    proc = subprocess.run(
        [PYTHON, "-m", "caunoi", *args], env=env, cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-25:])
        raise ChildFailed(f"caunoi {' '.join(args)} exited with {proc.returncode}:\n{tail}")


def _git(*args: str) -> bytes:
    return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, check=True).stdout


def code_version() -> str:
    """The commit measured, and whether src/ differs from it (benchmarks of a shared checkout)."""
    try:
        commit = _git("rev-parse", "--short", "HEAD").decode().strip()
        changed = _git("status", "--porcelain", "--", "src").strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit} with uncommitted changes in src/" if changed else commit


def src_state() -> str:
    """A fingerprint of the code under src/ (committed tree and uncommitted changes), to notice the code
    changing during a run; commits that touch only other folders leave it alone."""
    try:
        state = _git("rev-parse", "HEAD:src") + _git("status", "--porcelain", "--", "src")
        state += _git("diff", "HEAD", "--", "src")
    except (OSError, subprocess.CalledProcessError):
        return ""
    return hashlib.sha1(state).hexdigest()[:12]


def setup_django() -> None:
    """In a child: configure Django from the environment run_child gave it."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    import django

    django.setup()


# --- Figures ----------------------------------------------------------------------------------------------


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


T = TypeVar("T")


def per_database(name: str, databases: Sequence[str], measure: Callable[[str, str, Path], T]) -> list[T]:
    """`measure(db, database_url, data_dir)` on each database in turn — SQLite in a file of a scratch folder,
    PostgreSQL in a scratch database — printing each one's time; a database that fails is reported and
    skipped, so the others are still measured."""
    results: list[T] = []
    for db in databases:
        note(f"\n{db}:")
        watch = Stopwatch()
        try:
            with bench_dir(f"bench-{name}") as data_dir:
                if db == "sqlite":
                    results.append(measure(db, sqlite_url(data_dir / "bench.sqlite3"), data_dir))
                else:
                    with scratch_postgres(f"caunoi_bench_{name}_{os.getpid()}") as url:
                        results.append(measure(db, url, data_dir))
        except Exception:
            traceback.print_exc()
            note(f"  {db}: FAILED (see above); carrying on")
        note(f"  {db} done in {fmt_duration(watch.seconds)}")
    return results


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def fmt_int(n: int) -> str:
    """Vietnamese grouping, as the issue writes its sizes: 1.000.000."""
    return f"{n:,}".replace(",", ".")


def fmt_float(x: float, digits: int = 1) -> str:
    """Vietnamese decimal comma: 0,25."""
    return f"{x:.{digits}f}".replace(".", ",")


def fmt_scale(scale: float) -> str:
    text = f"{scale:g}".replace(".", ",")
    return f"{text}×"


def fmt_duration(seconds: float) -> str:
    if seconds < 120:
        return f"{fmt_float(seconds)} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s"


def print_table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], right: Sequence[bool] | None = None
) -> None:
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = right or [False] * len(headers)

    def fmt(row: Sequence[str]) -> str:
        return "  ".join(c.rjust(w) if a else c.ljust(w) for c, w, a in zip(row, widths, align, strict=True))

    print(fmt(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(fmt(row))
    sys.stdout.flush()
