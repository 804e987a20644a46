"""The command that serves caunoi as the README deploys it (granian, caunoi.wsgi), for tests that need a real
server (the browser tests, the sign-in lockout behind a proxy)."""

from __future__ import annotations

import sys
from pathlib import Path

BIN = Path(sys.executable).parent


def command(port: int, workers: int = 2) -> list[str]:
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
        "--respawn-failed-workers",
        "--log-level",
        "warning",
    ]
