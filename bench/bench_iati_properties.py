"""The IATI reader's property tests (tests/iati/test_reader_properties.py) at length: BENCH_PROPERTY_EXAMPLES
mutated files (default 2.000, random each run; `make test` tries 150, the same each run) through
`caunoi iati import`, on SQLite and on PostgreSQL, printing how many were tried and how many ended cleanly:
no traceback, a documented exit status, and no row changed by an import that saved nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import common as c

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = int(os.environ.get("BENCH_PROPERTY_EXAMPLES", "2000"))
TEST = "tests/iati/test_reader_properties.py"


def _run(label: str, database_url: str | None) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="caunoi-bench-properties-") as folder:
        report = Path(folder) / "tally.json"
        env = {**os.environ, "CAUNOI_PROPERTY_EXAMPLES": str(EXAMPLES), "CAUNOI_PROPERTY_REPORT": str(report)}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        watch = c.Stopwatch()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", TEST, "-q", "-p", "no:cacheprovider"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        tally = json.loads(report.read_text()) if report.exists() else {"tried": 0, "clean": 0}
    failed = "" if done.returncode == 0 else "  FAILED (the failing input, shrunk, is below)"
    if failed:
        c.note(done.stdout[-6000:])
    return [
        label,
        c.fmt_int(tally["tried"]),
        c.fmt_int(tally["clean"]),
        c.fmt_int(tally.get("saved", 0)),
        c.fmt_int(tally.get("refused", 0)),
        c.fmt_duration(watch.seconds) + failed,
    ]


def main() -> None:
    rows = [_run("SQLite", None)]
    why = c.postgres_unavailable()
    if why:
        c.note(f"PostgreSQL skipped: {why}")
    else:
        # pytest-django creates (and drops) test_<name> beside it.
        rows.append(_run("PostgreSQL", c._pg_url("caunoi_bench_properties")))
    c.print_table(["database", "tried", "ended cleanly", "saved", "refused", "time"], rows)


if __name__ == "__main__":
    main()
