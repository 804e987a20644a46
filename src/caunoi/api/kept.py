"""API answers kept whole per reader and state of the records, as the web keeps its pages
(caunoi.web.kept_pages): reading an aid item or a page of a list again costs a lookup, not the queries and
the serialisation.

An answer is kept under its address with the query string, the language, the reader (id, superuser flag,
every membership with its role), today's date and the ledger marks of every office the reader may read and
of the shared data (`caunoi.core.marks.reader_state`). A change to any record it shows touches one of those
marks, so a kept answer is never served after the records changed. Authentication, the permission check and
the throttle run before the lookup, as for any request: a revoked token or a spent budget is refused, kept
answer or not. Only GET answers of 200 are kept, with their ETag. Views opt in with `keep_answers`; each one
is checked to read only marked tables (tests/api/test_kept_answers.py).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from rest_framework.request import Request

from caunoi.core import marks

STORE = "pages"
# Where a kept answer leaves, in the WSGI environ, the reader it was computed for (caunoi.api.front).
FRONT_RECIPE = "caunoi.kept_api_answer"
Reader = tuple[tuple[Any, ...], str, str]


def reader_of(user: Any) -> Reader:
    """Who reads, as far as a kept answer goes: id, superuser flag and roles by office; the marks of what they
    may read; today's date."""
    return _reader(user, marks.reader_state(user))


def reader_in(user: Any, every_mark: dict[str, str]) -> Reader | None:
    """`reader_of(user)` from every mark as the caller read it (caunoi.api.front); None when a mark is
    missing."""
    found = marks.reader_state_in(user, every_mark)
    return None if found is None else _reader(user, found)


def _reader(user: Any, found: tuple[str, list[tuple[int, str]]]) -> Reader:
    state, roles = found
    return (user.pk, user.is_superuser, tuple(roles)), state, timezone.localdate().isoformat()


def answer_key(request: Request, name: str) -> str | None:
    """The key of the answer this request asks for, or None when it must be computed afresh."""
    user = request.user
    if not (settings.KEEP_PAGES and request.method == "GET" and user and user.is_authenticated):
        return None
    reader, state, day = found = reader_of(user)
    request.META[FRONT_RECIPE] = found
    return marks.key_for(f"api-{name}", state, (request.get_full_path(), reader, day))


def recall(key: str) -> HttpResponse | None:
    kept = marks.recall(key, STORE)
    if kept is None:
        return None
    content_type, etag, body = kept
    response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    return response


def keep(key: str, response: Any) -> None:
    marks.keep(key, (response["Content-Type"], response["ETag"], response.content), STORE)
