"""The API under load on the synthetic national dataset, and against its own schema at length.

Load, as bench_web loads the web pages (its server, load generators and CPU accounting are reused): for SQLite
and, when it answers, PostgreSQL, the synthetic dataset (bench/synthetic.py, ¼× by default: 50.000 items,
250.000 transactions), bench_web's national viewer with one personal API token (read), each answer's SQL
queries counted once in the test client at a page of 1 and of 50 (flat: the same count), then the server (granian) on
loopback and 20 clients (wrk when installed) for BENCH_API_SECONDS (30) seconds on the aid item list (a page
of 50), the transaction list (a page of 50) and the detail of the item with the most transactions, all with
the same token (the throttle counts every request: its rate is set out of reach, its write is measured),
as served: answers kept under the ledger marks (caunoi.api.kept); BENCH_API_CACHES=on,off loads them computed
afresh too. Before the load, each answer's CPU alone, computed and kept, and where its time goes (token,
throttle, the kept answer's key, serialisation, JSON, ETag).
Printed: requests/s, p50/p95/p99, errors (anything but 200), the server's CPU per request and the machine's
load, PASS/MISS against the issue's targets: lists p95 ≤ 50 ms, detail p95 ≤ 30 ms (never asserted).

Schema, on a fresh demo database (SQLite): schemathesis generates BENCH_API_EXAMPLES requests (default 100)
for every operation of the committed schema (src/caunoi/api/schema.yaml) and checks each answer (no 5xx,
status, content type and body as documented); printed: operations × examples tried and the failures, each
with its operation and check.

Settings (environment): BENCH_API_SECONDS (30), BENCH_API_SCALE (0.25), BENCH_API_DATABASES
("sqlite,postgresql"), BENCH_API_SERVER ("granian:workers:threads", default
"granian:2:4"; or gunicorn's "gthread:2:4"),
BENCH_API_CLIENTS (20), BENCH_API_LOADGEN ("wrk" or "python"), BENCH_API_EXAMPLES (100; 0 skips the
schema run), BENCH_API_PARTS ("load,schema"), BENCH_API_CACHES ("on"; "on,off" also loads every answer
computed afresh, kept answers off).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_web as web
import common as c
import synthetic

TARGET_P95_MS = {"items": 50.0, "transactions": 50.0, "detail": 30.0}
TOKEN_HEADER = ("Authorization", "Bearer ")
# Every request of the run counts against the token's rate: out of reach here, still counted (and written).
BENCH_RATE = "1000000000/min"


def _settings() -> dict[str, Any]:
    loadgen = os.environ.get("BENCH_API_LOADGEN", "")
    return {
        "seconds": max(1, int(os.environ.get("BENCH_API_SECONDS", "30"))),
        "scale": float(os.environ.get("BENCH_API_SCALE", "0.25")),
        "databases": [
            d.strip() for d in os.environ.get("BENCH_API_DATABASES", "sqlite,postgresql").split(",")
        ],
        **web.server_settings("BENCH_API_SERVER"),
        "clients": int(os.environ.get("BENCH_API_CLIENTS", "20")),
        "loadgen": loadgen or ("wrk" if shutil.which("wrk") else "python"),
        "examples": int(os.environ.get("BENCH_API_EXAMPLES", "100")),
        "parts": os.environ.get("BENCH_API_PARTS", "load,schema").split(","),
        "caches": os.environ.get("BENCH_API_CACHES", "on").split(","),
    }


def _paths(info: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """The loaded answers (label, path), and the variants whose queries are only counted."""
    return {
        "items": ("aid items (page of 50)", "/api/v1/aid-items/?page_size=50"),
        "transactions": ("transactions (page of 50)", "/api/v1/transactions/?page_size=50"),
        "detail": (
            f"item detail ({info['busiest']['transactions']} transactions)",
            f"/api/v1/aid-items/{info['busiest']['id']}/",
        ),
        "items-1": ("aid items (page of 1)", "/api/v1/aid-items/?page_size=1"),
        "transactions-1": ("transactions (page of 1)", "/api/v1/transactions/?page_size=1"),
        "detail-1": (
            f"item detail ({info['quietest']['transactions']} transaction)",
            f"/api/v1/aid-items/{info['quietest']['id']}/",
        ),
    }


LOADED = ("items", "transactions", "detail")


# --- Children -----------------------------------------------------------------------------------------------


def setup_child() -> dict[str, Any]:
    """bench_web's national viewer (no sessions) with a personal read token, and the items to read."""
    info = web.setup_child(0)
    from django.contrib.auth import get_user_model

    from caunoi.api.tokens import create_token

    user = get_user_model().objects.get(username=web.USERNAME)
    info["token"] = create_token(user, "bench", "read", actor=user)[1]
    return info


