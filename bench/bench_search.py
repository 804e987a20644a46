"""Search over every kind of record (caunoi.search) on the synthetic national dataset at ¼× (50.000 items).

For SQLite and, when it answers, PostgreSQL: generate the data (bench/synthetic.py for the aid ledger,
bench/synthetic_relations.py for partners, agreements, events, associations, people and documents), then in
a child process search as the system (every office: the largest scope) for each query below, BENCH_SEARCH_
RUNS times after one warm-up. Printed: median and max per query in ms with PASS/MISS against the issue's
target (≤ 50 ms), then for each kind the query slowest on it (median of that kind's share of the search),
and whether each kind's query reads its index (SQLite: the FTS5 trigram table; PostgreSQL: the pg_trgm
index, from EXPLAIN for a rare word).

Settings (environment): BENCH_SEARCH_SCALE (0.25), BENCH_SEARCH_RUNS (15), BENCH_SEARCH_DATABASES
("sqlite,postgresql"), CAUNOI_BENCH_PG (the PostgreSQL server).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as c

TARGET_MS = 50.0
QUERIES = [
    "da nang",
    "mu cang chai",
    "mimasaka",
    "khoan vien tro",
    "to chuc minh hoa 007",
    "hoi thao quoc te",
    "nguyen van anh",
    "zzz khong co",
    "qx",  # words under three characters: no trigram index, a scan
]
RARE = "zzz khong co"  # matches nothing: the index, not an early stop, should answer


def measure_child(runs: int) -> dict[str, Any]:
    c.setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from caunoi.core.permissions import SYSTEM
    from caunoi.search.kinds import KINDS
    from caunoi.search.services import found_in, matching, search, words_of

    queries: dict[str, Any] = {}
    kinds: dict[str, dict[str, float]] = {kind.code: {} for kind in KINDS}
    for query in QUERIES:
        words = words_of(query)
        search(query, actor=SYSTEM)
        times = []
        per_kind: dict[str, list[float]] = {kind.code: [] for kind in KINDS}
        hits = 0
        for _ in range(runs):
            started = time.perf_counter()
            found = search(query, actor=SYSTEM)
            times.append((time.perf_counter() - started) * 1000)
            hits = sum(len(f.hits) for f in found)
            for kind in KINDS:
                started = time.perf_counter()
                found_in(kind, words, actor=SYSTEM)
                per_kind[kind.code].append((time.perf_counter() - started) * 1000)
        queries[query] = {"median_ms": statistics.median(times), "max_ms": max(times), "hits": hits}
        for code, spent in per_kind.items():
            kinds[code][query] = statistics.median(spent)
    plans = {}
    for kind in KINDS:
        if connection.vendor == "sqlite":  # the index is read by a query of its own: see what was sent
            with CaptureQueriesContext(connection) as sent:
                found_in(kind, words_of(RARE), actor=SYSTEM)
            plans[kind.code] = any("_search_fts" in q["sql"] for q in sent.captured_queries)
        else:
            plan = matching(kind, words_of(RARE), actor=SYSTEM).values_list("pk")[:200].explain()
            plans[kind.code] = "_search_trgm" in plan
    return {"queries": queries, "kinds": kinds, "indexed": plans}


def _run(name: str, url: str, data_dir: Path, scale: float, runs: int) -> None:
    env = c.child_env(url, data_dir)
    c.run_django_command(["migrate", "--verbosity", "0", "--skip-checks"], env)
    gen = c.run_child(["bench/synthetic.py", "--scale", str(scale)], env)
    rel = c.run_child(["bench/synthetic_relations.py", "--scale", str(scale)], env)
    rows = ", ".join(f"{c.fmt_int(n)} {model}" for model, n in rel.get("rows", {}).items())
    c.note(
        f"{name}: {c.fmt_int(gen['items'])} items, generated in {c.fmt_duration(gen['seconds'])}; "
        f"{rows} in {c.fmt_duration(rel['seconds'])}"
    )
    figures = c.run_child(["bench/bench_search.py", "measure", str(runs)], env)
    for query, f in figures["queries"].items():
        verdict = "PASS" if f["median_ms"] <= TARGET_MS else "MISS"
        c.note(
            f"  {name} “{query}”: median {c.fmt_float(f['median_ms'])} ms, max {c.fmt_float(f['max_ms'])} ms, "
            f"{f['hits']} hits — target ≤ {c.fmt_float(TARGET_MS, 0)} ms {verdict}"
        )
    for code, spent in figures["kinds"].items():
        query, ms = max(spent.items(), key=lambda pair: pair[1])
        c.note(f"  {name} {code}: slowest “{query}” {c.fmt_float(ms)} ms (median of its share)")
    unindexed = [code for code, used in figures["indexed"].items() if not used]
    c.note(
        f"  {name} index read for “{RARE}” by every kind"
        if not unindexed
        else f"  {name} index NOT read for “{RARE}” by: {', '.join(unindexed)}"
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
