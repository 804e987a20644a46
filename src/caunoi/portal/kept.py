"""The public site's pages kept whole, the same for every visitor, under the ledger marks of what they show.

A public page (the portal, the news, the bulletin archive) is drawn once per state of its office's records and
then served from the "pages" cache (caunoi.core.marks), kept under: its full address (host and query
included: the sitemap and the item rows print absolute addresses), the language, today's date (a consent
is read for the day, the map for today's units) and the marks of its office and of the shared data — every
office's for the national pages. Whatever a public page reads renews one of those marks (caunoi.core.marking;
tests/portal/test_kept_public_pages.py checks the SQL actually run), so an item made non-public, an article
taken down or a consent withdrawn is gone from the next answer.

Only anonymous visitors are served kept pages (a signed-in reader's page is drawn, as before), and only plain
answers are kept (GET, 200, HTML, no cookie set). The pages carry nothing of the visitor's: no CSRF token (the
language switch is a link), no session.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from caunoi.core import front, marks
from caunoi.core.models import LedgerMark, Office

View = Callable[..., HttpResponse]
# Where a kept page leaves, in the WSGI environ, what caunoi.portal.front needs to keep the whole answer: the
# page's name, scope and arguments, and the marks and day it was drawn under.
FRONT_RECIPE = "caunoi.kept_public_page"
# The offices a page shows, from the view's arguments: None for every office (the national pages).
Scope = Callable[[dict[str, Any]], list[int] | None]


def every_office(kwargs: dict[str, Any]) -> list[int] | None:
    return None


def no_office(kwargs: dict[str, Any]) -> list[int] | None:
    """A page that shows no office's records (the shared data's mark only)."""
    return []


def office_of_code(kwargs: dict[str, Any]) -> list[int] | None:
    """The office named by the address and the offices it succeeded, whose public items its portal lists
    (none for an unknown code: the page answers 404, never kept)."""
    office = Office.objects.filter(code=kwargs["code"]).first()
    return [] if office is None else [o.pk for o in office.lineage()]


def _office_tokens(code: str) -> str | None:
    """marks.tokens of the office named `code` and of its predecessors (`Office.lineage`) in one plain query
    (a kept page is served on every visitor's request: ORM queries were most of its cost), or None when a
    mark is not there yet (then the ORM path creates it)."""
    office, mark = Office._meta.db_table, LedgerMark._meta.db_table
    sql = (
        f"WITH RECURSIVE lineage(id) AS (SELECT id FROM {office} WHERE code = %s "
        f"UNION SELECT o.id FROM {office} o JOIN lineage l ON o.successor_id = l.id) "
        f"SELECT scope, token, (SELECT COUNT(*) FROM lineage) FROM {mark} WHERE scope = %s OR scope IN "
        f"(SELECT 'office:' || CAST(id AS VARCHAR(20)) FROM lineage)"
    )
    found = sorted(front.fetch(sql, [code, marks.GLOBAL]))
    if not found or len(found) != found[0][2] + 1:
        return None
    return marks.joined((s, t) for s, t, _ in found)


def page_state(scope: Scope, kwargs: dict[str, Any]) -> str:
    """The marks a page of `scope` is kept under, as they are now (caunoi.portal.front reads it too)."""
    state = _office_tokens(kwargs["code"]) if scope is office_of_code else None
    if state is None:
        offices = scope(kwargs)
        state = marks.every_token() if offices is None else marks.tokens(offices)
    return state


def page_key(request: HttpRequest, name: str, scope: Scope, kwargs: dict[str, Any]) -> str | None:
    if not (settings.KEEP_PAGES and request.method == "GET") or request.user.is_authenticated:
        return None
    state, day = page_state(scope, kwargs), timezone.localdate().isoformat()
    # For the front (caunoi.portal.front), which keeps the whole answer once it is known to be keepable.
    request.META[FRONT_RECIPE] = (name, scope, kwargs, state, day)
    return marks.key_for(f"public-{name}", state, (request.build_absolute_uri(), day))


def _keepable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
    )


def kept_public_page(name: str, scope: Scope = office_of_code) -> Callable[[View], View]:
    """Keep the view's plain anonymous answers (see the module's docstring); `name` says which page it is."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            key = page_key(request, name, scope, kwargs)
            if key is None:
                return view(request, *args, **kwargs)
            kept = marks.recall(key, "pages")
            if kept is not None:
                content_type, body = kept
                return HttpResponse(body, content_type)
            response = view(request, *args, **kwargs)
            if _keepable(response):
                marks.keep(key, (response["Content-Type"], response.content), "pages")
            else:
                request.META.pop(FRONT_RECIPE, None)
            return response

        wrapper.kept_public_page_name = name  # type: ignore[attr-defined]
        return wrapper

    return decorate
