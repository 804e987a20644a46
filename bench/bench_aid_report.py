"""Benchmark of the yearly aid report (caunoi.reports.aid.aid_summary) on a synthetic national dataset.

For SQLite and, when it answers, PostgreSQL, and for three data sizes: generate the data (bench/synthetic.py),
then time the report of one office, of every office one after the other (the country as 34 reports: there is
no national report function yet), and of the whole country at once (one aid_summary over a synthetic
"toan-quoc" office that all 34 offices name as successor, with include_predecessors=True).

Every measurement runs in a fresh child process, so neither generation nor an earlier measurement pollutes its
memory figures: one warm-up call, then timed calls (median and max of wall time; the process's CPU time
too, which machine load does not inflate — for PostgreSQL it leaves out the server's work), the last of them
counting SQL queries (the slowest and the most repeated one), then one call under tracemalloc (peak Python
allocation of the report); the process's peak RSS is read before it. Targets are printed with PASS/MISS and
never fail the run.

Settings (environment): BENCH_SCALES (default "1,2,4"; decimals with a dot, multiples of 0.25; 1 = 200.000
items, 1.000.000 transactions), BENCH_YEAR (2022), BENCH_OFFICE (lhhn-lao-cai), BENCH_DATABASES
("sqlite,postgresql"), BENCH_PLACES ("as-recorded", or "current" for 2025 communes only), CAUNOI_BENCH_PG
(the PostgreSQL server).
"""

from __future__ import annotations

import json
import os
import re
import resource
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as c
import synthetic

# The sizes. Growing a database from nothing to 4× takes about 3 min per database; with the report's
# one-query place lookup the whole aid benchmark takes about 17 min on this 2-core machine. Should the report
# get slow again, BENCH_SCALES=0.25,0.5,1 keeps `make bench` short.
DEFAULT_SCALES = "1,2,4"
# The targets at 1×, for a report computed afresh (cache off), and its ratio to the hand-written SQL.
TARGET_MS = {"office": 30.0, "national": 300.0}
SQL_RATIO = 3.0
CALL_BUDGET_S = 8.0  # timed calls of one measurement stop about here (at least 2)
FLAT_RATIO = 1.25  # "memory flat": the largest size may use at most 25 % more than the smallest
REPORTS = [
    # key, label, timed calls, cache: "off" computes every call (the first report after any change to the
    # records), "file" serves the report kept under the ledger marks (caunoi.core.marks) after the first
    # (a server process keeps the last reports it used live; a new process reads them from the file cache)
    # "computed": no kept report; the figures kept per office and year (caunoi.reports.kept) are read, each
    # office-year still stamped with its office's current mark (the warm-up call stores them).
    ("office", "office, computed", 7, "off"),
    ("loop", "34 offices, computed", 3, "off"),
    ("national", "national, computed", 5, "off"),
    # The first report after a change: the office's mark renewed before each call (outside the timing), so
    # its office-year is computed from the ledger again; the national report reads the 33 others as kept.
    ("office-changed", "office, after its change", 5, "off"),
    ("national-changed", "national, after one office's change", 5, "off"),
    ("office-sql", "office, hand-written SQL", 9, "off"),
    ("national-sql", "national, hand-written SQL", 5, "off"),
    ("office-kept", "office, kept", 9, "file"),
    ("loop-kept", "34 offices, kept", 9, "file"),
    ("national-kept", "national, kept", 9, "file"),
    # The same without the process's live copy: what the live copies (caunoi.core.marks) save, unpickling.
    ("national-unpickled", "national, kept, unpickled", 9, "file"),
]
LABELS = {key: label for key, label, _, _ in REPORTS}


