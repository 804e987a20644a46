"""Sign-in lockout behind a reverse proxy, through the real production server (granian): failures count per user name and client
address, the address read from X-Forwarded-For only when the request comes from CAUNOI_TRUSTED_PROXIES."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import production_server

BIN = Path(sys.executable).parent
PASSWORD = "mat-khau-dung-2026"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _sign_in(base: str, username: str, password: str, forwarded_for: str) -> int:
    """POST the sign-in form as a browser would (CSRF cookie and token); the response's status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    with opener.open(f"{base}/login/", timeout=10) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())
    assert token is not None
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
    ).encode()
    request = urllib.request.Request(
        f"{base}/login/", data=body, headers={"X-Forwarded-For": forwarded_for, "Referer": f"{base}/login/"}
    )
    try:
        with opener.open(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data_dir = tmp_path_factory.mktemp("lockout")
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("CAUNOI_", "DATABASE_URL"))
    } | {
        "DATABASE_URL": f"sqlite:///{data_dir / 'caunoi.sqlite3'}",
        "CAUNOI_DATA_DIR": str(data_dir),
        "CAUNOI_SECRET_KEY": "lockout-test-secret-key-0123456789abcdef",
        "DJANGO_SETTINGS_MODULE": "caunoi.settings",
        "CAUNOI_REPORT_CACHE": "memory",
    }
    subprocess.run([BIN / "caunoi", "migrate", "--verbosity", "0"], env=env, check=True)
    create = (
        "from django.contrib.auth.models import User\n"
        f"for name in ('lan', 'minh'): User.objects.create_user(name, password='{PASSWORD}')"
    )
    subprocess.run([BIN / "caunoi", "shell", "-c", create], env=env, check=True)
    return env


def _serve(env: dict[str, str], log: Path) -> Iterator[str]:
    port = _free_port()
    with log.open("wb") as out:
        server = subprocess.Popen(
            production_server.command(port, workers=1),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                assert server.poll() is None, log.read_text()[-2000:]
                try:
                    urllib.request.urlopen(f"{base}/login/", timeout=10).close()
                    break
                except OSError:  # refused while it starts, or its first page slow on a loaded machine
                    assert time.monotonic() < deadline, log.read_text()[-2000:]
                    time.sleep(0.2)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=10)


@pytest.fixture(scope="module")
def behind_trusted_proxy(
    environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    env = environment | {"CAUNOI_TRUSTED_PROXIES": "127.0.0.1"}
    yield from _serve(env, tmp_path_factory.mktemp("trusted") / "server.log")


@pytest.fixture(scope="module")
def without_trusted_proxy(
    environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    yield from _serve(environment, tmp_path_factory.mktemp("untrusted") / "server.log")


def test_a_stranger_locks_out_only_their_own_address(behind_trusted_proxy: str) -> None:
    base = behind_trusted_proxy
    assert [_sign_in(base, "lan", "sai-mat-khau", "203.0.113.9") for _ in range(5)] == [
        200,
        200,
        200,
        200,
        429,
    ]
    assert _sign_in(base, "lan", PASSWORD, "203.0.113.9") == 429
    # The proxy appends the real peer: a client-written left-hand entry is not believed.
    assert _sign_in(base, "lan", PASSWORD, "198.51.100.7, 203.0.113.9") == 429
    assert _sign_in(base, "lan", PASSWORD, "198.51.100.7") == 302


def test_without_a_trusted_proxy_the_header_is_ignored(without_trusted_proxy: str) -> None:
    base = without_trusted_proxy
    assert [_sign_in(base, "minh", "sai-mat-khau", "203.0.113.9") for _ in range(5)] == [
        200,
        200,
        200,
        200,
        429,
    ]
    assert _sign_in(base, "minh", PASSWORD, "198.51.100.7") == 429
