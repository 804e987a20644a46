"""Kept staff pages answered in front of Django (the production server, caunoi.wsgi), to signed-in readers.

A kept page (caunoi.web.kept_pages) still crossed Django's whole request handling to be served: the session
and the user read with the ORM, the preferences, memberships, marks and unread count each in its own query,
fourteen middleware and the URL resolver — about 2 ms of CPU per request, most of what a staff page costs under
load once it is kept. The front keeps the whole answer (status, headers, body with the CSRF token taken out)
Django gave for a kept page, and serves it again for a request it can check exactly as Django would, with
Django's own functions on rows read in one statement (`read_reader`):

- the session: its row unexpired (Django's rule, `expire_date` after now), its data decoded by the session
  engine (a bad signature is an empty session), signed in with the model backend by the user the front
  expected, the session's hash equal to the user's `get_session_auth_hash()` (a changed password signs every
  session out), nothing waiting in it (no message, no password change required);
- the user active (what `ModelBackend.get_user` requires);
- the CSRF cookie a well-formed secret (else Django makes a new one), the page's token masked from it by
  Django's `_mask_cipher_secret` and the cookie renewed as Django renews it on every page with a form;
- the language and text size by `middleware.chosen`, the reader's roles and marks by `permissions.remember`
  and `marks.reader_state_in`, the bell's count by `unread_sql`, and the page's key by `kept_pages.key_of`:
  the same key Django keeps the page under, so a page is never served after the records it shows changed,
  nor to a reader whose rights, name, notifications or preferences changed.

Anything else — no session or CSRF cookie, a messages cookie, another method, an address whose answer Django
never kept, a session the front did not see Django accept, a missing mark — goes to Django.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.contrib.sessions.models import Session
from django.db import connection
from django.http import HttpRequest, HttpResponse, parse_cookie
from django.middleware.csrf import CSRF_SECRET_LENGTH, CsrfViewMiddleware, InvalidTokenFormat
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare

from caunoi.api.tokens import partial
from caunoi.core import front, front_reader, marks
from caunoi.notify.services import remember_unread, unread_params, unread_sql
from caunoi.portal.front import address
from caunoi.web import kept_pages
from caunoi.web.middleware import MUST_CHANGE_PASSWORD, PREFERENCES_SQL, chosen

# Django's own CSRF rules (the format of a cookie, a token masked from it, the cookie set), private to its
# module and not in its type stubs: the front must do exactly what Django does.
csrf: Any = import_module("django.middleware.csrf")
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
DB_SESSIONS = "django.contrib.sessions.backends.db"
Variant = tuple[str, ...]


def request_of(environ: dict[str, Any]) -> tuple[Variant, str, str, str] | None:
    """The request's variant, session key, CSRF secret and language cookie; None when the front may not
    answer it."""
    if environ.get("REQUEST_METHOD") != "GET" or settings.SESSION_ENGINE != DB_SESSIONS:
        return None
    if settings.CSRF_USE_SESSIONS:
        return None
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    session, secret = cookies.get(settings.SESSION_COOKIE_NAME), cookies.get(settings.CSRF_COOKIE_NAME)
    if not session or not secret or CookieStorage.cookie_name in cookies:
        return None
    try:
        csrf._check_token_format(secret)
    except InvalidTokenFormat:
        return None
    if len(secret) != CSRF_SECRET_LENGTH:  # an old masked cookie: Django sets a new one
        return None
    return address(environ), session, secret, cookies.get(settings.LANGUAGE_COOKIE_NAME, "")


class KeptStaffFront:
    """WSGI middleware around Django's application; see the module's docstring."""

    def __init__(self, app: front.WsgiApp) -> None:
        self.app = app
        self.recipes = front.Addresses()  # a kept page's name and full path by variant
        self.sessions = front.Addresses()  # the user Django signed in by each session seen
        self.answers = front.AnswerStore()

    def __call__(self, environ: dict[str, Any], start_response: front.StartResponse) -> Any:
        asked = request_of(environ)
        if asked is None:
            return self.app(environ, start_response)
        found, session, secret, cookie = asked
        recipe, signed = self.recipes.get(found), self.sessions.get(session)
        if recipe is not None and signed is not None:
            (name, full_path), user_pk = recipe, int(signed)
            answer = front.read(lambda: self._recall(name, full_path, session, user_pk, secret, cookie))
            if answer is not None:
                return front.serve(answer, start_response)
        result, kept, answer = front.draw(
            self.app, environ, start_response, kept_pages.FRONT_RECIPE, renewed=csrf_renewal(secret)
        )
        if answer is not None:
            name, full_path, user_pk, key = kept
            self.recipes.put(found, (name, full_path))
            self.sessions.put(session, user_pk)
            status, headers, body = answer
            self.answers.put(key, (status, headers, kept_pages.with_placeholder(body)))
        return result

    def _recall(
        self, name: str, full_path: str, session: str, user_pk: int, secret: str, cookie: str
    ) -> front.Answer | None:
        read = read_reader(session, user_pk)
        if read is None:
            return None
        user, saved, every_mark = read
        language, text_size = chosen(saved, cookie)
        with translation.override(language):
            found = marks.reader_state_in(user, every_mark)
            if found is None:
                return None
            key = kept_pages.key_of(name, full_path, text_size, user, *found)
        kept = self.answers.get(key)
        if kept is None:
            return None
        status, headers, body = kept
        body = kept_pages.with_token(body, csrf._mask_cipher_secret(secret))
        return status, (*headers, csrf_renewal(secret)), body


def csrf_renewal(secret: str) -> tuple[str, str]:
    """The Set-Cookie header Django sends on a page that shows a CSRF token (it renews the cookie's age), made
    by Django's own CsrfViewMiddleware."""
    request, response = HttpRequest(), HttpResponse()
    request.META["CSRF_COOKIE"] = secret
    middleware: Any = CsrfViewMiddleware(lambda r: response)
    middleware._set_csrf_cookie(request, response)
    return "Set-Cookie", response.cookies[settings.CSRF_COOKIE_NAME].OutputString()


@cache
def _statement() -> str:
    """The session, its user, their preferences and unread count, their memberships, every office's
    succession and every mark: one statement, all columns text (parsed in `read_reader`)."""
    user_model = get_user_model()
    users, user_pk = user_model._meta.db_table, user_model._meta.pk.column
    flag = "CASE WHEN {} THEN '1' ELSE '0' END"
    return (
        f"SELECT 'session', session_data, CAST(expire_date AS TEXT), NULL, NULL FROM {Session._meta.db_table} "
        f"WHERE session_key = %s "
        f"UNION ALL SELECT 'user', CAST({user_pk} AS TEXT), password, {user_model.USERNAME_FIELD}, "
        f"{flag.format('is_active')} || {flag.format('is_superuser')} FROM {users} WHERE {user_pk} = %s "
        f"UNION ALL SELECT 'saved', language, CAST(text_size AS TEXT), NULL, NULL FROM ({PREFERENCES_SQL}) p "
        f"UNION ALL SELECT 'unread', CAST(({unread_sql()}) AS TEXT), NULL, NULL, NULL "
        f"UNION ALL {front_reader.parts(5, 'm.user_id = %s')}"
    )


def read_reader(session_key: str, user_pk: int) -> tuple[Any, tuple[str, int] | None, dict[str, str]] | None:
    """The user `user_pk` signed in by the session `session_key`, as Django's session and authentication
    middleware would find them (see the module's docstring), knowing their memberships, the successions and
    their unread count; their saved preferences; every mark. None when Django must answer."""
    rows = front.fetch(_statement(), [session_key, user_pk, user_pk, *unread_params(user_pk), user_pk])
    session = user = saved = None
    unread, reader = 0, front_reader.ReaderRows()
    for kind, a, b, c, d in rows:
        if reader.take(kind, a, b, c):
            continue
        if kind == "session":
            session = (a, front_reader.moment(b))
        elif kind == "user":
            user = (int(a), b, c, d)
        elif kind == "saved":
            saved = (a, int(b))
        else:
            unread = int(a)
    if session is None or user is None or not signed_in(session[0], session[1], user):
        return None
    pk, password, username, flags = user
    model = get_user_model()
    read = {model._meta.pk.attname: pk, "password": password, model.USERNAME_FIELD: username}
    found = partial(model, connection.alias, {**read, "is_active": True, "is_superuser": flags[1] == "1"})
    reader.give(found)
    remember_unread(found, unread)
    return found, saved, reader.every_mark


def signed_in(data: str, expires: Any, user: tuple[int, str, str, str]) -> bool:
    """Whether the session's data (expiring at `expires`) signs `user` in with nothing waiting in it."""
    if expires is None or expires <= timezone.now():
        return False
    pk, password, _username, flags = user
    if flags[0] != "1":
        return False
    content = _store().decode(data)
    if content.get(SESSION_KEY) != str(pk) or content.get(BACKEND_SESSION_KEY) != MODEL_BACKEND:
        return False
    if MODEL_BACKEND not in settings.AUTHENTICATION_BACKENDS:
        return False
    if content.get(MUST_CHANGE_PASSWORD) or SessionStorage.session_key in content:
        return False
    model = get_user_model()
    expected = partial(model, connection.alias, {"password": password}).get_session_auth_hash()
    return constant_time_compare(content.get(HASH_SESSION_KEY) or "", expected)


@cache
def _store() -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore()
