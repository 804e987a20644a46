"""`make bench`: run every benchmark of this folder, each under its own header.

A benchmark is a module bench_*.py with a main(); bench_aid_report always runs, the others when present.
The exit code is 0 unless a benchmark crashes; the figures and their targets are printed, never asserted.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as c

BENCHMARKS = [
    ("bench_aid_report", "Yearly aid report (caunoi.reports.aid) on a synthetic national ledger", True),
    ("bench_iati", "IATI 2.03 import against a bare lxml iterparse of the same file", False),
    ("bench_web", "Web pages under 20 concurrent clients (production server)", False),
    ("bench_spreadsheet", "Aid spreadsheet import: memory of 100.000 rows, mutated files", False),
    (
        "bench_iati_properties",
        "IATI reader property tests at length: mutated files, tried and ended cleanly",
        False,
    ),
    ("bench_check_text", "check-text on large and mutated texts", False),
    ("bench_corpus_checktext", "check-text on the project's corpus: precision, recall, relations", False),
    ("bench_search", "Search over every kind of record at ¼× data", False),
    ("bench_extraction", "Reported figures read from narrative reports (annotated corpus)", False),
    ("bench_api", "The API against its schema (schemathesis at length) and its read latency", False),
    (
        "bench_public",
        "The public website under 50 anonymous clients, and caunoi publish of one office",
        False,
    ),
]


def main() -> int:
    watch = c.Stopwatch()
    crashed: list[str] = []
    durations: list[tuple[str, float]] = []
    for name, title, required in BENCHMARKS:
        if not required and not (c.BENCH_DIR / f"{name}.py").exists():
            continue
        c.header(f"{name}: {title}")
        started = c.Stopwatch()
        try:
            module = importlib.import_module(name)
            module.main()
        except Exception:
            traceback.print_exc()
            crashed.append(name)
            c.note(f"{name} CRASHED")
        except SystemExit as exc:
            if exc.code not in (None, 0):
                crashed.append(name)
                c.note(f"{name} exited with {exc.code}")
        durations.append((name, started.seconds))
    c.header("make bench: summary")
    for name, seconds in durations:
        c.note(f"{name}: {c.fmt_duration(seconds)}{'  CRASHED' if name in crashed else ''}")
    c.note(f"total: {c.fmt_duration(watch.seconds)}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
