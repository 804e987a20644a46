"""What the fronts (caunoi.portal.front, caunoi.api.front) share: whole answers kept in the server process,
bounded by their bytes, and Django's answer taken whole when its view said it may be kept.

A front is WSGI middleware around Django's application (caunoi.wsgi). It answers a request without Django
only with an answer Django gave for the same request and the same state of the records; the view says, by a
value it leaves in the WSGI environ, that its answer may be kept and under what state it was drawn.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from django.db import DatabaseError, connection

T = TypeVar("T")
StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
Answer = tuple[str, tuple[tuple[str, str], ...], bytes]

MAX_BYTES = 48 * 2**20  # kept answers per front and server process
MAX_ADDRESSES = 20_000  # addresses known to have kept answers, per front and server process


class Addresses:
    """The addresses (request variants) whose answers Django kept, each with what the front needs to find it
    again; the least recently kept dropped past `MAX_ADDRESSES`."""

    def __init__(self) -> None:
        self.known: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, address: Hashable) -> Any | None:
        return self.known.get(address)

    def put(self, address: Hashable, value: Any) -> None:
        with self.lock:
            self.known[address] = value
            self.known.move_to_end(address)
            while len(self.known) > MAX_ADDRESSES:
                self.known.popitem(last=False)


def fetch(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """The rows of a statement run on every request a front answers: on PostgreSQL bound on the server and so
    prepared by psycopg after a few runs on a connection (planning was three quarters of the statement's
    cost; Django's own cursors bind on the client and are never prepared), elsewhere Django's cursor."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    connection.ensure_connection()
    import psycopg  # only on PostgreSQL

    # Django's own wrapper around psycopg's server-binding cursor, so that it is counted and logged like any
    # query (django-stubs type the argument as Django's wrapper; it is the driver's cursor).
    server_binding: Any = psycopg.Cursor(connection.connection)
    wrap = connection.make_debug_cursor if connection.queries_logged else connection.make_cursor
    with wrap(server_binding) as cursor:
        cursor.execute(sql, params)  # prepared from its 5th run (settings: prepare_threshold)
        return cursor.fetchall()


def read(query: Callable[[], T]) -> T | None:
    """`query()`, run outside Django's request cycle; None when its connection broke (dropped: Django, which
    answers the request instead, reconnects)."""
    try:
        return query()
    except DatabaseError:
        connection.close()
        return None


class AnswerStore:
    """Answers by key, the least recently used dropped first once their bodies pass `MAX_BYTES`."""

    def __init__(self) -> None:
        self.answers: OrderedDict[str, Answer] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> Answer | None:
        with self.lock:
            answer = self.answers.get(key)
            if answer is not None:
                self.answers.move_to_end(key)
            return answer

    def put(self, key: str, answer: Answer) -> None:
        with self.lock:
            if key in self.answers:
                self.bytes -= len(self.answers[key][2])
            self.answers[key] = answer
            self.bytes += len(answer[2])
            while self.bytes > MAX_BYTES and len(self.answers) > 1:
                _, (_, _, body) = self.answers.popitem(last=False)
                self.bytes -= len(body)


def serve(answer: Answer, start_response: StartResponse) -> list[bytes]:
    status, headers, body = answer
    start_response(status, list(headers))
    return [body]


def draw(
    app: WsgiApp,
    environ: dict[str, Any],
    start_response: StartResponse,
    recipe_key: str,
    renewed: tuple[str, str] | None = None,
) -> tuple[Iterable[bytes], Any, Answer | None]:
    """Django's answer to the request; with the recipe its view left under `recipe_key` and the answer taken
    whole when it may be kept: a 200 that sets no cookie, but for the cookie `renewed` with the same value
    (left out of the answer kept; else the recipe and answer are None)."""
    given: list[Any] = []

    def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        given[:] = [status, headers]
        return start_response(status, headers, exc_info)

    result = app(environ, remember)
    recipe = environ.get(recipe_key)
    if recipe is None or not given or not given[0].startswith("200 "):
        return result, None, None
    status, headers = given
    same = None if renewed is None else _cookie_value(renewed[1])
    cookies = [value for header, value in headers if header.lower() == "set-cookie"]
    if any(_cookie_value(value) != same for value in cookies):
        return result, None, None
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()  # Django's request_finished: its connections are handled as after any request
    kept = tuple((header, value) for header, value in headers if header.lower() != "set-cookie")
    return [body], recipe, (status, kept, body)


def _cookie_value(set_cookie: str) -> str:
    """A Set-Cookie header's name and value, without its attributes (an expiry moves with every answer)."""
    return set_cookie.split(";", 1)[0].strip()