class Timers:
    """Wall time spent in a few named functions during a request (the outermost call of each), patched in:
    where an answer's time goes."""

    PARTS = {
        "token": ("caunoi.api.auth", "TokenAuthentication", "authenticate"),
        "throttle": ("caunoi.api.access", "PerToken", "allow_request"),
        "key": ("caunoi.api.kept", None, "answer_key"),
        "serialize": ("rest_framework.serializers", "ListSerializer", "to_representation"),
        "serialize1": ("rest_framework.serializers", "Serializer", "to_representation"),
        "json": ("rest_framework.renderers", "JSONRenderer", "render"),
        "etag": ("caunoi.api.base", None, "set_response_etag"),
    }

    def __init__(self) -> None:
        import importlib

        self.spent: dict[str, float] = dict.fromkeys(self.PARTS, 0.0)
        self.depth: dict[str, int] = dict.fromkeys(self.PARTS, 0)
        for name, (module, cls, function) in self.PARTS.items():
            owner = getattr(importlib.import_module(module), cls) if cls else importlib.import_module(module)
            setattr(owner, function, self._timed(name, getattr(owner, function)))

    def _timed(self, name: str, real: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.depth[name] += 1
            started = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.depth[name] -= 1
                if self.depth[name] == 0:
                    self.spent[name] += (time.perf_counter() - started) * 1000

        return timed

    def reset(self) -> None:
        self.spent = dict.fromkeys(self.PARTS, 0.0)

    def figures(self, runs: int) -> dict[str, float]:
        found = {k: v / runs for k, v in self.spent.items()}
        # A detail is one Serializer, a list one ListSerializer (whose rows are Serializers again).
        found["serialize"] = found["serialize"] or found["serialize1"]
        del found["serialize1"]
        return found


def queries_child(token: str, paths: dict[str, str]) -> dict[str, Any]:
    """For each path, computed (kept answers off) and kept: status, size, SQL queries of one request (the
    second: per-process caches filled), the least CPU of five requests in this process (on PostgreSQL
    without the database server's), and where the time of those five went (Timers)."""
    c.setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    timers = Timers()
    client = Client(headers={"Authorization": f"Bearer {token}"})
    out: dict[str, Any] = {}
    captured: list[dict[str, Any]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            captured.append({"sql": sql, "time": time.perf_counter() - began})

    for mode, keep in (("computed", False), ("kept", True)):
        settings.KEEP_PAGES = keep
        for key, path in paths.items():
            client.get(path)
            captured.clear()
            with connection.execute_wrapper(record):
                started = time.perf_counter()
                response = client.get(path)
                wall_ms = (time.perf_counter() - started) * 1000
            cpu = []
            timers.reset()
            for _ in range(5):
                before = time.process_time()
                client.get(path)
                cpu.append((time.process_time() - before) * 1000)
            out.setdefault(key, {})[mode] = {
                "status": response.status_code,
                "bytes": len(response.content),
                "queries": len(captured),
                "sql": [str(q["sql"])[:200] for q in captured],
                "sql_ms": sum(float(q["time"]) for q in captured) * 1000,
                "wall_ms": wall_ms,
                "cpu_ms": min(cpu),
                "parts": timers.figures(5),
            }
    return out


def _schemathesis(token: str, examples: int) -> dict[str, Any]:
    import schemathesis
    from django.core.wsgi import get_wsgi_application
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    import caunoi.api

    schema = schemathesis.openapi.from_path(Path(caunoi.api.__file__).parent / "schema.yaml")
    schema.app = get_wsgi_application()
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]
    tried: dict[str, int] = {}
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        label = operation.label
        tried[label] = 0

        _run_operation(operation, label, token, examples, checks, tried, failures)
    return {"operations": len(tried), "examples": sum(tried.values()), "failures": failures}


def _run_operation(
    operation: Any,
    label: str,
    token: str,
    examples: int,
    checks: list[Any],
    tried: dict[str, int],
    failures: list[str],
) -> None:
    from hypothesis import HealthCheck, given, settings

    @given(case=operation.as_strategy())
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: Any) -> None:
        tried[label] += 1
        try:
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=checks)
        except Exception as error:  # a failed check: counted and named, the run goes on
            text = str(error).strip()
            failures.append(f"{label}: {text.splitlines()[0] if text else type(error).__name__}")

    run()


