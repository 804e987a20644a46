"""Kept API answers served in front of Django and DRF (the production server, caunoi.wsgi), to callers with a token.

A kept answer (caunoi.api.kept) still crossed the middleware, the URL resolver and DRF's request handling —
most of an API read's cost once its answer is kept. The front serves the whole answer (status, headers,
body) Django gave, after doing for each request what DRF does before a kept answer, with the same functions:
the token is checked (`tokens.live`: unknown, revoked or an inactive owner go to Django, which refuses
them), the request is counted against the token's budget (`access.within_rate`; over it goes to Django,
which answers 429), its use recorded (`tokens.mark_used`), and the reader's marks are read afresh
(`kept.reader_in`), so that an answer is never served after the records it shows changed, nor to a reader
whose rights changed. The token, its owner's memberships, the offices' successions and every mark are read
in one statement (`read_reader`): on PostgreSQL each statement's round trip and planning cost more than the
rest of the front (3 statements: 0,82 ms of the server process's CPU and 0,54 ms of PostgreSQL's). Only plain GETs of addresses whose answer Django kept before are looked at; a request
with a session cookie or an `If-None-Match` goes to Django.
"""

from __future__ import annotations

import hashlib
from functools import cache
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import parse_cookie

from caunoi.api import access, kept
from caunoi.api.auth import KEYWORDS
from caunoi.api.models import ApiToken
from caunoi.api.tokens import live, mark_used, owner, partial, prefix_of
from caunoi.core import front, front_reader
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
        prefix = prefix_of(raw)
        read = None if prefix is None else read_reader(prefix)
        if read is None:
            return None
        token, every_mark = read
        if live(token, raw) is None:
            return None
        key = access.token_key(token)
        allowed, _seconds = access.within_rate(key)
        if not allowed:
            return None
        environ[access.ADMITTED] = key  # if Django answers after all, DRF does not count it twice
        mark_used(token)
        reader = kept.reader_in(token.user, every_mark)
        return None if reader is None else self.answers.get(answer_key(found, reader))


@cache
def _statement() -> str:
    """Token with owner, the owner's memberships, every office's succession, every mark: one statement, all
    columns text (a UNION's columns share one type; the values are parsed in `read_reader`)."""
    user_model = get_user_model()
    users, user_pk = user_model._meta.db_table, user_model._meta.pk.column
    tokens = ApiToken._meta.db_table
    flag = "CASE WHEN {} THEN '1' ELSE '0' END"
    owned = f"m.user_id = (SELECT t.user_id FROM {tokens} t WHERE t.prefix = %s)"
    return (
        f"SELECT 'token', CAST(t.id AS TEXT), CAST(t.user_id AS TEXT), t.key_hash, CAST(t.last_used_at AS TEXT), "
        f"CAST(t.revoked_at AS TEXT), {flag.format('u.is_active')} || {flag.format('u.is_superuser')} "
        f"FROM {tokens} t JOIN {users} u ON u.{user_pk} = t.user_id WHERE t.prefix = %s "
        f"UNION ALL {front_reader.parts(7, owned)}"
    )


def read_reader(prefix: str) -> tuple[ApiToken, dict[str, str]] | None:
    """The token with `prefix` (only what the front reads of it; the rest loads when read), its owner knowing
    their memberships and the successions (`permissions.remember`), and every mark (scope → token); None
    when there is no such token."""
    rows = front.fetch(_statement(), [prefix, prefix])
    token, reader = None, front_reader.ReaderRows()
    for kind, a, b, c, d, e, f in rows:
        if reader.take(kind, a, b, c):
            continue
        read = {
            "id": int(a),
            "user_id": int(b),
            "key_hash": c,
            "last_used_at": front_reader.moment(d),
            "revoked_at": front_reader.moment(e),
        }
        token = partial(ApiToken, connection.alias, read)
        token.user = owner(connection.alias, int(b), f[0] == "1", f[1] == "1")
    if token is None:
        return None
    reader.give(token.user)
    return token, reader.every_mark
