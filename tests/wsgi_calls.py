"""Requests made straight to a WSGI application (the fronts of caunoi.wsgi), in a test's transaction."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


class Counted:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self) -> None:
        self.app = WSGIHandler()
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return self.app(environ, start_response)


@contextmanager
def connections_kept() -> Iterator[None]:
    """As Django's test client does: the test's transaction must survive a request's start and end."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@contextmanager
def served_by(front: Any, settings: Any, monkeypatch: Any) -> Iterator[tuple[Any, Counted]]:
    """A front (caunoi.web.front, caunoi.portal.front…) around Django's application counting the requests
    that reach it, with pages kept and figures computed afresh (`keeping_served`)."""
    from tests.marks_reads import keeping_served

    keeping_served(settings, monkeypatch)
    with connections_kept():
        django = Counted()
        yield front(django), django


def call(
    app: Any,
    path: str,
    cookie: str = "",
    method: str = "GET",
    query: str = "",
    body: bytes = b"",
    **headers: str,
) -> tuple[str, dict[str, str], str]:
    """Status, headers and body of `app`'s answer; `headers` as WSGI names them (HTTP_AUTHORIZATION=…)."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.errors": io.StringIO(),
        **headers,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    given: list[Any] = []
    result = app(environ, lambda status, headers, exc_info=None: given.extend([status, headers]))
    answer = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return given[0], dict(given[1]), answer.decode()


class Answer:
    """What a test reads of an answer, as of the test client's response."""

    def __init__(self, status: str, headers: dict[str, str], body: str) -> None:
        self.status_code = int(status.split()[0])
        self.headers = {k.lower(): v for k, v in headers.items()}
        self.content = body.encode()

    def __getitem__(self, name: str) -> str:
        return self.headers[name.lower()]

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)

    def json(self) -> Any:
        return json.loads(self.content)


class WsgiClient:
    """`tests.api.conftest.Api`'s calls made to a WSGI application instead of the test client."""

    def __init__(self, app: Any, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = headers

    def _environ_headers(self, headers: dict[str, str]) -> dict[str, str]:
        return {"HTTP_" + k.upper().replace("-", "_"): v for k, v in {**self.headers, **headers}.items()}

    def get(self, path: str, params: dict[str, str] | None = None, **headers: str) -> Answer:
        path, _, query = path.partition("?")
        query = "&".join(filter(None, [query, urlencode(params or {})]))
        return Answer(*call(self.app, path, query=query, **self._environ_headers(headers)))

    def send(self, method: str, path: str, body: object, **headers: str) -> Answer:
        extra = {**self._environ_headers(headers), "CONTENT_TYPE": "application/json"}
        return Answer(*call(self.app, path, method=method, body=json.dumps(body).encode(), **extra))

    def post(self, path: str, body: object, **headers: str) -> Answer:
        return self.send("POST", path, body, **headers)