def schema_child(examples: int) -> dict[str, Any]:
    c.setup_django()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from caunoi.api.tokens import create_token

    settings.API_RATE = BENCH_RATE
    user = get_user_model().objects.get(username="quantri")
    token = create_token(user, "bench", "read_write", actor=user)[1]
    return _schemathesis(token, examples)


# --- Parent ---------------------------------------------------------------------------------------------------


def _measure_db(db: str, url: str, data_dir: Path, cfg: dict[str, Any]) -> dict[str, Any]:
    env = c.child_env(url, data_dir, CAUNOI_ALLOWED_HOSTS="127.0.0.1", CAUNOI_API_RATE=BENCH_RATE)
    watch = c.Stopwatch()
    c.run_django_command(["migrate", "--verbosity", "0", "--skip-checks"], env)
    gen = c.run_child(["bench/synthetic.py", "--scale", str(cfg["scale"])], env)
    c.note(
        f"  migrated and {c.fmt_int(gen['items'])} items, {c.fmt_int(gen['transactions'])} transactions "
        f"generated in {c.fmt_duration(watch.seconds)}"
    )
    info = c.run_child(["bench/bench_api.py", "setup"], env)
    paths = _paths(info)
    query_env = dict(env, CAUNOI_ALLOWED_HOSTS="127.0.0.1,testserver")
    queries = c.run_child(
        ["bench/bench_api.py", "queries", info["token"], json.dumps({k: p for k, (_, p) in paths.items()})],
        query_env,
    )
    for key, (label, _) in paths.items():
        for mode, q in queries[key].items():
            parts = ", ".join(f"{k} {c.fmt_float(v)}" for k, v in q["parts"].items())
            c.note(
                f"  {label:<34} {mode:<8} HTTP {q['status']}, {q['queries']} queries "
                f"({c.fmt_float(q['sql_ms'])} ms SQL), {c.fmt_float(q['wall_ms'])} ms alone, CPU "
                f"{c.fmt_float(q['cpu_ms'])} ms, {c.fmt_int(q['bytes'])} bytes; ms in: {parts}"
            )
    c.note(f"  load: {web.server_name(cfg)} (workers:threads), a fresh server per path")
    loads = {}
    for mode, key in [(mode, key) for mode in cfg["caches"] for key in LOADED]:
        label, path = paths[key]
        mode_env = env if mode == "on" else dict(env, CAUNOI_KEEP_PAGES="0")
        try:
            with web.serve(mode_env, data_dir, cfg) as server:
                tokens = [info["token"]]
                web.load(
                    server, path, tokens, min(web.WARM_UP_S, cfg["seconds"]), 4, cfg, data_dir, TOKEN_HEADER
                )
                r = web.load(
                    server, path, tokens, cfg["seconds"], cfg["clients"], cfg, data_dir, TOKEN_HEADER
                )
                errors = [
                    line for line in server.tail(400).splitlines() if "Traceback" in line or "ERROR" in line
                ]
                if errors:
                    c.note(f"  server log: {len(errors)} error lines, last:\n{server.tail()}")
        except Exception:
            traceback.print_exc()
            c.note(f"  {label}: FAILED (see above); carrying on")
            continue
        loads[(key, mode)] = r
        c.note(
            f"  {label:<34} kept {mode:<3} {c.fmt_float(r['rps'])} req/s, p50 {_ms(r['p50'])} ms, p95 {_ms(r['p95'])} ms, "
            f"p99 {_ms(r['p99'])} ms, {r['requests']} requests, errors {r['errors']} ({r['error_detail']}); "
            f"server CPU {_ms(r['cpu_ms'])} ms per request; load {c.fmt_float(r['load_after'], 2)}"
        )
    return {"db": db, "info": info, "paths": paths, "queries": queries, "loads": loads}


def _ms(value: float | None) -> str:
    return "—" if value is None else c.fmt_float(value)


def _verdict(key: str, r: dict[str, Any]) -> str:
    target = TARGET_P95_MS[key]
    ok = r["p95"] is not None and r["p95"] <= target and r["errors"] == 0
    return f"{'PASS' if ok else 'MISS'} (≤{target:.0f})"


