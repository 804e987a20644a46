"""IATI import benchmark (issue 5): the large d-portal file into SQLite and PostgreSQL, against the limit
of a bare lxml iterparse that clears each activity, and peak memory as the input grows (1×, 2×, 4×).

Every figure is measured in a fresh subprocess (its own peak RSS from getrusage). The file is read from
../shared/data/iati/samples/large; without ../shared the benchmark says so and exits 0. PostgreSQL is
used when a server answers at BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432); the
scratch databases it creates are dropped at the end.

BENCH_REPEAT=n (default 1) measures the limit and each 1× import n times, alternately, and reports the
best of each (the machine has two cores and other work may run beside: wall times vary from run to run,
CPU times much less). Beside the wall time, each import reports the CPU seconds of the importer and of
its reader process, and for a PostgreSQL server on this machine the CPU seconds of its backend (it runs
on the same two cores).
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LARGE = ROOT.parent / "shared" / "data" / "iati" / "samples" / "large"
SOURCE = LARGE / "dportal-covid-2021_merged-all-valid-pages.xml.gz"
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
OFFICE = "bench"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# ---- children: each prints one JSON line ----


def child_limit(path: str) -> None:
    from lxml import etree

    start, cpu = time.perf_counter(), _cpu()
    count = 0
    with gzip.open(path, "rb") as handle:
        for _, element in etree.iterparse(handle, events=("end",), tag="iati-activity", huge_tree=True):
            count += 1
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "cpu": _cpu() - cpu, "activities": count, "mib": _peak_mib()}))


def _django() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    import django

    django.setup()


def child_setup() -> None:
    _django()
    from django.core.management import call_command

    from caunoi.core.models import Office
    from caunoi.geography.loader import load_geography

    call_command("migrate", interactive=False, verbosity=0)
    load_geography()
    Office.objects.get_or_create(code=OFFICE, defaults={"name": "Benchmark"})
    print(json.dumps({"ok": True}))


def _server_cpu() -> float:
    """CPU seconds of this connection's PostgreSQL backend, when it runs on this machine; else -1."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return -1.0
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return -1.0


def child_import(path: str) -> None:
    _django()
    from caunoi.core.models import Office
    from caunoi.iati.importer import import_paths

    office = Office.objects.get(code=OFFICE)
    server = _server_cpu()
    start, cpu = time.perf_counter(), _cpu()
    summary = import_paths([Path(path)], office, skip_invalid=True)
    seconds = time.perf_counter() - start
    server = _server_cpu() - server if server >= 0 else -1.0
    # The reader process (large inputs are read and validated in a second process) counts too: its peak
    # memory and CPU are reported beside this process's (it measures them itself: getrusage's figure for
    # children includes the pages of this process it was started from).
    phases = dict(summary.timings)
    reader = {"mib": phases.pop("reader_mib", 0.0), "cpu": phases.pop("reader_cpu", 0.0)}
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": _cpu() - cpu,
                "mib": _peak_mib(),
                "reader_mib": reader["mib"],
                "reader_cpu": reader["cpu"],
                "server_cpu": server,
                "phases": phases,
                **summary.counts(),
            }
        )
    )


# ---- the parent ----


def _run(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _memory(run: dict[str, Any]) -> str:
    if not run.get("reader_mib"):
        return f"{run['mib']:.0f} MiB"
    total = run["mib"] + run["reader_mib"]
    return f"{total:.0f} MiB (importer {run['mib']:.0f} + reader {run['reader_mib']:.0f})"


def _phases(run: dict[str, Any], limit: dict[str, Any]) -> str:
    phases = run.get("phases") or {}
    parts = [f"{name} {phases[name]:.2f}" for name in ("read", "plan", "rows", "write") if name in phases]
    reader = f"; reader process CPU {run['reader_cpu']:.2f} s" if run.get("reader_cpu") else ""
    server = f"; PostgreSQL backend CPU {run['server_cpu']:.2f} s" if run.get("server_cpu", -1) >= 0 else ""
    # Less disturbed by other work on the machine than the wall times: each process's CPU time against the
    # limit's (with two cores the import can take about as long as the busier of the two).
    ratios = f"importer {run['cpu'] / limit['cpu']:.1f}×"
    if run.get("reader_cpu"):
        ratios += f", reader {run['reader_cpu'] / limit['cpu']:.1f}×"
    return (
        f"    CPU s of the importer: {', '.join(parts)} (total {run['cpu']:.2f}){reader}{server}\n"
        f"    CPU time against the limit's: {ratios}"
    )


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the shortest wall time; with several, the spread of wall and CPU times beside it."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    if len(runs) > 1:
        walls = ", ".join(f"{r['seconds']:.2f}" for r in runs)
        cpus = ", ".join(
            f"{r['cpu']:.2f}" + (f"+{r['reader_cpu']:.2f}" if r.get("reader_cpu") else "") for r in runs
        )
        best["spread"] = f"    {len(runs)} runs: wall s {walls}; CPU s (importer+reader) {cpus}"
    return best


def repeated(source: Path, times: int, target: Path) -> Path:
    """The file's activities `times` over, each copy with distinct identifiers, as one .xml.gz."""
    from lxml import etree

    with gzip.open(target, "wb", compresslevel=1) as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(b'<iati-activities version="2.03" generated-datetime="2021-06-14T17:50:32Z">\n')
        for copy in range(times):
            with gzip.open(source, "rb") as handle:
                for _, element in etree.iterparse(handle, tag="iati-activity", huge_tree=True):
                    if copy:
                        identifier = element.find("iati-identifier")
                        if identifier is not None:
                            identifier.text = f"{(identifier.text or '').strip()}-copy{copy}"
                    out.write(etree.tostring(element, with_tail=False) + b"\n")
                    element.clear()
                    while element.getprevious() is not None:
                        del element.getparent()[0]
        out.write(b"</iati-activities>\n")
    return target


def _postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3):
            return True
    except Exception:
        return False


