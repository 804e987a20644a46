"""Load test of the web pages under the production server (granian, caunoi.wsgi) on a synthetic national dataset.

For SQLite and, when it answers, PostgreSQL: generate the dataset (bench/synthetic.py, ¼× by default: 50.000
items, 250.000 transactions), create a national viewer (core.Membership role national_viewer, no superuser)
and one session per client directly with Django's SessionStore (no POST /login/, so django-axes never sees a
login) with a CSRF cookie beside it, as a browser holds after its first page, count each page's SQL queries once with the test client (CaptureQueriesContext) at several numbers of
rows shown, drawn (CAUNOI_KEEP_PAGES off) and then kept (caunoi.web.kept_pages), then start the server on loopback and load each page with 20 concurrent clients (20 sessions, used
in turn) for BENCH_WEB_SECONDS (30) seconds: wrk when it is installed (`apt-get install wrk`), else a Python
load generator (threads, http.client keep-alive). Printed: requests/s, p50/p95/p99 (ms), errors (socket
errors, timeouts and any answer other than 200 — a redirect to the login page included), the CPU the server,
the load generator and everything else on the machine used during the run, each page loaded twice: caches on
(PASS when p95 ≤ 50 ms) and off (CAUNOI_REPORT_CACHE=off: no kept page, no kept figures; PASS when p95 ≤
150 ms); and the CPU of each page drawn afresh in the test client (PASS when the list and the item take ≤ 8
ms, one office's dashboard ≤ 10 ms, the national one ≤ 500 ms). Targets are printed, never asserted; the
bench exits 0.

Pages: the aid list (/aid/, 25 rows, default sort), the item with the most transactions (/aid/<id>/), the
dashboard of one office for BENCH_WEB_YEARS (2022–2026: the default five years) and the national dashboard
(every office, no office parameter).

Settings (environment): BENCH_WEB_SECONDS (30), BENCH_WEB_SCALE (0.25; 1 = 200.000 items, 1.000.000
transactions; multiples of 0.25), BENCH_WEB_DATABASES ("sqlite,postgresql"), BENCH_WEB_OFFICE
(lhhn-lao-cai), BENCH_WEB_YEARS ("2022-2026"), BENCH_WEB_SERVER ("granian:workers:threads",
default "granian:2:4"; gunicorn's "class:workers:threads" for comparison, e.g. "gthread:2:4"), BENCH_WEB_CLIENTS (20), BENCH_WEB_LOADGEN ("wrk" or "python";
default wrk when on PATH), BENCH_WEB_PAGES (the pages loaded: "list,item,dash-office,dash-national"),
CAUNOI_BENCH_PG (the PostgreSQL server).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The repository's root, for tests.production_server: the server as the README deploys it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import production_server

import common as c
import synthetic

# The targets: p95 under load with the caches on and off; the CPU of a page drawn afresh (the first
# view after a change: no kept page, no kept figures) in the serving process.
TARGET_P95_MS = {"on": 50.0, "off": 150.0}
FRESH_CPU_TARGET_MS = {"list": 8.0, "item": 8.0, "dash-office": 10.0, "dash-national": 500.0}
CACHE_MODES = ("on", "off")
USERNAME = "bench-national-viewer"
SESSION_COOKIE = "sessionid"
CSRF_COOKIE = "csrftoken"
# What each request carries: a header, and the text before each client's credential (a session, a token).
COOKIE_HEADER = ("Cookie", f"{SESSION_COOKIE}=")
# No credential header at all, as a visitor's browser sends: an empty session cookie would make Django delete
# it (a Set-Cookie on every answer), and an answer that sets a cookie is never kept by the public front.
ANONYMOUS = ("", "")
WARM_UP_S = 3
HTTP_TIMEOUT_S = 60  # a request slower than this counts as an error (wrk's default, 2 s, would hide them)
GUNICORN_TIMEOUT_S = 120
PAGE_KEYS = ("list", "item", "dash-office", "dash-national")


def _settings() -> dict[str, Any]:
    years = os.environ.get("BENCH_WEB_YEARS", "2022-2026").split("-")
    loadgen = os.environ.get("BENCH_WEB_LOADGEN", "")
    return {
        "seconds": max(1, int(os.environ.get("BENCH_WEB_SECONDS", "30"))),
        "scale": float(os.environ.get("BENCH_WEB_SCALE", "0.25")),
        "databases": [
            d.strip() for d in os.environ.get("BENCH_WEB_DATABASES", "sqlite,postgresql").split(",")
        ],
        "office": os.environ.get("BENCH_WEB_OFFICE", "lhhn-lao-cai"),
        "year_from": int(years[0]),
        "year_to": int(years[-1]),
        **server_settings("BENCH_WEB_SERVER"),
        "clients": int(os.environ.get("BENCH_WEB_CLIENTS", "20")),
        "loadgen": loadgen or ("wrk" if shutil.which("wrk") else "python"),
        "pages": os.environ.get("BENCH_WEB_PAGES", ",".join(PAGE_KEYS)).split(","),
    }


# --- Children: setup and query counts -----------------------------------------------------------------------


def setup_child(sessions: int) -> dict[str, Any]:
    """The national viewer, its sessions and the items the pages show (run after generation)."""
    c.setup_django()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count
    from django.middleware.csrf import _get_new_csrf_string  # type: ignore[attr-defined]

    from caunoi.aid.models import AidItem, Transaction
    from caunoi.core.models import Membership, Office, Role

    user, _ = get_user_model().objects.get_or_create(username=USERNAME)
    user.set_unusable_password()
    user.save()
    national = Office.objects.get(code=synthetic.NATIONAL_CODE)
    Membership.objects.get_or_create(user=user, office=national, defaults={"role": Role.NATIONAL_VIEWER})
    keys = []
    for _ in range(sessions):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    per_item = Transaction.objects.filter(archived_at__isnull=True).values("item").annotate(n=Count("id"))
    busiest = per_item.order_by("-n", "item").first()
    quietest = per_item.order_by("n", "item").first()
    assert busiest is not None and quietest is not None
    return {
        "sessions": keys,
        "csrf": [_get_new_csrf_string() for _ in keys],
        "busiest": {"id": busiest["item"], "transactions": busiest["n"]},
        "quietest": {"id": quietest["item"], "transactions": quietest["n"]},
        "quietest_code": AidItem.objects.get(pk=quietest["item"]).code,
        "items": AidItem.objects.count(),
        "transactions": Transaction.objects.count(),
        "offices": Office.objects.filter(successor=national).count(),
    }


def browser_cookies(info: dict[str, Any]) -> list[str]:
    """Each client's cookie after its first page, as a browser holds it: its session and its CSRF secret
    (every staff page with a form sets one; without it each answer would set a new one)."""
    return [
        f"{session}; {CSRF_COOKIE}={secret}"
        for session, secret in zip(info["sessions"], info["csrf"], strict=True)
    ]


def _shape(sql: str) -> str:
    """A query with its literals blanked, to find one query repeated per row (N+1)."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def queries_child(session: str, pages: list[list[str]]) -> dict[str, Any]:
    """For each (key, url): the page's status, size, time alone and SQL queries (CaptureQueriesContext),
    drawn (kept pages off: the queries that must not grow with the rows shown), then served kept."""
    c.setup_django()
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.cookies[SESSION_COOKIE] = session
    out = {}
    for key, url in pages:
        # The first request counts its queries; a page that answers within a second is asked again and the
        # second request counts (per-process caches filled). Slower pages are not worth a second call.
        settings.KEEP_PAGES = False
        for _ in range(2):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            wall_ms = (time.perf_counter() - started) * 1000
            if wall_ms > 1000:
                break
        queries = captured.captured_queries
        shapes = Counter(_shape(q["sql"]) for q in queries)
        repeated, repeats = shapes.most_common(1)[0] if shapes else ("", 0)
        slowest = max(queries, key=lambda q: float(q["time"])) if queries else {"sql": "", "time": "0"}
        # Drawn afresh: no kept page, no kept figures; the least CPU of a few calls (on PostgreSQL the
        # server's own work is not in it).
        settings.REPORT_CACHE_ENABLED = False
        fresh_cpu = []
        for _ in range(5 if wall_ms < 1000 else 1):
            caches["reports"].clear()  # the dashboard's fragment too
            cpu = time.process_time()
            client.get(url)
            fresh_cpu.append((time.process_time() - cpu) * 1000)
        settings.REPORT_CACHE_ENABLED = True
        settings.KEEP_PAGES = True
        client.get(url)  # drawn once more and kept, for the server too (the kept pages are in the file cache)
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as kept:
            client.get(url)
        out[key] = {
            "status": response.status_code,
            "bytes": len(response.content),
            "queries": len(queries),
            "sql_ms": sum(float(q["time"]) for q in queries) * 1000,
            "wall_ms": wall_ms,
            "fresh_cpu_ms": min(fresh_cpu),
            "kept_queries": len(kept),
            "kept_ms": (time.perf_counter() - started) * 1000,
            "repeated": repeats,
            "repeated_sql": repeated[:300],
            "slowest_ms": float(slowest["time"]) * 1000,
            "slowest_sql": slowest["sql"][:600],
        }
    return out


