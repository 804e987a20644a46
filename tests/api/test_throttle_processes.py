"""The throttle counts in the database: two server processes, each with its own connection to the test
database, calling with the same token at the same moment, together never get more answers than the rate."""

from __future__ import annotations

import json
import math
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

RATE, PERIOD = 30, 3600  # CAUNOI_API_RATE=30/hour: the run stays in one window unless it crosses the hour
CALLS = 40  # by each process

CHILD = r"""
import json, sys, time
import django

django.setup()
from django.contrib.auth import get_user_model

mode = sys.argv[1]
if mode == "make":
    from caunoi.api.tokens import create_token
    from caunoi.core.permissions import SYSTEM

    token, raw = create_token(get_user_model().objects.get(username="xem"), "hai tiến trình", actor=SYSTEM)
    print(json.dumps({"pk": token.pk, "raw": raw}))
elif mode == "call":
    from django.test import Client

    raw, start_at = sys.argv[2], float(sys.argv[3])
    client = Client()
    client.get("/api/v1/offices/")  # loads the views; anonymous, so not counted
    time.sleep(max(0.0, start_at - time.time()))
    answers = []
    for _ in range(int(sys.argv[4])):
        response = client.get("/api/v1/offices/", headers={"Authorization": f"Bearer {raw}"})
        answers.append([response.status_code, response.get("Retry-After"), time.time()])
    print(json.dumps(answers))
elif mode == "clean":
    from caunoi.api.models import ApiToken, ThrottleCount

    pk = int(sys.argv[2])
    ThrottleCount.objects.filter(key=f"token:{pk}").delete()
    ApiToken.history.filter(id=pk).delete()
    ApiToken.objects.filter(pk=pk).delete()
"""


def _test_database_url(tmp_path: Path) -> str:
    """A URL to the test database for another process. pytest-django's SQLite test database lives in this
    process's memory: the others get a copy of it in a file (the demo union)."""
    from django.db import connection

    if connection.vendor == "sqlite":
        # Through a connection of its own, reading past the table locks of the test's open transaction
        # (shared cache; a backup would wait for that transaction forever). Nothing is written in it yet.
        path = tmp_path / "test.sqlite3"
        source = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
        source.execute("PRAGMA read_uncommitted = 1")
        source.execute("VACUUM INTO ?", [str(path)])
        source.close()
        return f"sqlite:///{path}"
    s = connection.settings_dict  # NAME is pytest-django's test_… database by now
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _child(env: dict[str, str], *args: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None


@pytest.mark.slow
@pytest.mark.django_db
def test_two_processes_share_one_budget(tmp_path: Path) -> None:
    # The processes commit what they write (outside this test's transaction): cleaned up below on PostgreSQL.
    database_url = _test_database_url(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAUNOI_", "DATABASE_URL"))} | {
        "DATABASE_URL": database_url,
        "CAUNOI_DATA_DIR": str(tmp_path),
        "CAUNOI_API_RATE": f"{RATE}/hour",
        "CAUNOI_ALLOWED_HOSTS": "testserver",
        "CAUNOI_REPORT_CACHE": "memory",
        "DJANGO_SETTINGS_MODULE": "caunoi.settings",
    }
    made = _child(env, "make")
    try:
        start_at = str(time.time() + 6)  # both processes loaded by then: they call at the same moment
        callers = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, "call", made["raw"], start_at, str(CALLS)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [caller.communicate(timeout=120) for caller in callers]
        assert all(caller.returncode == 0 for caller in callers), (
            outputs[0][1][-3000:] + outputs[1][1][-3000:]
        )
        answers = [answer for out, _ in outputs for answer in json.loads(out.strip().splitlines()[-1])]
    finally:
        if not env["DATABASE_URL"].startswith("sqlite"):
            _child(env, "clean", str(made["pk"]))

    assert len(answers) == 2 * CALLS
    assert {status for status, _, _ in answers} == {200, 429}
    windows = {math.floor(moment / PERIOD) for _, _, moment in answers}
    allowed = sum(status == 200 for status, _, _ in answers)
    # Counted per process, each would have had its own 30: 60 answers. In one window exactly 30.
    assert allowed == RATE if len(windows) == 1 else allowed <= RATE * len(windows)
    for status, retry_after, moment in answers:
        if status == 429:
            assert retry_after is not None and 1 <= int(retry_after) <= PERIOD
            # The window ends then (give or take the second it took to answer).
            assert abs((math.floor(moment / PERIOD) + 1) * PERIOD - (moment + int(retry_after))) <= 2