def _pg(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def main() -> None:
    if not SOURCE.exists():
        print(f"bench_iati: {SOURCE} is absent (../shared not available); benchmark skipped.")
        return
    repeat = max(1, int(os.environ.get("BENCH_REPEAT", "1")))
    # DEBUG off, as in production and the other benchmarks (with DEBUG on Django logs every query).
    base_env = {**os.environ, "CAUNOI_DEBUG": "0"}
    base_env.pop("DATABASE_URL", None)
    with tempfile.TemporaryDirectory(prefix="bench-iati-") as tmp:
        work = Path(tmp)
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} CPUs)")
        template = work / "template"
        template.mkdir()
        _run(["setup"], {**base_env, "CAUNOI_DATA_DIR": str(template)})

        def sqlite_import(path: Path) -> dict[str, Any]:
            run_dir = work / f"run-{time.monotonic_ns()}"
            run_dir.mkdir()
            shutil.copy(template / "caunoi.sqlite3", run_dir / "caunoi.sqlite3")
            try:
                return _run(["import", str(path)], {**base_env, "CAUNOI_DATA_DIR": str(run_dir)})
            finally:
                shutil.rmtree(run_dir)

        limits, ones = [], []
        for _ in range(repeat):
            limits.append(_run(["limit", str(SOURCE)], base_env))
            ones.append(sqlite_import(SOURCE))
        limit, one = _best(limits), _best(ones)
        print(
            f"limit (bare iterparse, clear each activity): {limit['seconds']:.2f} s, {limit['mib']:.0f} MiB peak"
            f" (CPU {limit['cpu']:.2f} s)"
        )
        if repeat > 1:
            walls = ", ".join(f"{r['seconds']:.2f}" for r in limits)
            print(f"    {repeat} runs: wall s {walls}")
        print(
            f"import into SQLite: {one['seconds']:.2f} s, ratio {one['seconds'] / limit['seconds']:.1f}× the limit, "
            f"{_memory(one)} peak; read {one['read']:.0f}, imported {one['imported']:.0f}, "
            f"rejected {one['rejected']:.0f}, transactions {one['transactions']:.0f}"
        )
        print(_phases(one, limit))
        if "spread" in one:
            print(one["spread"])
        if _postgres_available():
            name = f"caunoi_bench_iati_{os.getpid()}"
            _pg(f"CREATE DATABASE {name}_t")
            try:
                pg_env = {**base_env, "DATABASE_URL": f"{POSTGRES}/{name}_t", "CAUNOI_DATA_DIR": str(work)}
                _run(["setup"], pg_env)
                pgs = []
                for _ in range(repeat):
                    _pg(f"CREATE DATABASE {name} TEMPLATE {name}_t")
                    try:
                        pgs.append(
                            _run(["import", str(SOURCE)], {**pg_env, "DATABASE_URL": f"{POSTGRES}/{name}"})
                        )
                    finally:
                        _pg(f"DROP DATABASE IF EXISTS {name}")
                pg = _best(pgs)
                print(
                    f"import into PostgreSQL: {pg['seconds']:.2f} s, ratio {pg['seconds'] / limit['seconds']:.1f}× "
                    f"the limit, {_memory(pg)} peak"
                )
                print(_phases(pg, limit))
                if "spread" in pg:
                    print(pg["spread"])
            finally:
                _pg(f"DROP DATABASE IF EXISTS {name}")
                _pg(f"DROP DATABASE IF EXISTS {name}_t")
        else:
            print(f"import into PostgreSQL: skipped (no server at {POSTGRES})")
        memory = [f"1× {_memory(one)} ({one['seconds']:.1f} s)"]
        for times in (2, 4):
            path = repeated(SOURCE, times, work / f"x{times}.xml.gz")
            run = sqlite_import(path)
            memory.append(f"{times}× {_memory(run)} ({run['seconds']:.1f} s, {run['read']:.0f} activities)")
            path.unlink()
        print("peak memory as the input grows (SQLite): " + ", ".join(memory))
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print("target: import within 4× the limit, peak under 150 MiB, flat from 1× to 4×")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "limit":
        child_limit(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "setup":
        child_setup()
    elif len(sys.argv) > 1 and sys.argv[1] == "import":
        child_import(sys.argv[2])
    else:
        main()