# --- The server -------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(
    port: int, path: str, cookie: str | None = None, timeout: float = HTTP_TIMEOUT_S
) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        started = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": f"{SESSION_COOKIE}={cookie}"} if cookie else {})
        response = conn.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000
    finally:
        conn.close()


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    def tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


def server_settings(variable: str) -> dict[str, Any]:
    """The production server a bench runs, from `variable`: "granian:workers:threads" (the default, as the
    README deploys) or gunicorn's "class:workers:threads" ("gthread:2:4", for comparison)."""
    spec = os.environ.get(variable, "granian:2:4").split(":")
    return {
        "worker_class": spec[0],
        "workers": int(spec[1]) if len(spec) > 1 else 2,
        "threads": int(spec[2]) if len(spec) > 2 else 1,
    }


def server_name(cfg: dict[str, Any]) -> str:
    kind = "granian" if cfg["worker_class"] == "granian" else f"gunicorn {cfg['worker_class']}"
    return f"{kind}:{cfg['workers']}:{cfg['threads']}"


def _server_command(port: int, cfg: dict[str, Any]) -> list[str]:
    if cfg["worker_class"] == "granian":
        return production_server.command(port, cfg["workers"], cfg["threads"])
    return [
        c.PYTHON,
        "-m",
        "gunicorn",
        "caunoi.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        cfg["worker_class"],
        "--workers",
        str(cfg["workers"]),
        "--threads",
        str(cfg["threads"]),
        "--timeout",
        str(GUNICORN_TIMEOUT_S),
        "--graceful-timeout",
        "5",
        "--log-level",
        "warning",
    ]


