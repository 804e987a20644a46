"""The public website under load, and `caunoi publish` of one office, on the synthetic national dataset.

For SQLite and, when it answers, PostgreSQL: generate the dataset (bench/synthetic.py, ¼× by default: 50.000
items, 250.000 transactions) and what the public site shows (bench/synthetic_public.py: a fifth of the approved
items marked public, 40 published articles and 5 drafts per office), then
1. count each page's SQL queries in the test client as an anonymous visitor, drawn and then kept
   (caunoi.portal.kept: public pages are kept whole, the same for every visitor, under the ledger marks);
2. start the server (granian) on loopback and load each page with BENCH_PUBLIC_CLIENTS (50) anonymous clients for
   BENCH_PUBLIC_SECONDS (30) seconds with wrk (bench_web's load generators and server): the office's public home
   (/cong-khai/<office>/: its aid portal with the latest news), the news list, an article, the portal list
   filtered by a year and an item page. PASS when p95 ≤ 50 ms with no error;
3. run `caunoi publish --office <office> -o DIR` (PASS within 60 s, with its time per page as it prints it),
   then again with nothing changed (PASS when it rewrites no file).
Targets are printed, never asserted; the bench exits 0.

Settings (environment): BENCH_PUBLIC_SECONDS (30), BENCH_PUBLIC_SCALE (0.25), BENCH_PUBLIC_DATABASES
("sqlite,postgresql"), BENCH_PUBLIC_OFFICE (lhhn-lao-cai), BENCH_PUBLIC_CLIENTS (50), BENCH_PUBLIC_SERVER
("granian:workers:threads", default "granian:2:4"; or gunicorn's "gthread:2:4"), BENCH_PUBLIC_LOADGEN ("wrk" or "python"),
BENCH_PUBLIC_PAGES (which pages: "home,news,article,portal,item"), CAUNOI_BENCH_PG (the PostgreSQL server).
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_web as web
import common as c
import synthetic

TARGET_P95_MS = 50.0
TARGET_PUBLISH_S = 60.0
PAGE_KEYS = ("home", "news", "article", "portal", "item")
PORTAL_YEAR = 2024


def _settings() -> dict[str, Any]:
    loadgen = os.environ.get("BENCH_PUBLIC_LOADGEN", "")
    return {
        "seconds": max(1, int(os.environ.get("BENCH_PUBLIC_SECONDS", "30"))),
        "scale": float(os.environ.get("BENCH_PUBLIC_SCALE", "0.25")),
        "databases": [
            d.strip() for d in os.environ.get("BENCH_PUBLIC_DATABASES", "sqlite,postgresql").split(",")
        ],
        "office": os.environ.get("BENCH_PUBLIC_OFFICE", "lhhn-lao-cai"),
        **web.server_settings("BENCH_PUBLIC_SERVER"),
        "clients": int(os.environ.get("BENCH_PUBLIC_CLIENTS", "50")),
        "loadgen": loadgen or ("wrk" if shutil.which("wrk") else "python"),
        "pages": os.environ.get("BENCH_PUBLIC_PAGES", ",".join(PAGE_KEYS)).split(","),
    }


# --- Children ---------------------------------------------------------------------------------------------


def setup_child(office_code: str) -> dict[str, Any]:
    """The records the loaded pages show: the office's busiest public item and its latest article."""
    c.setup_django()
    from django.db.models import Count, Q

    from caunoi.core.models import Office
    from caunoi.portal.public import public_items
    from caunoi.publishing.public import public_articles

    office = Office.objects.get(code=office_code)
    items = public_items(office)
    busiest = (
        items.annotate(n=Count("transactions", filter=Q(transactions__archived_at__isnull=True)))
        .order_by("-n", "id")
        .values("id", "n")
        .first()
    )
    article = public_articles(office).first()
    assert busiest is not None and article is not None
    return {
        "office": office_code,
        "public_items": items.count(),
        "item": busiest["id"],
        "item_transactions": busiest["n"],
        "article": article.pk,
        "articles": public_articles(office).count(),
    }


