"""Articles: write, tag, and take through draft → submitted → approved → published (→ unpublished)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.publishing import consent
from caunoi.publishing import messages as m
from caunoi.publishing.models import Article, ArticleStatus, Placement
from caunoi.publishing.sanitize import clean_html
from caunoi.publishing.services.channels import own_site
from caunoi.publishing.services.common import not_archived, required_text, today
from caunoi.relations.models import Person

S = ArticleStatus
TEXT_FIELDS = ("title", "summary", "body", "title_en", "summary_en", "body_en", "author")
TAGS = ("events", "partnerships", "agreements", "associations", "aid_items", "people")
STEP_NAMES = {
    "submit": pgettext_lazy("in a rule message", "trình duyệt"),
    "approve": pgettext_lazy("in a rule message", "duyệt"),
    "return": pgettext_lazy("in a rule message", "trả lại"),
    "publish": pgettext_lazy("in a rule message", "đăng"),
    "unpublish": pgettext_lazy("in a rule message", "gỡ bài"),
}


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": required_text(fields.get("title"), pgettext_lazy("in a rule message", "tiêu đề"), "title"),
        "summary": nfc(fields.get("summary")),
        "body": clean_html(nfc(fields.get("body"))),
        "title_en": nfc(fields.get("title_en")),
        "summary_en": nfc(fields.get("summary_en")),
        "body_en": clean_html(nfc(fields.get("body_en"))),
        "author": required_text(
            fields.get("author"), pgettext_lazy("in a rule message", "tác giả"), "author"
        ),
    }


@transaction.atomic
def create_article(
    office: Office,
    *,
    title: str,
    author: str,
    summary: str = "",
    body: str = "",
    title_en: str = "",
    summary_en: str = "",
    body_en: str = "",
    actor: Actor,
) -> Article:
    authorize(actor, Action.EDIT, office)
    fields = _clean(
        {
            "title": title,
            "summary": summary,
            "body": body,
            "title_en": title_en,
            "summary_en": summary_en,
            "body_en": body_en,
            "author": author,
        }
    )
    article = Article(office=office, **fields)
    consent.check_named(
        consent.named_in(consent.article_text(article), consent.directory(office.pk)), today(), "body"
    )
    audit.save(article, actor)
    return article


def _back_to_draft(article: Article) -> None:
    """A change after submission needs a new approval: the article returns to draft."""
    article.status = S.DRAFT
    article.approved_at = None
    article.approved_by = None


@transaction.atomic
def update_article(article: Article, *, actor: Actor, **changes: Any) -> Article:
    """Change the texts; a submitted, approved or unpublished article returns to draft, a published one is
    refused (unpublish it first, with a reason)."""
    authorize(actor, Action.EDIT, article.office)
    not_archived(article)
    unknown = set(changes) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if article.status == S.PUBLISHED:
        raise m.PUBLISHED_LOCKED(title=article.title)
    fields = {name: getattr(article, name) for name in TEXT_FIELDS}
    fields.update(changes)
    cleaned = _clean(fields)
    changed = any(cleaned[name] != getattr(article, name) for name in TEXT_FIELDS)
    for name, value in cleaned.items():
        setattr(article, name, value)
    # Only the words are checked here: an edit that takes a name out must stay possible when a consent was
    # withdrawn; tags and captions are checked again on submission.
    consent.check_named(
        consent.named_in(consent.article_text(article), consent.directory(article.office_id)), today(), "body"
    )
    if changed and article.status != S.DRAFT:
        _back_to_draft(article)
    audit.save(article, actor)
    return article


def _check_links(article: Article, field: str, records: list[models.Model], current: set[int]) -> None:
    for record in records:
        ensure_same_office(record, article.office, field)
        if record.pk not in current:
            not_archived(record)


@transaction.atomic
def set_tags(article: Article, *, actor: Actor, **tags: Iterable[models.Model]) -> Article:
    """Replace the records the article is about (only the kinds given): events, partnerships, agreements,
    associations, aid_items, people. A person needs their consent to be named."""
    authorize(actor, Action.EDIT, article.office)
    not_archived(article)
    unknown = set(tags) - set(TAGS)
    if unknown:
        raise TypeError(f"not a tag: {sorted(unknown)}")
    chosen = {name: list(dict.fromkeys(records)) for name, records in tags.items()}
    for name, records in chosen.items():
        current = set(getattr(article, name).values_list("pk", flat=True))
        _check_links(article, name, records, current)
    if "people" in chosen:
        consent.check_named([p for p in chosen["people"] if isinstance(p, Person)], today())
    for name, records in chosen.items():
        getattr(article, name).set(records)
    audit.save(article, actor, reason="tags")
    return article


def _reason(text: str, step: str) -> str:
    reason = nfc(text)
    if not reason:
        raise m.REASON_REQUIRED(field="reason", step=STEP_NAMES[step])
    return reason


def _step(article: Article, step: str, allowed: tuple[str, ...]) -> None:
    not_archived(article)
    if article.status not in allowed:
        raise m.WRONG_STEP(
            field="status", title=article.title, status=S(article.status).label, step=STEP_NAMES[step]
        )


@transaction.atomic
def submit(article: Article, *, actor: Actor) -> Article:
    authorize(actor, Action.EDIT, article.office)
    _step(article, "submit", (S.DRAFT, S.UNPUBLISHED))
    consent.check_article(article, today())
    article.status = S.SUBMITTED
    article.submitted_at = timezone.now()
    article.submitted_by = history_user(actor)
    article.returned_reason = ""
    audit.save(article, actor, reason="submitted")
    return article


@transaction.atomic
def approve(article: Article, *, actor: Actor) -> Article:
    authorize(actor, Action.DECIDE, article.office)
    _step(article, "approve", (S.SUBMITTED,))
    consent.check_article(article, today())
    article.status = S.APPROVED
    article.approved_at = timezone.now()
    article.approved_by = history_user(actor)
    audit.save(article, actor, reason="approved")
    return article


@transaction.atomic
def return_to_draft(article: Article, reason: str, *, actor: Actor) -> Article:
    """The approver sends a submitted (or approved, not yet published) article back, saying why."""
    authorize(actor, Action.DECIDE, article.office)
    _step(article, "return", (S.SUBMITTED, S.APPROVED))
    article.returned_reason = _reason(reason, "return")
    _back_to_draft(article)
    audit.save(article, actor, reason="returned")
    return article


@transaction.atomic
def publish(article: Article, *, actor: Actor) -> Article:
    """Publish an approved article: it is placed on the office's own site that day, by itself."""
    authorize(actor, Action.DECIDE, article.office)
    _step(article, "publish", (S.APPROVED,))
    day = today()
    consent.check_article(article, day)
    article.status = S.PUBLISHED
    article.published_at = timezone.now()
    article.published_by = history_user(actor)
    article.unpublished_at = None
    article.unpublished_by = None
    article.unpublish_reason = ""
    audit.save(article, actor, reason="published")
    site = own_site(article.office, actor=actor)
    already = article.placements.filter(channel=site, appeared_on=day, archived_at__isnull=True).exists()
    if not already:
        audit.save(Placement(article=article, channel=site, appeared_on=day, automatic=True), actor)
    return article


@transaction.atomic
def unpublish(article: Article, reason: str, *, actor: Actor) -> Article:
    """Take a published article down, saying why. Its placements stay: it did appear there."""
    authorize(actor, Action.DECIDE, article.office)
    _step(article, "unpublish", (S.PUBLISHED,))
    article.unpublish_reason = _reason(reason, "unpublish")
    article.status = S.UNPUBLISHED
    article.unpublished_at = timezone.now()
    article.unpublished_by = history_user(actor)
    audit.save(article, actor, reason="unpublished")
    return article