@contextmanager
def serve(env: dict[str, str], data_dir: Path, cfg: dict[str, Any]) -> Iterator[Server]:
    """The production server (`server_settings`) with caunoi.wsgi:application on a free loopback port, in its
    own process group; killed afterwards."""
    port = _free_port()
    log = data_dir / "server.log"
    cmd = _server_command(port, cfg)
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, env=env, cwd=c.REPO_ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = Server(proc, port, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited with {proc.returncode}:\n{server.tail()}")
            try:
                if _get(port, "/login/", timeout=5)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within 60 s:\n{server.tail()}")
            time.sleep(0.3)
        yield server
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, PermissionError):
        pass
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


# --- CPU accounting: who used the two cores during a run ----------------------------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _cpu_snapshot(group: int) -> dict[str, float]:
    with open("/proc/stat") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]  # minus idle and iowait
    server = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                parts = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(parts[2]) == group:  # pgrp
            server += int(parts[11]) + int(parts[12])  # utime + stime
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "time": time.monotonic(),
        "busy": busy / TICK,
        "server": server / TICK,
        "loadgen": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
    }


# --- Load generators ----------------------------------------------------------------------------------------

WRK_SCRIPT = """
local path = "%(path)s"
local cookies = {%(cookies)s}
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  n = (tid or 0) * 7
end

function request()
  n = n + 1
  if "%(header)s" == "" then
    return wrk.format("GET", path)
  end
  return wrk.format("GET", path, {["%(header)s"] = "%(prefix)s" .. cookies[(n %% #cookies) + 1]})
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_WEB_JSON {"requests": %%d, "duration_s": %%f, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50": %%f, "p95": %%f, "p99": %%f, "max": %%f}\\n',
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3))
end
"""