def queries_child(pages: list[list[str]]) -> dict[str, Any]:
    """For each (key, url): status, size, queries and time drawn, then kept, as an anonymous visitor."""
    c.setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    out = {}
    settings.KEEP_PAGES = True
    for key, url in pages:
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as drawn:
            response = client.get(url)
        wall_ms = (time.perf_counter() - started) * 1000
        kept_ms = []
        for _ in range(20):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as kept:
                again = client.get(url)
            kept_ms.append((time.perf_counter() - started) * 1000)
        out[key] = {
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(drawn),
            "wall_ms": wall_ms,
            "kept_queries": len(kept),
            "kept_ms": c.median(kept_ms),
            "same": again.content == response.content,
            "csrf": b"csrfmiddlewaretoken" in response.content,
        }
    return out


# --- Parent -----------------------------------------------------------------------------------------------


@dataclass
class DbResult:
    db: str
    info: dict[str, Any] = field(default_factory=dict)
    queries: dict[str, Any] = field(default_factory=dict)
    pages: list[web.Page] = field(default_factory=list)
    loads: dict[str, dict[str, Any]] = field(default_factory=dict)
    publish: list[dict[str, Any]] = field(default_factory=list)


def _pages(info: dict[str, Any]) -> list[web.Page]:
    base = f"/cong-khai/{info['office']}/"
    return [
        web.Page("home", "office home (portal, latest news)", base),
        web.Page("news", f"news list ({info['articles']} articles)", f"{base}tin-tuc/"),
        web.Page("article", "article", f"{base}tin-tuc/{info['article']}/"),
        web.Page("portal", f"portal list, year {PORTAL_YEAR}", f"{base}?year={PORTAL_YEAR}"),
        web.Page("item", f"item ({info['item_transactions']} transactions)", f"{base}khoan/{info['item']}/"),
    ]


PUBLISH_LINE = re.compile(
    r"(\d+) tệp / files: (\d+) ghi mới / written, (\d+) không đổi / unchanged, (\d+) xóa / removed; "
    r"([\d.,]+) s \(([\d.,]+) ms/trang / per page, chậm nhất / slowest (\d+) ms: (\S+)\)"
)


def _vietnamese_float(text: str) -> float:
    """A number as `caunoi publish` prints it: "1.234,5"."""
    return float(text.replace(".", "").replace(",", "."))


def _publish(env: dict[str, str], office: str, folder: Path) -> dict[str, Any]:
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [c.PYTHON, "-m", "caunoi", "publish", "--office", office, "-o", str(folder)],
        env=env,
        cwd=c.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        raise c.ChildFailed(f"caunoi publish exited with {proc.returncode}:\n{proc.stderr[-2000:]}")
    found = PUBLISH_LINE.search(proc.stdout)
    if found is None:
        raise c.ChildFailed(f"caunoi publish printed no summary:\n{proc.stdout[-2000:]}")
    files, written, unchanged, removed, seconds, per_page, slowest_ms, slowest = found.groups()
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "files": int(files),
        "written": int(written),
        "unchanged": int(unchanged),
        "removed": int(removed),
        "seconds": _vietnamese_float(seconds),
        "per_page_ms": _vietnamese_float(per_page),
        "slowest_ms": int(slowest_ms),
        "slowest": slowest,
        "output": proc.stdout.strip(),
    }


