"""The public site's kept pages answered in front of Django (gunicorn caunoi.wsgi), for anonymous visitors.

A kept public page (caunoi.portal.kept) still crossed Django's whole request handling to be served: the
middleware, the URL resolver, the view's wrapper — about 1,5 ms of CPU per request, most of what the public
site costs under load. The front keeps the whole answer (status, headers, body) of such a page as Django gave
it, and serves it again without Django while the page's marks are what they were: the marks are read afresh
on every request with the page's own rule (`kept.page_state`), so a change to what the page shows (an item
made non-public, an article taken down, a consent withdrawn) is never served from here either.

What it keeps, and under what, is decided by Django's answer, never guessed: the view's wrapper leaves its
recipe (page name, scope, arguments, the marks and day it drew under) in the WSGI environ only for a plain
anonymous GET whose answer it would keep; the front adds the request's variant — scheme, host, forwarded
headers, path, query and the language cookie, all an anonymous page can depend on — and keeps the answer only
if it is a 200 that sets no cookie. A request carrying a session cookie, or any other method, goes to Django.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import parse_cookie
from django.utils import timezone

from caunoi.portal import kept

StartResponse = Callable[..., Any]
Variant = tuple[str, ...]
Answer = tuple[str, tuple[tuple[str, str], ...], bytes]

MAX_BYTES = 48 * 2**20  # kept answers per server process
MAX_RECIPES = 20_000  # addresses known to be kept pages, per process


def variant(environ: dict[str, Any]) -> Variant | None:
    """What, besides the marks and the day, an anonymous GET's answer can depend on; None when the request
    is not one the front may answer (another method, or a session: the visitor may be signed in)."""
    if environ.get("REQUEST_METHOD") != "GET":
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    if cookies.get(settings.SESSION_COOKIE_NAME):  # an empty one is no session, for Django too
        return None
    return (
        str(environ.get("wsgi.url_scheme", "")),
        str(environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"),
        str(environ.get("HTTP_X_FORWARDED_PROTO", "")),
        str(environ.get("HTTP_X_FORWARDED_HOST", "")),
        str(environ.get("SCRIPT_NAME", "")),
        str(environ.get("PATH_INFO", "")),
        str(environ.get("QUERY_STRING", "")),
        cookies.get(settings.LANGUAGE_COOKIE_NAME, ""),
    )


def answer_key(found: Variant, name: str, state: str, day: str) -> str:
    return hashlib.sha256(repr((found, name, state, day)).encode()).hexdigest()


class KeptPublicFront:
    """WSGI middleware around Django's application; see the module's docstring."""

    def __init__(self, app: Callable[[dict[str, Any], StartResponse], Iterable[bytes]]) -> None:
        self.app = app
        self.recipes: OrderedDict[Variant, tuple[str, kept.Scope, dict[str, Any]]] = OrderedDict()
        self.answers: OrderedDict[str, Answer] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        found = variant(environ)
        if found is None:
            return self.app(environ, start_response)
        answer = self._recall(found)
        if answer is not None:
            status, headers, body = answer
            start_response(status, list(headers))
            return [body]
        return self._draw(found, environ, start_response)

    def _recall(self, found: Variant) -> Answer | None:
        recipe = self.recipes.get(found)
        if recipe is None:
            return None
        name, scope, kwargs = recipe
        try:
            state = kept.page_state(scope, kwargs)
        except DatabaseError:
            # A broken connection outside Django's request cycle: drop it and let Django answer (it reconnects).
            connection.close()
            return None
        key = answer_key(found, name, state, timezone.localdate().isoformat())
        with self.lock:
            answer = self.answers.get(key)
            if answer is not None:
                self.answers.move_to_end(key)
        return answer

    def _draw(
        self, found: Variant, environ: dict[str, Any], start_response: StartResponse
    ) -> Iterable[bytes]:
        given: list[Any] = []

        def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            given[:] = [status, headers]
            return start_response(status, headers, exc_info)

        result = self.app(environ, remember)
        recipe = environ.get(kept.FRONT_RECIPE)
        if recipe is None or not given or not given[0].startswith("200 "):
            return result
        status, headers = given
        if any(header.lower() == "set-cookie" for header, _ in headers):
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()  # Django's request_finished: its connections are handled as after any request
        name, scope, kwargs, state, day = recipe
        self._keep(
            found, (name, scope, kwargs), answer_key(found, name, state, day), (status, tuple(headers), body)
        )
        return [body]

    def _keep(self, found: Variant, recipe: Any, key: str, answer: Answer) -> None:
        with self.lock:
            self.recipes[found] = recipe
            self.recipes.move_to_end(found)
            while len(self.recipes) > MAX_RECIPES:
                self.recipes.popitem(last=False)
            if key in self.answers:
                self.bytes -= len(self.answers[key][2])
            self.answers[key] = answer
            self.bytes += len(answer[2])
            while self.bytes > MAX_BYTES and len(self.answers) > 1:
                _, (_, _, body) = self.answers.popitem(last=False)
                self.bytes -= len(body)