def wrk_load(
    port: int,
    path: str,
    cookies: Sequence[str],
    seconds: int,
    clients: int,
    work: Path,
    header: tuple[str, str] = COOKIE_HEADER,
) -> dict[str, Any]:
    script = work / "bench_web.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "path": path,
            "cookies": ", ".join(f'"{k}"' for k in cookies),
            "header": header[0],
            "prefix": header[1],
        }
    )
    threads = max(1, min(2, clients))
    cmd = ["wrk", f"-c{clients}", f"-t{threads}", f"-d{seconds}s", f"--timeout={HTTP_TIMEOUT_S}s"]
    cmd += ["--latency", "-s", str(script), f"http://127.0.0.1:{port}{path}"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=seconds + 120)
    found = [line for line in proc.stdout.splitlines() if line.startswith("BENCH_WEB_JSON ")]
    if proc.returncode != 0 or not found:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr.strip() or proc.stdout.strip()}")
    r = json.loads(found[-1].split(" ", 1)[1])
    # wrk counts an answer of 400 or more in "status". No Lua response() hook counts the others: it copies
    # every body into Lua, and for a 200 KB page took a third of the two cores from the server. Instead each
    # credential is asked once more after the run: a redirect (to the login page, say) shows there.
    socket_errors = r["connect"] + r["read"] + r["write"] + r["timeout"]
    not_200 = r["status"] + sum(_status(port, path, header, cookie) != 200 for cookie in set(cookies))
    return {
        "requests": r["requests"],
        "rps": r["requests"] / r["duration_s"],
        "p50": r["p50"],
        "p95": r["p95"],
        "p99": r["p99"],
        "max": r["max"],
        "errors": socket_errors + not_200,
        "error_detail": f"socket {socket_errors}, not 200 {not_200}",
    }