def _print_load(results: list[dict[str, Any]], cfg: dict[str, Any]) -> None:
    c.header(
        f"API under load — {cfg['clients']} clients, {cfg['seconds']} s each, one token, "
        f"{web.server_name(cfg)}, load generator {cfg['loadgen']}"
    )
    rows = []
    for res in results:
        for (key, mode), r in res["loads"].items():
            label = res["paths"][key][0]
            rows.append(
                [
                    res["db"],
                    mode,
                    label,
                    *web.load_cells(r),
                    _verdict(key, r),
                ]
            )
    headers = ["database", "kept", "answer", *web.LOAD_COLUMNS, "p95 target"]
    c.print_table(headers, rows, right=[False, False, False, *[True] * 10, False])
    c.note(
        "errors: socket errors, timeouts and answers other than 200. CPU ms/req: the server's CPU time per request;\n"
        "srv/gen/other CPU: cores used on average by the server, the load generator and every other process\n"
        f"({os.cpu_count()} CPUs); load: 1-minute load average at the end of the run. Closed loop: mean latency ≈\n"
        f"{cfg['clients']} / (req/s), so p95 ≤ 50 ms needs well over {cfg['clients'] / 50 * 1000:.0f} req/s.\n"
        "kept on: answers kept under the ledger marks (caunoi.api.kept), as served; off: CAUNOI_KEEP_PAGES=0,\n"
        "every answer computed (the first read after a change)."
    )
    c.header("SQL queries per answer (one request, test client) — flat when a page of 50 asks no more than 1")
    for res in results:
        q = res["queries"]
        for big, small in (("items", "items-1"), ("transactions", "transactions-1"), ("detail", "detail-1")):
            a, b = q[small]["computed"]["queries"], q[big]["computed"]["queries"]
            verdict = "PASS (flat)" if b <= a else f"MISS (+{b - a})"
            c.note(
                f"  {res['db']:<10} {res['paths'][big][0]:<34} {b} queries, {res['paths'][small][0]}: {a} "
                f"→ {verdict}; CPU alone {c.fmt_float(q[big]['computed']['cpu_ms'])} ms computed, "
                f"{c.fmt_float(q[big]['kept']['cpu_ms'])} ms kept ({q[big]['kept']['queries']} queries)"
            )
        for key in LOADED:
            c.note(f"  {res['db']} · {res['paths'][key][0]}, computed:")
            for sql in q[key]["computed"]["sql"]:
                c.note(f"      {' '.join(sql.split())[:150]}")


def _schema_run(cfg: dict[str, Any]) -> None:
    c.header(f"schemathesis over the committed schema — up to {cfg['examples']} examples per operation")
    with c.bench_dir("api") as folder:
        env = c.child_env(c.sqlite_url(folder / "caunoi.sqlite3"), folder, CAUNOI_REPORT_CACHE="memory")
        c.run_django_command(["demo"], env)
        found = c.run_child([__file__, "schema", str(cfg["examples"])], env)
    c.note(
        f"schemathesis: {found['operations']} operations × up to {cfg['examples']} examples: "
        f"{found['examples']} requests"
    )
    c.note(f"failures: {len(found['failures'])}")
    for failure in found["failures"][:40]:
        c.note(f"  {failure}")


def main() -> None:
    watch = c.Stopwatch()
    cfg = _settings()
    if cfg["loadgen"] == "wrk" and not shutil.which("wrk"):
        cfg["loadgen"] = "python"
    load_avg = " ".join(c.fmt_float(x, 2) for x in os.getloadavg())
    c.note(f"machine: {os.cpu_count()} CPUs, load average {load_avg}")
    if "load" in cfg["parts"]:
        synthetic.scale_batches(cfg["scale"])
        c.note(
            f"Synthetic national dataset at {c.fmt_scale(cfg['scale'])}: "
            f"{c.fmt_int(round(cfg['scale'] * synthetic.ITEMS_1X))} items; {cfg['clients']} clients × "
            f"{cfg['seconds']} s per answer (BENCH_API_SECONDS)."
        )
        results = c.per_database(
            "api", web._databases(cfg), lambda db, url, data_dir: _measure_db(db, url, data_dir, cfg)
        )
        if results:
            _print_load(results, cfg)
    if "schema" in cfg["parts"] and cfg["examples"] > 0:
        _schema_run(cfg)
    load_avg = " ".join(c.fmt_float(x, 2) for x in os.getloadavg())
    c.note(f"\nload average at the end: {load_avg}; API benchmark: {c.fmt_duration(watch.seconds)} in all")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "setup":
        print(json.dumps(setup_child()))
    elif len(sys.argv) > 1 and sys.argv[1] == "queries":
        print(json.dumps(queries_child(sys.argv[2], json.loads(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "schema":
        print(json.dumps(schema_child(int(sys.argv[2]))))
    else:
        main()