def _measure_db(db: str, url: str, data_dir: Path, cfg: dict[str, Any]) -> DbResult:
    result = DbResult(db)
    env = c.child_env(url, data_dir, CAUNOI_ALLOWED_HOSTS="127.0.0.1,localhost,testserver")
    watch = c.Stopwatch()
    c.run_django_command(["migrate", "--verbosity", "0", "--skip-checks"], env)
    c.note(f"  migrated in {c.fmt_duration(watch.seconds)}")
    gen = c.run_child(["bench/synthetic.py", "--scale", str(cfg["scale"])], env)
    c.note(
        f"  {c.fmt_scale(cfg['scale'])}: {c.fmt_int(gen['items'])} items, "
        f"{c.fmt_int(gen['transactions'])} transactions generated in {c.fmt_duration(gen['seconds'])}"
    )
    pub = c.run_child(["bench/synthetic_public.py"], env)
    c.note(
        f"  public site: {c.fmt_int(pub.get('public_items', 0))} items marked public, "
        f"{c.fmt_int(pub.get('articles', 0))} articles in {c.fmt_duration(pub['seconds'])}"
    )
    info = c.run_child(["bench/bench_public.py", "setup", cfg["office"]], env)
    result.info = info
    c.note(
        f"  {cfg['office']}: {c.fmt_int(info['public_items'])} public items, {info['articles']} published articles"
    )
    result.pages = _pages(info)
    pages_arg = json.dumps([[p.key, p.path] for p in result.pages])
    result.queries = c.run_child(["bench/bench_public.py", "queries", pages_arg], env)
    for p in result.pages:
        q = result.queries[p.key]
        c.note(
            f"  {p.label:<36} HTTP {q['status']}, {c.fmt_int(q['bytes'])} bytes, drawn: {q['queries']} queries, "
            f"{c.fmt_float(q['wall_ms'])} ms; kept: {q['kept_queries']} queries, {c.fmt_float(q['kept_ms'])} ms; "
            f"same bytes again: {'yes' if q['same'] else 'NO'}; CSRF token: {'YES' if q['csrf'] else 'none'}"
        )
    c.note(
        f"  load: {web.server_name(cfg)} (workers:threads), a fresh server per page, "
        f"{cfg['clients']} anonymous clients"
    )
    for p in result.pages:
        if p.key not in cfg["pages"]:
            continue
        try:
            result.loads[p.key] = _load_page(p, env, data_dir, cfg)
        except Exception:
            traceback.print_exc()
            c.note(f"  {p.label}: FAILED (see above); carrying on")
    folder = data_dir / "site"
    for run in ("first", "again"):
        try:
            r = _publish(env, cfg["office"], folder)
        except Exception:
            traceback.print_exc()
            c.note(f"  publish ({run}): FAILED (see above)")
            break
        result.publish.append(r)
        c.note(
            f"  publish ({run}): {c.fmt_float(r['wall_s'])} s in all, {c.fmt_float(r['cpu_s'])} s of CPU (its own; "
            f"on SQLite all of the work) — {r['output']}"
        )
    return result


def _load_page(p: web.Page, env: dict[str, str], data_dir: Path, cfg: dict[str, Any]) -> dict[str, Any]:
    cookies = [""]  # no session, no cookie: an anonymous visitor (web.ANONYMOUS)
    with web.serve(env, data_dir, cfg) as server:
        # The first view draws the page and keeps it for every worker (the shared file cache): wait for it, so
        # that the clients find it kept instead of all drawing it at once.
        status, first_ms = web._get(server.port, p.path, timeout=web.HTTP_TIMEOUT_S)
        c.note(f"  {p.label:<36} first view: HTTP {status} in {c.fmt_float(first_ms)} ms (drawn and kept)")
        warm_up = min(web.WARM_UP_S, cfg["seconds"])
        web.load(server, p.path, cookies, warm_up, min(4, cfg["clients"]), cfg, data_dir, web.ANONYMOUS)
        r = web.load(server, p.path, cookies, cfg["seconds"], cfg["clients"], cfg, data_dir, web.ANONYMOUS)
        if server.proc.poll() is not None:
            c.note(f"  the server died during the load:\n{server.tail()}")
        errors = [line for line in server.tail(400).splitlines() if "Traceback" in line or "ERROR" in line]
        if errors:
            c.note(f"  server log: {len(errors)} error lines, last:\n{server.tail()}")
    c.note(
        f"  {p.label:<36} {c.fmt_float(r['rps'])} req/s, p50 {web._ms(r['p50'])} ms, p95 {web._ms(r['p95'])} ms, "
        f"p99 {web._ms(r['p99'])} ms, {r['requests']} requests, errors {r['errors']} ({r['error_detail']}); "
        f"server CPU {web._ms(r['cpu_ms'])} ms per request; CPU cores: server {c.fmt_float(r['server_cpu'], 2)}, "
        f"load generator {c.fmt_float(r['loadgen_cpu'], 2)}, others {c.fmt_float(r['other_cpu'], 2)}; "
        f"load {c.fmt_float(r['load_after'], 2)}"
    )
    return r


def _verdict(r: dict[str, Any]) -> str:
    ok = r["p95"] is not None and r["p95"] <= TARGET_P95_MS and r["errors"] == 0
    return "PASS" if ok else "MISS"


