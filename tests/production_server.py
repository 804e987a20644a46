"""The command that serves caunoi as the README deploys it (granian, caunoi.wsgi), for tests that need a real
server (the browser tests, the sign-in lockout behind a proxy) and for the benches (bench/bench_web.py)."""

from __future__ import annotations

import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def command(port: int, workers: int = 2, threads: int | None = None) -> list[str]:
    """granian on 127.0.0.1:`port`; `threads` per worker, else granian's default."""
    return [
        str(BIN / "granian"),
        "--interface",
        "wsgi",
        "caunoi.wsgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        *(["--blocking-threads", str(threads)] if threads else []),
        "--respawn-failed-workers",
        "--log-level",
        "warning",
    ]
