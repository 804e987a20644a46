"""Search over every kind of record (caunoi.search) on the synthetic national dataset at ¼× (50.000 items).

For SQLite and, when it answers, PostgreSQL: generate the data (bench/synthetic.py), then in a child process
search as a national viewer (every office: the largest scope) and as the system for each query below, BENCH_
SEARCH_RUNS times after one warm-up; printed: median and max per query in ms and PASS/MISS against the issue's
target (≤ 50 ms). A query that matches few rows is the slow case (the whole folded column is read); one that
matches many stops at the first rows of each kind.

Settings (environment): BENCH_SEARCH_SCALE (0.25), BENCH_SEARCH_RUNS (15), BENCH_SEARCH_DATABASES
("sqlite,postgresql"), CAUNOI_BENCH_PG (the PostgreSQL server).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as c

TARGET_MS = 50.0
QUERIES = ["da nang", "mu cang chai", "mimasaka", "khoan vien tro", "to chuc minh hoa 007", "zzz khong co"]


def measure_child(runs: int) -> dict[str, Any]:
    c.setup_django()
    from caunoi.core.permissions import SYSTEM
    from caunoi.search.services import search

    result: dict[str, Any] = {}
    for query in QUERIES:
        search(query, actor=SYSTEM)
        times = []
        hits = 0
        for _ in range(runs):
            started = time.perf_counter()
            found = search(query, actor=SYSTEM)
            times.append((time.perf_counter() - started) * 1000)
            hits = sum(len(f.hits) for f in found)
        times.sort()
        result[query] = {"median_ms": times[len(times) // 2], "max_ms": times[-1], "hits": hits}
    return result


def _run(name: str, url: str, data_dir: Path, scale: float, runs: int) -> None:
    env = c.child_env(url, data_dir)
    c.run_django_command(["migrate", "--verbosity", "0", "--skip-checks"], env)
    gen = c.run_child(["bench/synthetic.py", "--scale", str(scale)], env)
    c.note(f"{name}: {c.fmt_int(gen['items'])} items, generated in {c.fmt_duration(gen['seconds'])}")
    figures = c.run_child(["bench/bench_search.py", "measure", str(runs)], env)
    for query, f in figures.items():
        verdict = "PASS" if f["median_ms"] <= TARGET_MS else "MISS"
        c.note(
            f"  {name} “{query}”: median {c.fmt_float(f['median_ms'])} ms, max {c.fmt_float(f['max_ms'])} ms, "
            f"{f['hits']} hits — target ≤ {c.fmt_float(TARGET_MS, 0)} ms {verdict}"
        )


def main() -> None:
    scale = float(os.environ.get("BENCH_SEARCH_SCALE", "0.25"))
    runs = int(os.environ.get("BENCH_SEARCH_RUNS", "15"))
    databases = os.environ.get("BENCH_SEARCH_DATABASES", "sqlite,postgresql").split(",")
    c.note(f"scale {c.fmt_scale(scale)}, {runs} runs per query, as the system (every office)")
    if "sqlite" in databases:
        with c.bench_dir("bench-search") as data_dir:
            _run("SQLite", c.sqlite_url(data_dir / "caunoi.sqlite3"), data_dir, scale, runs)
    if "postgresql" in databases:
        reason = c.postgres_unavailable()
        if reason:
            c.note(f"PostgreSQL skipped: {reason}")
            return
        with (
            c.bench_dir("bench-search") as data_dir,
            c.scratch_postgres(f"caunoi_bench_search_{os.getpid()}") as url,
        ):
            _run("PostgreSQL", url, data_dir, scale, runs)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        print(json.dumps(measure_child(int(sys.argv[2]))))
    else:
        main()
