"""Kept API answers served in front of Django and DRF (the production server, caunoi.wsgi), to callers with a token.

A kept answer (caunoi.api.kept) still crossed the middleware, the URL resolver and DRF's request handling —
most of an API read's cost once its answer is kept. The front serves the whole answer (status, headers,
body) Django gave, after doing for each request what DRF does before a kept answer, with the same functions:
the token is looked up (`tokens.find_token`: unknown, revoked or an inactive owner go to Django, which
refuses them), the request is counted against the token's budget (`access.within_rate`; over it goes to
Django, which answers 429), its use recorded (`tokens.mark_used`), and the reader's marks are read afresh
(`kept.reader_of`), so that an answer is never served after the records it shows changed, nor to a reader
whose rights changed. Only plain GETs of addresses whose answer Django kept before are looked at; a request
with a session cookie or an `If-None-Match` goes to Django.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.http import parse_cookie

from caunoi.api import access, kept
from caunoi.api.auth import KEYWORDS
from caunoi.api.tokens import find_token, mark_used
from caunoi.core import front
from caunoi.portal.front import address

PREFIX = "/api/"
Variant = tuple[str, ...]


def request_of(environ: dict[str, Any]) -> tuple[Variant, str] | None:
    """What an answer can depend on besides its reader, and the raw token; None when the front may not
    answer this request."""
    if environ.get("REQUEST_METHOD") != "GET" or not str(environ.get("PATH_INFO", "")).startswith(PREFIX):
        return None
    if environ.get("HTTP_IF_NONE_MATCH"):
        return None
    credentials = str(environ.get("HTTP_AUTHORIZATION", "")).split()
    if len(credentials) != 2 or credentials[0].lower() not in KEYWORDS:
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    if cookies.get(settings.SESSION_COOKIE_NAME):
        return None
    found = (
        *address(environ),
        str(environ.get("HTTP_ACCEPT", "")),
        cookies.get(settings.LANGUAGE_COOKIE_NAME, ""),
    )
    return found, credentials[1]


def answer_key(found: Variant, reader: kept.Reader) -> str:
    return hashlib.sha256(repr((found, reader)).encode()).hexdigest()


class KeptApiFront:
    """WSGI middleware around Django's application; see the module's docstring."""

    def __init__(self, app: front.WsgiApp) -> None:
        self.app = app
        self.known = front.Addresses()  # the variants with a kept answer (for some reader)
        self.answers = front.AnswerStore()

    def __call__(self, environ: dict[str, Any], start_response: front.StartResponse) -> Any:
        asked = request_of(environ)
        if asked is None:
            return self.app(environ, start_response)
        found, raw = asked
        if self.known.get(found):
            answer = front.read(lambda: self._recall(found, raw, environ))
            if answer is not None:
                return front.serve(answer, start_response)
        result, reader, answer = front.draw(self.app, environ, start_response, kept.FRONT_RECIPE)
        if answer is not None:
            self.known.put(found, True)
            self.answers.put(answer_key(found, reader), answer)
        return result

    def _recall(self, found: Variant, raw: str, environ: dict[str, Any]) -> front.Answer | None:
        token = find_token(raw)
        if token is None:
            return None
        key = access.token_key(token)
        allowed, _seconds = access.within_rate(key)
        if not allowed:
            return None
        environ[access.ADMITTED] = key  # if Django answers after all, DRF does not count it twice
        mark_used(token)
        return self.answers.get(answer_key(found, kept.reader_of(token.user)))
