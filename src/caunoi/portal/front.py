"""The public site's kept pages answered in front of Django (the production server, caunoi.wsgi), for anonymous visitors.

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
from typing import Any

from django.conf import settings
from django.http import parse_cookie
from django.utils import timezone

from caunoi.core import front
from caunoi.portal import kept

Variant = tuple[str, ...]


def variant(environ: dict[str, Any]) -> Variant | None:
    """What, besides the marks and the day, an anonymous GET's answer can depend on; None when the request
    is not one the front may answer (another method, or a session: the visitor may be signed in)."""
    if environ.get("REQUEST_METHOD") != "GET":
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    if cookies.get(settings.SESSION_COOKIE_NAME):  # an empty one is no session, for Django too
        return None
    return (*address(environ), cookies.get(settings.LANGUAGE_COOKIE_NAME, ""))


def address(environ: dict[str, Any]) -> tuple[str, ...]:
    """The request's full address as Django builds it (scheme, host, forwarded headers, path, query)."""
    return (
        str(environ.get("wsgi.url_scheme", "")),
        str(environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"),
        str(environ.get("HTTP_X_FORWARDED_PROTO", "")),
        str(environ.get("HTTP_X_FORWARDED_HOST", "")),
        str(environ.get("SCRIPT_NAME", "")),
        str(environ.get("PATH_INFO", "")),
        str(environ.get("QUERY_STRING", "")),
    )


def answer_key(found: Variant, name: str, state: str, day: str) -> str:
    return hashlib.sha256(repr((found, name, state, day)).encode()).hexdigest()


class KeptPublicFront:
    """WSGI middleware around Django's application; see the module's docstring."""

    def __init__(self, app: front.WsgiApp) -> None:
        self.app = app
        self.recipes = front.Addresses()  # a kept page's name, scope and arguments by variant
        self.answers = front.AnswerStore()

    def __call__(self, environ: dict[str, Any], start_response: front.StartResponse) -> Any:
        found = variant(environ)
        if found is None:
            return self.app(environ, start_response)
        answer = self._recall(found)
        if answer is not None:
            return front.serve(answer, start_response)
        result, recipe, answer = front.draw(self.app, environ, start_response, kept.FRONT_RECIPE)
        if answer is not None:
            name, scope, kwargs, state, day = recipe
            self.recipes.put(found, (name, scope, kwargs))
            self.answers.put(answer_key(found, name, state, day), answer)
        return result

    def _recall(self, found: Variant) -> front.Answer | None:
        recipe = self.recipes.get(found)
        if recipe is None:
            return None
        name, scope, kwargs = recipe
        state = front.read(lambda: kept.page_state(scope, kwargs))
        if state is None:
            return None
        return self.answers.get(answer_key(found, name, state, timezone.localdate().isoformat()))
