"""Whole pages kept per reader and state of the records, so that reading a page again costs a lookup.

A page is kept under everything it is drawn from: its address with the query string, the language and text
size, the user (name, superuser flag, every membership with its role, the unread notifications its bell
counts), today's date (forms default to it,
reminders count from it) and the ledger marks of every office the user may read and of the shared data
(caunoi.core.marks). A change to any record the page shows touches one of those marks, so a kept page is
never served after the records changed; a new membership or role changes the key itself, so a page is never
served to a reader who could not have seen it.

Only plain answers are kept: GET, signed in, 200, HTML, no message shown, nothing written to the session.
The CSRF tokens in a kept page belong to the session that drew it; they are replaced by a placeholder when
the page is kept and by the reader's own token when it is served. Pages live in settings.CACHES["pages"],
apart from the reports, under keys that also name the version of the code (`marks.key_for`).

Not marked: user accounts (every sign-in saves one). A renamed user keeps the old name as the actor of
status changes on kept item pages until the office's records next change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from caunoi.core import marks
from caunoi.notify.services import unread_count

PLACEHOLDER = b"caunoi-kept-csrf-token"
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')

View = Callable[..., HttpResponse]
# Where a kept page leaves, in the WSGI environ, what caunoi.web.front needs to keep the whole answer: the
# page's name, its full path as Django read it, the reader's id and the page's key.
FRONT_RECIPE = "caunoi.kept_staff_page"


def page_key(request: HttpRequest, name: str) -> str | None:
    """The key of the page this request asks for, or None when it must be drawn afresh."""
    user = request.user
    if not (settings.KEEP_PAGES and request.method == "GET" and user.is_authenticated):
        return None
    if len(get_messages(request)):  # a message waits to be shown once, on this page
        return None
    state, roles = marks.reader_state(user)
    full_path = request.get_full_path()
    key = key_of(name, full_path, getattr(request, "text_size", None), user, state, roles)
    # For the front (caunoi.web.front), which keeps the whole answer once it is known to be keepable.
    request.META[FRONT_RECIPE] = (name, full_path, user.pk, key)
    return key


def key_of(name: str, full_path: str, text_size: Any, user: Any, state: str, roles: Any) -> str:
    """The key of page `name` at `full_path` for `user` reading under `state` with `roles`
    (`marks.reader_state`), in the active language."""
    # The header's bell shows the unread count: a new or read notification is a new page.
    reader = (user.pk, user.get_username(), user.is_superuser, roles, unread_count(user))
    page = (full_path, text_size, reader, timezone.localdate().isoformat())
    return marks.key_for(f"page-{name}", state, page)


def with_placeholder(body: bytes) -> bytes:
    """A page's body with its CSRF tokens (the session's that drew it) replaced by the placeholder."""
    return CSRF_INPUT.sub(rb"\1" + PLACEHOLDER + rb"\2", body)


def with_token(body: bytes, token: str) -> bytes:
    """A kept body with the reader's own CSRF token in place of the placeholder."""
    return body.replace(PLACEHOLDER, token.encode())


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not getattr(request.session, "modified", False)
        and not len(get_messages(request))
    )


def kept_page(name: str) -> Callable[[View], View]:
    """Keep the view's plain answers (see the module's docstring); `name` says which page it is."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            key = page_key(request, name)
            if key is None:
                return view(request, *args, **kwargs)
            kept = marks.recall(key, "pages")
            if kept is not None:
                content_type, body = kept
                return HttpResponse(with_token(body, get_token(request)), content_type)
            response = view(request, *args, **kwargs)
            if _keepable(request, response):
                marks.keep(key, (response["Content-Type"], with_placeholder(response.content)), "pages")
            else:
                request.META.pop(FRONT_RECIPE, None)
            return response

        # Which page it keeps, for whatever finds the kept views among the URLs (functools.wraps carries the
        # attribute out through login_required).
        wrapper.kept_page_name = name  # type: ignore[attr-defined]
        return wrapper

    return decorate
