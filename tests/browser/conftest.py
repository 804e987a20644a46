"""A real server and a real browser for the browser tests.

The rest of the suite keeps geography and the demo union in pytest-django's test database for the whole
session, so these tests must not flush it (no live_server, no transactional_db). Instead one session builds its
own database — a temporary SQLite file, or, when DATABASE_URL points at PostgreSQL, a scratch database created
and dropped here — fills it with `caunoi demo` and serves it with the production server (granian, two
workers, DEBUG off). Chromium is Debian's (/usr/bin/chromium), driven headless by Playwright.

Screenshots of every page go to test-artifacts/screenshots/<test>-<step>.png (git-ignored).
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests import production_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
BIN = Path(sys.executable).parent
PASSWORD = "caunoi-demo-2026"
DESKTOP = {"width": 1366, "height": 768}

# Reported by the page itself, before any script of ours runs (CSP blocks are also logged by Chromium).
CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});
"""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    )
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    """The server runs on the real clock, so these tests do too (the suite's frozen clock is turned off)."""
    yield None


# --- the server ---------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class _ScratchPostgres:
    """A database of its own on the PostgreSQL server DATABASE_URL names, dropped at the end."""

    admin_url: str
    name: str

    @classmethod
    def create(cls, url: str) -> _ScratchPostgres:
        import psycopg

        parts = urlsplit(url)
        admin_url = urlunsplit(
            (parts.scheme.replace("postgis", "postgres"), parts.netloc, "/postgres", "", "")
        )
        base = re.sub(r"\W", "_", parts.path.lstrip("/") or "caunoi")[:30]
        name = f"{base}_browser_{os.getpid()}_{secrets.token_hex(3)}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return cls(admin_url, name)

    def url(self, original: str) -> str:
        parts = urlsplit(original)
        return urlunsplit((parts.scheme, parts.netloc, f"/{self.name}", parts.query, ""))

    def drop(self) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer {url} within {timeout} s:\n{log.read_text()[-3000:]}")


# The environment the server runs in (its database), for a test that reads that database in a subprocess.
SERVER_ENV: dict[str, str] = {}


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    data_dir = tmp_path_factory.mktemp("browser-server")
    database_url = os.environ.get("DATABASE_URL", "")
    scratch = None
    if database_url.startswith(("postgres://", "postgresql://", "postgis://")):
        scratch = _ScratchPostgres.create(database_url)
        database_url = scratch.url(database_url)
    else:
        database_url = f"sqlite:///{data_dir / 'caunoi.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in ("CAUNOI_DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DATABASE_URL=database_url,
        CAUNOI_DATA_DIR=str(data_dir),
        CAUNOI_SECRET_KEY="test",
        CAUNOI_ALLOWED_HOSTS="127.0.0.1",
        PYTHONUNBUFFERED="1",
    )
    server = None
    log = data_dir / "server.log"
    try:
        subprocess.run(
            [str(BIN / "caunoi"), "demo"], env=env, cwd=data_dir, check=True, capture_output=True, timeout=300
        )
        port = _free_port()
        with log.open("wb") as out:
            server = subprocess.Popen(
                production_server.command(port),
                env=env,
                cwd=data_dir,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{url}/login/", server, log)
        SERVER_ENV.clear()
        SERVER_ENV.update(env)
        yield url
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if scratch is not None:
            scratch.drop()


# --- the browser --------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@dataclass
class Console:
    """Every console error and page error of one page; CSP violations arrive as console errors."""

    entries: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def record(self, message: Any) -> None:
        text = message.text
        location = (message.location or {}).get("url", "")
        if message.type == "error" or "Content Security Policy" in text:
            self.entries.append(f"{message.type}: {text} ({location})")

    def page_error(self, error: Any) -> None:
        self.entries.append(f"pageerror: {error}")

    def problems(self) -> list[str]:
        return [e for e in self.entries if not any(p.search(e) for p in self.allowed)]


# Signed-in sessions (cookies) per server and user, so each user goes through the sign-in form (and its slow
# password hash) once per session; test_sign_in still signs in through the form.
_SIGNED_IN: dict[tuple[str, str], Any] = {}


class UI:
    """Pages for one test: signed-in browser contexts, screenshots, and the console checked on every page."""

    def __init__(self, browser: Any, base_url: str, test_name: str):
        self.browser = browser
        self.base_url = base_url
        self.test_name = test_name
        self.contexts: list[Any] = []
        self.consoles: dict[int, Console] = {}
        self.steps = 0

    def page(self, viewport: dict[str, int] | None = None, username: str | None = None) -> Any:
        """A page in a fresh browser context; with a user name, signed in and showing the home page."""
        saved = _SIGNED_IN.get((self.base_url, username)) if username else None
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=viewport or DESKTOP,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            storage_state=saved,
        )
        context.set_default_timeout(10_000)
        context.add_init_script(CSP_LISTENER)
        self.contexts.append(context)
        page = context.new_page()
        console = Console()
        page.on("console", console.record)
        page.on("pageerror", console.page_error)
        self.consoles[id(page)] = console
        if saved is not None:
            page.goto("/")
            assert page.url == f"{self.base_url}/", f"the saved session of {username} no longer works"
        elif username:
            self.sign_in(page, username)
            _SIGNED_IN[(self.base_url, username)] = context.storage_state()
        return page

    def sign_in(self, page: Any, username: str, step: str | None = None) -> None:
        page.goto("/login/")
        if step:
            self.shot(page, step)
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(PASSWORD)
        page.locator("main button[type=submit]").click()
        page.wait_for_url(f"{self.base_url}/")

    def console(self, page: Any) -> Console:
        return self.consoles[id(page)]

    def shot(self, page: Any, step: str) -> Path:
        """Screenshot the page and check that its console has shown no error so far."""
        self.steps += 1
        page.wait_for_load_state("load")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.test_name}-{self.steps:02d}-{step}.png"
        # A full page is drawn whole first: the API reference is tens of screens long, and on a loaded
        # machine (both suites at once on two cores) that took longer than the actions' 10 s.
        page.screenshot(path=str(path), full_page=True, timeout=60_000)
        self.assert_clean(page, f"{step} ({page.url})")
        return path

    def assert_clean(self, page: Any, where: str = "") -> None:
        problems = self.console(page).problems()
        assert not problems, f"console errors on {where or page.url}: {problems}"

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def ui(browser: Any, base_url: str, request: pytest.FixtureRequest) -> Iterator[UI]:
    name = re.sub(r"[^\w.-]+", "-", request.node.name)
    for old in SCREENSHOTS.glob(f"{name}-*.png"):
        old.unlink()
    helper = UI(browser, base_url, name)
    try:
        yield helper
        for context in helper.contexts:
            for page in context.pages:
                helper.assert_clean(page)
    finally:
        helper.close()


@pytest.fixture(scope="session")
def shared() -> dict[str, Any]:
    """What one flow leaves for the next (the new aid item); each test can also make it itself."""
    return {}