def _settings() -> dict[str, Any]:
    scales = os.environ.get("BENCH_SCALES", DEFAULT_SCALES)
    return {
        "scales": sorted(float(s) for s in re.split(r"[,;\s]+", scales.strip()) if s),
        "year": int(os.environ.get("BENCH_YEAR", "2022")),
        "office": os.environ.get("BENCH_OFFICE", "lhhn-lao-cai"),
        "databases": [d.strip() for d in os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")],
    }


# --- Child: one measurement -------------------------------------------------------------------------------


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class QueryCounter:
    """Counts the report's SQL queries through Django's execute_wrapper hook.

    Not CaptureQueriesContext: that forces the debug cursor, which renders every query's SQL (on SQLite with
    an extra `SELECT QUOTE(?)` round trip per query with parameters), so the call it wraps cannot be timed
    and costs a whole extra report call. The wrapper keys by SQL text with its placeholders, so one query
    repeated per row (N+1) shows up as a single key with a large count.
    """

    def __init__(self) -> None:
        self.count: Counter[str] = Counter()
        self.ms: defaultdict[str, float] = defaultdict(float)
        self.slowest = (0.0, "")

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            ms = (time.perf_counter() - started) * 1000
            self.count[sql] += 1
            self.ms[sql] += ms
            if ms > self.slowest[0]:
                self.slowest = (ms, sql)


def measure(kind: str, year: int, office_code: str, calls: int) -> dict[str, Any]:
    unpickled = kind.endswith("-unpickled")
    kept = kind.endswith("-kept") or unpickled
    by_hand = kind.endswith("-sql")
    changed = kind.endswith("-changed")
    kind = kind.removesuffix("-kept").removesuffix("-sql").removesuffix("-unpickled").removesuffix("-changed")
    c.setup_django()
    from django.db import connection

    from caunoi.core.models import Office
    from caunoi.reports.aid import aid_summary

    def report() -> Any:
        if unpickled:
            from caunoi.core import marks

            marks._local.clear()
        if by_hand:
            import handwritten_sql

            if kind == "office":
                ids = [Office.objects.get(code=office_code).pk]
            else:
                ids = list(
                    Office.objects.filter(successor__code=synthetic.NATIONAL_CODE).values_list(
                        "pk", flat=True
                    )
                )
            handwritten_sql.breakdowns(ids, year)
            return []
        if kind == "office":
            return aid_summary(Office.objects.get(code=office_code), year)
        if kind == "loop":
            offices = Office.objects.filter(successor__code=synthetic.NATIONAL_CODE).order_by("code")
            return [aid_summary(office, year) for office in offices]
        if kind == "national":
            national = Office.objects.get(code=synthetic.NATIONAL_CODE)
            return aid_summary(national, year, include_predecessors=True)
        raise ValueError(kind)

    def timed(counter: QueryCounter | None = None) -> tuple[Any, float, float]:
        if changed:
            from caunoi.core import marks

            marks.touch([Office.objects.get(code=office_code).pk])
        cpu, wall = time.process_time(), time.perf_counter()
        if counter is None:
            result = report()
        else:
            with connection.execute_wrapper(counter):
                result = report()
        return result, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    # Warm-up (connection, imports, caches). A report slower than the budget keeps it as its first timed
    # call (first-call costs are then well under 1 %) and gets one more: the bench must end within minutes.
    # The last timed call also counts the queries.
    counter = QueryCounter()
    summary, warm_ms, warm_cpu = timed()
    if kept:  # the warm-up computed and kept the report(s): time what is served after it
        summary, warm_ms, warm_cpu = timed()
    if warm_ms >= CALL_BUDGET_S * 1000:
        runs = [(warm_ms, warm_cpu), timed(counter)[1:]]
    else:
        calls = max(2, min(calls, int(CALL_BUDGET_S * 1000 / warm_ms)))
        runs = [timed()[1:] for _ in range(calls - 1)] + [timed(counter)[1:]]
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before tracemalloc's own memory
    load = os.getloadavg()[0]
    tracemalloc.start()
    tracemalloc.reset_peak()
    report()
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    repeated, repeats = counter.count.most_common(1)[0]
    summaries = summary if isinstance(summary, list) else [summary]
    return {
        "times_ms": [wall for wall, _ in runs],
        "cpu_ms": [cpu for _, cpu in runs],
        "queries": sum(counter.count.values()),
        "sql_ms": sum(counter.ms.values()),
        "slowest_ms": counter.slowest[0],
        "slowest_sql": counter.slowest[1][:400],
        "repeated_sql": repeated[:400],
        "repeated": repeats,
        "repeated_ms": counter.ms[repeated],
        "traced_peak_mib": traced_peak,
        "max_rss_mib": max_rss,
        "load": load,
        "items_in_report": sum(s.count for s in summaries),
        "places": sum(len(s.by_place) for s in summaries),
        "donors": sum(len(s.by_donor) for s in summaries),
    }


# --- Parent: the whole benchmark --------------------------------------------------------------------------


def _generate_and_measure(db: str, url: str, data_dir: Path, cfg: dict[str, Any]) -> list[dict[str, Any]]:
    env = c.child_env(url, data_dir)
    watch = c.Stopwatch()
    c.run_django_command(["migrate", "--verbosity", "0", "--skip-checks"], env)
    c.note(f"  migrated in {c.fmt_duration(watch.seconds)}")
    results = []
    for scale in cfg["scales"]:
        gen = c.run_child(["bench/synthetic.py", "--scale", str(scale)], env)
        base = gen["base"]
        if base.get("created"):
            c.note(
                f"  base: geography, {base['offices']} offices, {c.fmt_int(base['organisations'])} donors, "
                f"{base['rates']} exchange rates in {c.fmt_duration(base['seconds'])}"
            )
        added = gen["added"]
        c.note(
            f"  {c.fmt_scale(scale)}: +{c.fmt_int(added.get('items', 0))} items, "
            f"+{c.fmt_int(added.get('transactions', 0))} transactions "
            f"({c.fmt_int(gen['rows_written'])} rows) in {c.fmt_duration(gen['seconds'])} "
            f"(insert {c.fmt_duration(gen['load_seconds'])}"
            f"{', VACUUM ANALYZE ' + c.fmt_duration(gen['analyze_seconds']) if db == 'postgresql' else ''}); "
            f"now {c.fmt_int(gen['items'])} items, {c.fmt_int(gen['transactions'])} transactions"
        )
        for kind, label, calls, cache in REPORTS:
            m = c.run_child(
                ["bench/bench_aid_report.py", "measure", kind, str(cfg["year"]), cfg["office"], str(calls)],
                {**env, "CAUNOI_REPORT_CACHE": cache},
            )
            m.update(
                db=db,
                scale=scale,
                kind=kind,
                items=gen["items"],
                transactions=gen["transactions"],
                generation_s=gen["seconds"],
                median_ms=c.median(m["times_ms"]),
                cpu_median_ms=c.median(m["cpu_ms"]),
                max_ms=max(m["times_ms"]),
            )
            c.note(
                f"    {label:<24} median {c.fmt_float(m['median_ms'])} ms (CPU {c.fmt_float(m['cpu_median_ms'])} ms), "
                f"max {c.fmt_float(m['max_ms'])} ms, "
                f"{m['queries']} queries, peak {c.fmt_float(m['traced_peak_mib'])} MiB traced / "
                f"{c.fmt_float(m['max_rss_mib'])} MiB RSS ({m['items_in_report']} items in the report)"
            )
            results.append(m)
    return results


def _ratio(a: float, b: float) -> str:
    return c.fmt_float(a / b, 2) if b else "—"


def _print_results(results: list[dict[str, Any]], cfg: dict[str, Any]) -> None:
    c.header(f"Aid report {cfg['year']} — results")
    rows = []
    for m in results:
        rows.append(
            [
                m["db"],
                c.fmt_scale(m["scale"]),
                c.fmt_int(m["items"]),
                c.fmt_int(m["transactions"]),
                LABELS[m["kind"]],
                len(m["times_ms"]),
                c.fmt_float(m["median_ms"]),
                c.fmt_float(m["max_ms"]),
                c.fmt_float(m["cpu_median_ms"]),
                m["queries"],
                c.fmt_float(m["traced_peak_mib"]),
                c.fmt_float(m["max_rss_mib"]),
                c.fmt_float(m["load"]),
                _target_verdict(m),
            ]
        )
    c.print_table(
        [
            "database",
            "scale",
            "items",
            "transactions",
            "report",
            "runs",
            "median ms",
            "max ms",
            "CPU ms",
            "queries",
            "peak MiB",
            "RSS MiB",
            "load",
            "target at 1×",
        ],
        rows,
        right=[False, True, True, True, False, True, True, True, True, True, True, True, True, False],
    )
    c.note(
        "runs: timed calls (a warm-up call first; a report slower than 8 s is timed twice, the warm-up included).\n"
        "CPU ms: median CPU time of the reporting process (all of the work on SQLite; without the server's on\n"
        "PostgreSQL), far less inflated than wall time when other processes compete for the 2 cores.\n"
        "peak MiB: tracemalloc peak of one report call (Python allocations); RSS MiB: peak resident memory of\n"
        "the reporting process (Python, Django and the database driver included); load: 1-minute load average\n"
        "of the machine after the timed calls (2 cores: above 2, other work competed for the CPU)."
    )

    scales = cfg["scales"]
    ratio_rows = []
    flat_rows = []
    for db in dict.fromkeys(m["db"] for m in results):
        for kind, label, _, _ in REPORTS:
            by_scale = {m["scale"]: m for m in results if m["db"] == db and m["kind"] == kind}
            first = by_scale.get(scales[0])
            if first is None:
                continue
            cells = [db, label]
            for scale in scales[1:]:
                m = by_scale.get(scale)
                if m is None:
                    cells.append("—")
                    continue
                cells.append(
                    f"{_ratio(m['median_ms'], first['median_ms'])} / "
                    f"{_ratio(m['cpu_median_ms'], first['cpu_median_ms'])} / "
                    f"{_ratio(m['traced_peak_mib'], first['traced_peak_mib'])} / "
                    f"{_ratio(m['max_rss_mib'], first['max_rss_mib'])}"
                )
            ratio_rows.append(cells)
            last = by_scale.get(scales[-1])
            if last is not None and len(by_scale) > 1:
                traced = last["traced_peak_mib"] / first["traced_peak_mib"]
                rss = last["max_rss_mib"] / first["max_rss_mib"]
                # The report's own donor and place lines: its output, which its peak memory holds.
                lines = (last["donors"] + last["places"], first["donors"] + first["places"])
                flat_rows.append(
                    [
                        db,
                        label,
                        c.fmt_float(traced, 2),
                        c.fmt_float(rss, 2),
                        f"{c.fmt_int(lines[1])} → {c.fmt_int(lines[0])} ({_ratio(lines[0], lines[1])})"
                        if lines[1]
                        else "—",
                        "PASS" if max(traced, rss) <= FLAT_RATIO else "MISS",
                    ]
                )
    if len(scales) > 1:
        c.header("Ratios between sizes (time and CPU = medians; memory = traced peak / peak RSS)")
        c.print_table(
            ["database", "report"]
            + [f"{c.fmt_scale(s)}/{c.fmt_scale(scales[0])} time / CPU / peak / RSS" for s in scales[1:]],
            ratio_rows,
        )

    c.header("Targets (printed, never failing the run)")
    judged = [m for m in results if m["kind"] in TARGET_MS and m["scale"] == 1.0]
    passed = sum(1 for m in judged if _target_verdict(m).startswith("PASS"))
    c.note(
        f"computed afresh at 1×, office ≤ {TARGET_MS['office']:.0f} ms and national ≤ {TARGET_MS['national']:.0f} ms "
        f"(median): {passed} of {len(judged)} PASS" + ("" if judged else " (1× not measured: BENCH_SCALES)")
    )
    sql_rows = []
    for m in results:
        if m["kind"] not in TARGET_MS:
            continue
        limit = next(
            (
                x
                for x in results
                if (x["db"], x["scale"], x["kind"]) == (m["db"], m["scale"], f"{m['kind']}-sql")
            ),
            None,
        )
        if limit is None:
            continue
        ratio = m["median_ms"] / limit["median_ms"] if limit["median_ms"] else float("inf")
        sql_rows.append(
            [
                m["db"],
                c.fmt_scale(m["scale"]),
                m["kind"],
                c.fmt_float(m["median_ms"]),
                c.fmt_float(limit["median_ms"]),
                c.fmt_float(ratio, 2),
                "PASS" if ratio <= SQL_RATIO else "MISS",
            ]
        )
    c.note(
        f"computed report ≤ {c.fmt_float(SQL_RATIO, 0)} × the same breakdowns in hand-written SQL (medians):"
    )
    c.print_table(
        ["database", "scale", "report", "computed ms", "SQL ms", "ratio", f"≤{SQL_RATIO:.0f}×"],
        sql_rows,
        right=[False, True, False, True, True, True, False],
    )
    if len(scales) > 1:
        c.note(
            f"memory flat as the data grows ({c.fmt_scale(scales[-1])} at most {c.fmt_float(FLAT_RATIO, 2)} times "
            f"{c.fmt_scale(scales[0])}, traced peak and RSS):"
        )
        c.print_table(
            ["database", "report", "traced ratio", "RSS ratio", "donor + place lines", "flat"], flat_rows
        )
    else:
        c.note("memory flat as the data grows: one data size only, no verdict")

    c.header(f"Where the time goes (largest size, {c.fmt_scale(scales[-1])})")
    for m in results:
        if m["scale"] != scales[-1]:
            continue
        c.note(
            f"{m['db']} · {LABELS[m['kind']]}: {m['queries']} queries, {c.fmt_float(m['sql_ms'])} ms in SQL "
            f"(inside cursor.execute; SQLite may leave part of the work to the fetch) of {c.fmt_float(m['median_ms'])} ms\n"
            f"  slowest query {c.fmt_float(m['slowest_ms'])} ms: {_short(m['slowest_sql'])}\n"
            f"  most repeated query ×{m['repeated']} ({c.fmt_float(m['repeated_ms'])} ms): "
            f"{_short(m['repeated_sql'])}"
        )


def _target_verdict(m: dict[str, Any]) -> str:
    target = TARGET_MS.get(m["kind"])
    if target is None or m["scale"] != 1.0:
        return "—"
    return f"{'PASS' if m['median_ms'] <= target else 'MISS'} (≤{target:.0f})"


def _short(sql: str, width: int = 150) -> str:
    sql = " ".join(sql.split())
    return sql if len(sql) <= width else sql[: width - 1] + "…"


def _database_runs(cfg: dict[str, Any]) -> list[tuple[str, Any]]:
    runs: list[tuple[str, Any]] = []
    for db in cfg["databases"]:
        if db == "sqlite":
            runs.append(("sqlite", None))
        elif db in ("postgresql", "postgres"):
            why = c.postgres_unavailable()
            if why is None:
                runs.append(("postgresql", None))
            else:
                c.note(f"PostgreSQL at {c.PG_ADMIN_URL} is unreachable ({why}): measuring SQLite only.")
        else:
            c.note(f"unknown database {db!r} in BENCH_DATABASES: skipped")
    return runs


def main() -> None:
    cfg = _settings()
    watch = c.Stopwatch()
    c.note(
        f"Synthetic national ledger: 34 offices × {synthetic.DONORS_PER_OFFICE} donors; 1× = "
        f"{c.fmt_int(synthetic.ITEMS_1X)} items, {c.fmt_int(synthetic.TRANSACTIONS_1X)} transactions "
        f"(2015–2026); sizes {', '.join(c.fmt_scale(s) for s in cfg['scales'])}; report year {cfg['year']}; "
        f"office {cfg['office']}"
    )
    if cfg["scales"] != [1.0, 2.0, 4.0]:
        c.note(
            f"NOTE: sizes {', '.join(c.fmt_scale(s) for s in cfg['scales'])} (BENCH_SCALES) instead of the "
            "issue's 1×, 2×, 4×."
        )
    c.note(f"machine: {os.cpu_count()} CPUs, load average {c.fmt_float(os.getloadavg()[0], 2)} at the start")
    version, state = c.code_version(), c.src_state()
    c.note(f"code measured: {version}")
    results: list[dict[str, Any]] = []
    for db, _ in _database_runs(cfg):
        c.note(f"\n{db}:")
        db_watch = c.Stopwatch()
        with c.bench_dir("bench-aid") as data_dir:
            if db == "sqlite":
                results += _generate_and_measure(db, c.sqlite_url(data_dir / "bench.sqlite3"), data_dir, cfg)
            else:
                with c.scratch_postgres(f"caunoi_bench_aid_{os.getpid()}") as url:
                    results += _generate_and_measure(db, url, data_dir, cfg)
        c.note(f"  {db} done in {c.fmt_duration(db_watch.seconds)}")
    if results:
        _print_results(results, cfg)
    if c.src_state() != state:
        c.note(
            f"\nWARNING: src/ changed during the run ({version} → {c.code_version()}): figures may mix versions."
        )
    c.note(f"\naid report benchmark: {c.fmt_duration(watch.seconds)} in all")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        kind, year, office, calls = sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
        print(json.dumps(measure(kind, year, office, calls)))
    else:
        main()