def _print_results(results: list[DbResult], cfg: dict[str, Any]) -> None:
    c.header(
        f"Public pages under load — {cfg['clients']} anonymous clients, {cfg['seconds']} s each, "
        f"{web.server_name(cfg)}, load generator {cfg['loadgen']}"
    )
    rows = []
    for res in results:
        for p in res.pages:
            r = res.loads.get(p.key)
            if r is None:
                continue
            rows.append(
                [
                    res.db,
                    p.label,
                    p.path,
                    *web.load_cells(r),
                    f"{_verdict(r)} (≤{TARGET_P95_MS:.0f})",
                ]
            )
    c.print_table(
        [
            "database",
            "page",
            "URL",
            *web.LOAD_COLUMNS,
            "p95 target",
        ],
        rows,
        right=[False, False, False, True, True, True, True, True, True, True, True, True, True, False],
    )
    c.note(
        "As bench_web: errors are socket errors, timeouts and answers other than 200; CPU ms/req is the server's CPU\n"
        "per finished request; srv/gen/other CPU the cores used by the server, the load generator and every other\n"
        f"process of the machine ({os.cpu_count()} CPUs); load the 1-minute load average at the end of the run.\n"
        f"Closed loop: mean latency ≈ {cfg['clients']} / (req/s), so p95 ≤ 50 ms needs well over "
        f"{cfg['clients'] / TARGET_P95_MS * 1000:.0f} req/s."
    )
    c.header(f"caunoi publish --office {cfg['office']} (first run, then again with nothing changed)")
    prow = []
    for res in results:
        for n, r in enumerate(res.publish):
            if n == 0:
                verdict = (
                    f"{'PASS' if r['wall_s'] <= TARGET_PUBLISH_S else 'MISS'} (≤{TARGET_PUBLISH_S:.0f} s)"
                )
            else:
                verdict = f"{'PASS' if r['written'] == 0 and r['removed'] == 0 else 'MISS'} (0 rewritten)"
            prow.append(
                [
                    res.db,
                    "first" if n == 0 else "again",
                    r["files"],
                    r["written"],
                    r["unchanged"],
                    r["removed"],
                    c.fmt_float(r["wall_s"]),
                    c.fmt_float(r["cpu_s"]),
                    c.fmt_float(r["per_page_ms"]),
                    f"{r['slowest_ms']} ({r['slowest']})",
                    verdict,
                ]
            )
    c.print_table(
        [
            "database",
            "run",
            "files",
            "written",
            "unchanged",
            "removed",
            "s",
            "CPU s",
            "ms/page",
            "slowest ms",
            "target",
        ],
        prow,
        right=[False, False, True, True, True, True, True, True, True, False, False],
    )
    c.note(
        "s: the command's wall time, start-up included; ms/page: its mean time to draw a page or download."
    )


def _databases(cfg: dict[str, Any]) -> list[str]:
    out = []
    for db in cfg["databases"]:
        if db == "sqlite":
            out.append(db)
        elif db in ("postgresql", "postgres"):
            why = c.postgres_unavailable()
            if why is None:
                out.append("postgresql")
            else:
                c.note(f"PostgreSQL at {c.PG_ADMIN_URL} is unreachable ({why}): skipped, SQLite only.")
        elif db:
            c.note(f"unknown database {db!r} in BENCH_PUBLIC_DATABASES: skipped")
    return out


def main() -> None:
    watch = c.Stopwatch()
    try:
        cfg = _settings()
        synthetic.scale_batches(cfg["scale"])
    except ValueError as exc:
        c.note(f"bad BENCH_PUBLIC_* setting: {exc}")
        return
    if cfg["loadgen"] == "wrk" and not shutil.which("wrk"):
        cfg["loadgen"] = "python"
    c.note(
        f"Synthetic national dataset at {c.fmt_scale(cfg['scale'])}; office {cfg['office']}; {cfg['clients']} "
        f"clients × {cfg['seconds']} s per page (BENCH_PUBLIC_SECONDS); load generator {cfg['loadgen']}.\n"
        f"machine: {os.cpu_count()} CPUs, load average {' '.join(c.fmt_float(x, 2) for x in os.getloadavg())}"
    )
    results = c.per_database(
        "public", _databases(cfg), lambda db, url, data_dir: _measure_db(db, url, data_dir, cfg)
    )
    if results:
        _print_results(results, cfg)
    c.note(
        f"\nload average at the end: {' '.join(c.fmt_float(x, 2) for x in os.getloadavg())}; "
        f"public benchmark: {c.fmt_duration(watch.seconds)} in all"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "setup":
        print(json.dumps(setup_child(sys.argv[2])))
    elif len(sys.argv) > 1 and sys.argv[1] == "queries":
        print(json.dumps(queries_child(json.loads(sys.argv[2]))))
    else:
        main()
