"""The API against its own schema at length, and its read latency, on the demo union (SQLite).

In a child process over a fresh demo database: schemathesis generates BENCH_API_EXAMPLES requests (default
100) for every operation of the committed schema (src/caunoi/api/schema.yaml) and checks each answer (no 5xx,
status, content type and body as documented); printed: operations × examples tried and the failures, each
with its operation and check. Then the latency of the aid item and transaction lists (a page of 50) and of an
item's detail, BENCH_API_RUNS times each (default 50) after a warm-up, in process (one client: the issue's
20 clients × 30 s under wrk is not measured here). Targets: list p95 ≤ 50 ms, detail ≤ 30 ms.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common as c

LIST_TARGET_MS = 50.0
DETAIL_TARGET_MS = 30.0


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


def _latency(token: str, runs: int) -> dict[str, Any]:
    from django.test import Client

    from caunoi.aid.models import AidItem

    client = Client(SERVER_NAME="localhost")
    headers = {"Authorization": f"Bearer {token}"}
    item = AidItem.objects.order_by("id").first()
    paths = {
        "aid items (page of 50)": ("/api/v1/aid-items/?page_size=50", LIST_TARGET_MS),
        "transactions (page of 50)": ("/api/v1/transactions/?page_size=50", LIST_TARGET_MS),
        "aid item detail": (f"/api/v1/aid-items/{item.pk}/", DETAIL_TARGET_MS),
    }
    found = {}
    for name, (path, target) in paths.items():
        client.get(path, headers=headers)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(path, headers=headers)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        found[name] = {"median": c.median(times), "p95": times[int(len(times) * 0.95) - 1], "target": target}
    return found


def child(examples: int, runs: int) -> None:
    c.setup_django()
    import json

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from caunoi.api.tokens import create_token

    settings.API_RATE = "1000000/min"
    user = get_user_model().objects.get(username="quantri")
    token = create_token(user, "bench", "read_write", actor=user)[1]
    result = {"latency": _latency(token, runs), **_schemathesis(token, examples)}
    print(json.dumps(result, ensure_ascii=False))


def main() -> None:
    examples = int(os.environ.get("BENCH_API_EXAMPLES", "100"))
    runs = int(os.environ.get("BENCH_API_RUNS", "50"))
    with c.bench_dir("api") as folder:
        env = c.child_env(c.sqlite_url(folder / "caunoi.sqlite3"), folder, CAUNOI_REPORT_CACHE="memory")
        c.run_django_command(["demo"], env)
        found = c.run_child([__file__, "--child", str(examples), str(runs)], env)
    c.note(
        f"schemathesis: {found['operations']} operations × up to {examples} examples: {found['examples']} requests"
    )
    c.note(f"failures: {len(found['failures'])}")
    for failure in found["failures"][:40]:
        c.note(f"  {failure}")
    for name, figures in found["latency"].items():
        verdict = "PASS" if figures["p95"] <= figures["target"] else "MISS"
        c.note(
            f"{name}: median {figures['median']:.1f} ms, p95 {figures['p95']:.1f} ms "
            f"(target ≤ {figures['target']:.0f} ms, one client) {verdict}"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