def _status(port: int, path: str, header: tuple[str, str], credential: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=HTTP_TIMEOUT_S)
    try:
        conn.request("GET", path, headers={header[0]: f"{header[1]}{credential}"} if header[0] else {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _percentile(ordered: Sequence[float], p: float) -> float:
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def python_load(
    port: int,
    path: str,
    cookies: Sequence[str],
    seconds: int,
    clients: int,
    header: tuple[str, str] = COOKIE_HEADER,
) -> dict[str, Any]:
    """`clients` threads, each a keep-alive connection, requesting `path` back to back; every latency kept."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[Counter[str]] = [Counter() for _ in range(clients)]
    started = time.perf_counter()
    stop = started + seconds

    def client(i: int) -> None:
        conn: http.client.HTTPConnection | None = None
        n = i
        while time.perf_counter() < stop:
            n += 1
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=HTTP_TIMEOUT_S)
            t0 = time.perf_counter()
            try:
                headers = {header[0]: header[1] + cookies[n % len(cookies)]} if header[0] else {}
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                errors[i]["socket"] += 1
                conn.close()
                conn = None
                continue
            latencies[i].append((time.perf_counter() - t0) * 1000)
            if response.status != 200:
                errors[i]["not 200"] += 1
            if response.will_close:
                conn.close()
                conn = None
        if conn is not None:
            conn.close()

    workers = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(seconds + HTTP_TIMEOUT_S + 5)
    duration = time.perf_counter() - started
    ordered = sorted(v for per in latencies for v in per)
    total: Counter[str] = Counter()
    for e in errors:
        total.update(e)
    return {
        "requests": len(ordered),
        "rps": len(ordered) / duration,
        "p50": _percentile(ordered, 50),
        "p95": _percentile(ordered, 95),
        "p99": _percentile(ordered, 99),
        "max": ordered[-1] if ordered else float("nan"),
        "errors": sum(total.values()),
        "error_detail": ", ".join(f"{k} {v}" for k, v in sorted(total.items())) or "none",
    }


def load(
    server: Server,
    path: str,
    cookies: Sequence[str],
    seconds: int,
    clients: int,
    cfg: dict[str, Any],
    work: Path,
    header: tuple[str, str] = COOKIE_HEADER,
) -> dict[str, Any]:
    """`path` loaded by `clients` clients for `seconds`, each request with `header` and one of `cookies` (a
    session each, or any other credential `header` names)."""
    before = _cpu_snapshot(server.proc.pid)
    load_before = os.getloadavg()[0]
    if cfg["loadgen"] == "wrk":
        result = wrk_load(server.port, path, cookies, seconds, clients, work, header)
    else:
        result = python_load(server.port, path, cookies, seconds, clients, header)
    after = _cpu_snapshot(server.proc.pid)
    wall = after["time"] - before["time"]
    cpu = {k: (after[k] - before[k]) / wall for k in ("busy", "server", "loadgen")}
    if not result["requests"]:  # nothing finished within the run: no latency to report
        result.update(p50=None, p95=None, p99=None, max=None)
    result.update(
        cpu_ms=cpu["server"] * wall * 1000 / result["requests"] if result["requests"] else None,
        server_cpu=cpu["server"],
        loadgen_cpu=cpu["loadgen"],
        other_cpu=max(0.0, cpu["busy"] - cpu["server"] - cpu["loadgen"]),
        load_before=load_before,
        load_after=os.getloadavg()[0],
    )
    return result


# --- Parent ---------------------------------------------------------------------------------------------


@dataclass
class Page:
    key: str
    label: str
    path: str


@dataclass
class DbResult:
    db: str
    info: dict[str, Any] = field(default_factory=dict)
    queries: dict[str, Any] = field(default_factory=dict)
    pages: list[Page] = field(default_factory=list)
    loads: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (page, caches on/off)


def _pages(cfg: dict[str, Any], info: dict[str, Any]) -> tuple[list[Page], list[Page]]:
    """The loaded pages, and the variants that only have their queries counted (fewer rows shown)."""
    years = f"year_from={cfg['year_from']}&year_to={cfg['year_to']}"
    loaded = [
        Page("list", "aid list (25 rows)", "/aid/"),
        Page(
            "item",
            f"item ({info['busiest']['transactions']} transactions)",
            f"/aid/{info['busiest']['id']}/",
        ),
        Page("dash-office", f"dashboard, {cfg['office']}", f"/dashboard/?office={cfg['office']}&{years}"),
        Page("dash-national", f"dashboard, {info['offices']} offices", f"/dashboard/?{years}"),
    ]
    variants = [
        Page("list-1", "aid list (1 row: search)", f"/aid/?q={info['quietest_code'].lower()}"),
        Page(
            "item-1",
            f"item ({info['quietest']['transactions']} transaction)",
            f"/aid/{info['quietest']['id']}/",
        ),
    ]
    return loaded, variants


def _measure_db(db: str, url: str, data_dir: Path, cfg: dict[str, Any]) -> DbResult:
    result = DbResult(db)
    env = c.child_env(url, data_dir, CAUNOI_ALLOWED_HOSTS="127.0.0.1")
    watch = c.Stopwatch()
    c.run_django_command(["migrate", "--verbosity", "0", "--skip-checks"], env)
    c.note(f"  migrated in {c.fmt_duration(watch.seconds)}")
    gen = c.run_child(["bench/synthetic.py", "--scale", str(cfg["scale"])], env)
    c.note(
        f"  {c.fmt_scale(cfg['scale'])}: {c.fmt_int(gen['items'])} items, "
        f"{c.fmt_int(gen['transactions'])} transactions generated in {c.fmt_duration(gen['seconds'])}"
    )
    info = c.run_child(["bench/bench_web.py", "setup", str(cfg["clients"])], env)
    result.info = info
    loaded, variants = _pages(cfg, info)
    result.pages = loaded
    query_env = dict(env, CAUNOI_ALLOWED_HOSTS="127.0.0.1,testserver")
    pages_arg = json.dumps([[p.key, p.path] for p in loaded + variants])
    result.queries = c.run_child(["bench/bench_web.py", "queries", info["sessions"][0], pages_arg], query_env)
    for p in loaded + variants:
        q = result.queries[p.key]
        c.note(
            f"  {p.label:<34} HTTP {q['status']}, {q['queries']} queries ({c.fmt_float(q['sql_ms'])} ms SQL), "
            f"{c.fmt_float(q['wall_ms'])} ms alone in the test client, {c.fmt_int(q['bytes'])} bytes; "
            f"kept: {q['kept_queries']} queries, {c.fmt_float(q['kept_ms'])} ms"
        )
    cookies = browser_cookies(info)
    c.note(f"  load: {server_name(cfg)} (workers:threads), a fresh server per page")
    for mode in CACHE_MODES:
        c.note(f"  caches {mode}:")
        mode_env = env if mode == "on" else dict(env, CAUNOI_REPORT_CACHE="off")
        for p in loaded:
            if p.key not in cfg["pages"]:
                continue
            try:
                result.loads[(p.key, mode)] = _load_page(
                    p, mode_env, data_dir, cfg, cookies, result.queries[p.key]
                )
            except Exception:
                traceback.print_exc()
                c.note(f"  {p.label}: FAILED (see above); carrying on")
    return result


def _load_page(
    p: Page,
    env: dict[str, str],
    data_dir: Path,
    cfg: dict[str, Any],
    cookies: list[str],
    alone: dict[str, Any],
) -> dict[str, Any]:
    """One page under load on a fresh server: requests still queued when a slow page's run ends die with
    that server instead of slowing the next page down."""
    with serve(env, data_dir, cfg) as server:
        # Warm-up (imports, templates, connections) with a few clients, only for pages fast enough that no
        # warm-up request is still running when the measurement starts.
        if alone["kept_ms"] < 500:
            load(
                server, p.path, cookies, min(WARM_UP_S, cfg["seconds"]), min(4, cfg["clients"]), cfg, data_dir
            )
        r = load(server, p.path, cookies, cfg["seconds"], cfg["clients"], cfg, data_dir)
        if server.proc.poll() is not None:
            c.note(f"  the server died during the load:\n{server.tail()}")
        errors = [line for line in server.tail(400).splitlines() if "Traceback" in line or "ERROR" in line]
        if errors:
            c.note(f"  server log: {len(errors)} error lines, last:\n{server.tail()}")
    c.note(
        f"  {p.label:<34} {c.fmt_float(r['rps'])} req/s, p50 {_ms(r['p50'])} ms, p95 {_ms(r['p95'])} ms, "
        f"p99 {_ms(r['p99'])} ms, {r['requests']} requests, errors {r['errors']} ({r['error_detail']}); "
        f"server CPU {_ms(r['cpu_ms'])} ms per request; CPU cores: server {c.fmt_float(r['server_cpu'], 2)}, "
        f"load generator {c.fmt_float(r['loadgen_cpu'], 2)}, others {c.fmt_float(r['other_cpu'], 2)}; "
        f"load {c.fmt_float(r['load_after'], 2)}"
    )
    return r


def _ms(value: float | None) -> str:
    return "—" if value is None else c.fmt_float(value)


# The columns of one load run, as bench_web, bench_public and bench_api print them.
LOAD_COLUMNS = [
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "CPU ms/req",
    "srv CPU",
    "gen CPU",
    "other CPU",
    "load",
]


def load_cells(r: dict[str, Any]) -> list[Any]:
    """One load run's figures under LOAD_COLUMNS."""
    return [
        c.fmt_float(r["rps"]),
        _ms(r["p50"]),
        _ms(r["p95"]),
        _ms(r["p99"]),
        r["errors"],
        _ms(r["cpu_ms"]),
        c.fmt_float(r["server_cpu"], 2),
        c.fmt_float(r["loadgen_cpu"], 2),
        c.fmt_float(r["other_cpu"], 2),
        c.fmt_float(r["load_after"], 2),
    ]


def _verdict(r: dict[str, Any], mode: str) -> str:
    target = TARGET_P95_MS[mode]
    return "PASS" if r["p95"] is not None and r["p95"] <= target and r["errors"] == 0 else "MISS"


def _short(sql: str, width: int = 160) -> str:
    sql = " ".join(sql.split())
    return sql if len(sql) <= width else sql[: width - 1] + "…"


def _print_results(results: list[DbResult], cfg: dict[str, Any]) -> None:
    c.header(
        f"Web pages under load — {cfg['clients']} clients, {cfg['seconds']} s each, "
        f"{server_name(cfg)}, load generator {cfg['loadgen']}"
    )
    rows = []
    for res in results:
        for (key, mode), r in res.loads.items():
            p = next(p for p in res.pages if p.key == key)
            rows.append(
                [
                    res.db,
                    mode,
                    p.label,
                    p.path,
                    *load_cells(r),
                    f"{_verdict(r, mode)} (≤{TARGET_P95_MS[mode]:.0f})",
                ]
            )
    c.print_table(
        [
            "database",
            "caches",
            "page",
            "URL",
            *LOAD_COLUMNS,
            "p95 target",
        ],
        rows,
        right=[False, False, False, False, True, True, True, True, True, True, True, True, True, True, False],
    )
    c.note(
        "errors: socket errors, timeouts (> 60 s) and answers other than 200; requests still running when the run\n"
        "ends are not counted (— : none finished). CPU ms/req: the server's CPU time per finished request. srv/gen/\n"
        "other CPU: cores used on average during the run by the server (all workers), by the load generator and by\n"
        f"every other process of the machine ({os.cpu_count()} CPUs); load: 1-minute load average at the end of\n"
        "the run. PASS needs no errors too. The clients wait for each answer and send the next request at once\n"
        f"(closed loop), so mean latency ≈ {cfg['clients']} / (req/s): p95 ≤ 50 ms needs well over "
        f"{cfg['clients'] / TARGET_P95_MS['on'] * 1000:.0f} req/s. caches on: kept pages and figures (the\n"
        "second view on); off: CAUNOI_REPORT_CACHE=off, every request draws its page and computes its figures."
    )

    c.header("Pages drawn afresh (first view after a change: no kept page, no kept figures)")
    frows = []
    for res in results:
        for p in res.pages:
            q = res.queries.get(p.key)
            target = FRESH_CPU_TARGET_MS.get(p.key)
            if q is None or target is None or "fresh_cpu_ms" not in q:
                continue
            verdict = "PASS" if q["fresh_cpu_ms"] <= target else "MISS"
            frows.append([res.db, p.label, c.fmt_float(q["fresh_cpu_ms"]), f"{verdict} (≤{target:.0f})"])
    c.print_table(["database", "page", "CPU ms", "target"], frows, right=[False, False, True, False])
    c.note(
        "CPU ms: the least process CPU of 5 requests in the test client (1 for a page slower than 1 s); on\n"
        "SQLite all of the work, on PostgreSQL without the database server's."
    )

    c.header("SQL queries per page (one request, test client, idle server)")
    qrows = []
    for res in results:
        loaded, variants = _pages(cfg, res.info)
        for p in loaded + variants:
            q = res.queries.get(p.key)
            if q is None:
                continue
            qrows.append(
                [
                    res.db,
                    p.label,
                    q["status"],
                    q["queries"],
                    c.fmt_float(q["sql_ms"]),
                    c.fmt_float(q["wall_ms"]),
                    c.fmt_float(q["slowest_ms"]),
                    q["repeated"],
                ]
            )
    c.print_table(
        [
            "database",
            "page",
            "HTTP",
            "queries",
            "SQL ms",
            "request ms",
            "slowest query ms",
            "most repeated ×",
        ],
        qrows,
        right=[False, False, True, True, True, True, True, True],
    )
    c.note("\nQuery count against the number of rows shown (target: it does not grow with the rows):")
    for res in results:
        q = res.queries
        pairs = [
            ("aid list", "list-1", "list", "1 row", "25 rows"),
            (
                "item page",
                "item-1",
                "item",
                f"{res.info['quietest']['transactions']} transaction",
                f"{res.info['busiest']['transactions']} transactions",
            ),
            ("dashboard", "dash-office", "dash-national", "1 office", f"{res.info['offices']} offices"),
        ]
        for name, small, large, small_label, large_label in pairs:
            if small in q and large in q:
                a, b = q[small]["queries"], q[large]["queries"]
                verdict = "PASS (flat)" if b <= a else f"MISS (+{b - a})"
                c.note(
                    f"  {res.db:<10} {name:<9}: {small_label} {a} queries, {large_label} {b} queries → {verdict}"
                )

    c.header("Where the time goes (the slowest query of each loaded page, as the test client saw it)")
    for res in results:
        for p in res.pages:
            q = res.queries.get(p.key)
            if q is None:
                continue
            c.note(
                f"{res.db} · {p.label}: {q['queries']} queries, {c.fmt_float(q['sql_ms'])} ms in SQL of "
                f"{c.fmt_float(q['wall_ms'])} ms\n  slowest {c.fmt_float(q['slowest_ms'])} ms: "
                f"{_short(q['slowest_sql'])}\n  most repeated ×{q['repeated']}: {_short(q['repeated_sql'])}"
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
            c.note(f"unknown database {db!r} in BENCH_WEB_DATABASES: skipped")
    return out


def main() -> None:
    watch = c.Stopwatch()
    try:
        cfg = _settings()
    except ValueError as exc:
        c.note(f"bad BENCH_WEB_* setting: {exc}")
        return
    try:
        synthetic.scale_batches(cfg["scale"])
    except ValueError as exc:
        c.note(f"BENCH_WEB_SCALE: {exc}")
        return
    items = round(cfg["scale"] * synthetic.ITEMS_1X)
    transactions = round(cfg["scale"] * synthetic.TRANSACTIONS_1X)
    c.note(
        f"Synthetic national dataset at {c.fmt_scale(cfg['scale'])}: {c.fmt_int(items)} items, "
        f"{c.fmt_int(transactions)} transactions (1× = {c.fmt_int(synthetic.ITEMS_1X)} / "
        f"{c.fmt_int(synthetic.TRANSACTIONS_1X)}; BENCH_WEB_SCALE=1 for the full size, about 3 more minutes "
        f"per database). {cfg['clients']} clients × {cfg['seconds']} s per page (BENCH_WEB_SECONDS)."
    )
    if cfg["loadgen"] == "wrk" and not shutil.which("wrk"):
        cfg["loadgen"] = "python"
    if cfg["loadgen"] != "wrk":
        c.note(
            "wrk is not installed (`sudo apt-get install wrk` on Debian/Ubuntu): using the Python load generator,\n"
            "which shares the 2 cores with the server and so lowers requests/s and raises latencies."
        )
    c.note(
        f"machine: {os.cpu_count()} CPUs, load average {' '.join(c.fmt_float(x, 2) for x in os.getloadavg())}"
    )
    results = c.per_database(
        "web", _databases(cfg), lambda db, url, data_dir: _measure_db(db, url, data_dir, cfg)
    )
    if results:
        _print_results(results, cfg)
    c.note(
        f"\nload average at the end: {' '.join(c.fmt_float(x, 2) for x in os.getloadavg())}; "
        f"web benchmark: {c.fmt_duration(watch.seconds)} in all"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "setup":
        print(json.dumps(setup_child(int(sys.argv[2]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "queries":
        print(json.dumps(queries_child(sys.argv[2], json.loads(sys.argv[3]))))
    else:
        main()
