"""Pages the office edits (about the union, leadership, contacts, any other): create, change, publish, unpublish.

Who may do what, as with articles: an editor (Action.EDIT) writes and changes a page that is not public; what
the public reads is the leadership's to decide (Action.DECIDE): publishing a page, taking it down, and any
change to a page while it is public. Every change is kept in the page's history with who made it.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, can
from caunoi.core.text import fold, nfc
from caunoi.publishing import consent
from caunoi.publishing import messages as m
from caunoi.publishing.models import Page
from caunoi.publishing.sanitize import clean_html, plain_text
from caunoi.publishing.services.common import not_archived, required_text, today

FIELDS = ("slug", "title", "title_en", "body", "body_en", "position")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _slug(value: str | None, title: str) -> str:
    slug = (value or "").strip() or slugify(fold(title))[:60].strip("-")
    if not SLUG.fullmatch(slug) or len(slug) > 60:
        raise m.PAGE_SLUG_INVALID(field="slug", slug=slug)
    return slug


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    title = required_text(fields.get("title"), pgettext_lazy("in a rule message", "tiêu đề"), "title")
    return {
        "slug": _slug(fields.get("slug"), title),
        "title": title,
        "title_en": nfc(fields.get("title_en")),
        "body": clean_html(nfc(fields.get("body"))),
        "body_en": clean_html(nfc(fields.get("body_en"))),
        "position": int(fields.get("position") or 0),
    }


def page_text(page: Page) -> str:
    return " \n ".join([page.title, plain_text(page.body), page.title_en, plain_text(page.body_en)])


def _check(page: Page) -> None:
    taken = Page.objects.filter(office_id=page.office_id, slug=page.slug).exclude(pk=page.pk)
    if taken.exists():
        raise m.PAGE_SLUG_TAKEN(field="slug", slug=page.slug)
    # A page names people as an article does: only those who consented to be named.
    consent.check_named(consent.named_in(page_text(page), consent.directory(page.office_id)), today(), "body")


@transaction.atomic
def create_page(
    office: Office,
    *,
    title: str,
    slug: str = "",
    title_en: str = "",
    body: str = "",
    body_en: str = "",
    position: int = 0,
    actor: Actor,
) -> Page:
    """A new page, not yet public."""
    authorize(actor, Action.EDIT, office)
    fields = _clean(
        {
            "slug": slug,
            "title": title,
            "title_en": title_en,
            "body": body,
            "body_en": body_en,
            "position": position,
        }
    )
    page = Page(office=office, **fields)
    _check(page)
    audit.save(page, actor)
    return page


def _decide_if_public(page: Page, actor: Actor) -> None:
    authorize(actor, Action.EDIT, page.office)
    if page.is_published and not can(actor, Action.DECIDE, page.office):
        raise m.PAGE_PUBLISHED_NEEDS_DECIDE(field=None, title=page.title)


@transaction.atomic
def update_page(page: Page, *, actor: Actor, **changes: Any) -> Page:
    """Change the texts, the address or the order (of a public page: the leadership only)."""
    _decide_if_public(page, actor)
    not_archived(page)
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    fields = {name: getattr(page, name) for name in FIELDS}
    fields.update(changes)
    for name, value in _clean(fields).items():
        setattr(page, name, value)
    _check(page)
    audit.save(page, actor)
    return page


@transaction.atomic
def set_published(page: Page, published: bool, *, actor: Actor) -> Page:
    """Show the page on the public site, or take it down (the leadership decides)."""
    authorize(actor, Action.DECIDE, page.office)
    not_archived(page)
    if published:
        _check(page)
    page.is_published = published
    audit.save(page, actor, reason="published" if published else "unpublished")
    return page
