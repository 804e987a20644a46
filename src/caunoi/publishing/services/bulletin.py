"""Bulletin issues: a number, a date, an editorial board, and published articles in a chosen order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.publishing import messages as m
from caunoi.publishing.models import Article, ArticleStatus, BulletinEntry, BulletinIssue
from caunoi.publishing.models.bulletin import DEFAULT_BULLETIN_TITLE
from caunoi.publishing.services.common import not_archived, required_text


def _lines(text: str | None) -> str:
    return "\n".join(line.strip() for line in nfc(text).splitlines() if line.strip())


@transaction.atomic
def create_issue(
    office: Office,
    number: str,
    issued_on: dt.date,
    *,
    editorial_board: str = "",
    contacts: str = "",
    title: str = DEFAULT_BULLETIN_TITLE,
    actor: Actor,
) -> BulletinIssue:
    authorize(actor, Action.EDIT, office)
    clean = required_text(number, pgettext_lazy("in a rule message", "số bản tin"), "number")
    if BulletinIssue.objects.filter(office=office, number=clean).exists():
        raise m.BULLETIN_NUMBER_TAKEN(field="number", number=clean)
    issue = BulletinIssue(
        office=office,
        number=clean,
        issued_on=issued_on,
        title=nfc(title) or DEFAULT_BULLETIN_TITLE,
        editorial_board=_lines(editorial_board),
        contacts=_lines(contacts),
    )
    audit.save(issue, actor)
    return issue


@transaction.atomic
def update_issue(
    issue: BulletinIssue,
    *,
    issued_on: dt.date,
    editorial_board: str = "",
    contacts: str = "",
    title: str = DEFAULT_BULLETIN_TITLE,
    actor: Actor,
) -> BulletinIssue:
    authorize(actor, Action.EDIT, issue.office)
    not_archived(issue)
    issue.issued_on = issued_on
    issue.title = nfc(title) or DEFAULT_BULLETIN_TITLE
    issue.editorial_board = _lines(editorial_board)
    issue.contacts = _lines(contacts)
    audit.save(issue, actor)
    return issue


@transaction.atomic
def set_articles(issue: BulletinIssue, articles: Sequence[Article], *, actor: Actor) -> list[BulletinEntry]:
    """The issue's articles, in this order: published articles of the issue's office, each once."""
    authorize(actor, Action.EDIT, issue.office)
    not_archived(issue)
    seen: set[int] = set()
    for article in articles:
        ensure_same_office(article, issue.office, "articles")
        not_archived(article)
        if article.status != ArticleStatus.PUBLISHED:
            raise m.NOT_PUBLISHED(field="articles", title=article.title)
        if article.pk in seen:
            raise m.BULLETIN_DUPLICATE(field="articles", title=article.title)
        seen.add(article.pk)
    for entry in issue.entries.all():
        audit.delete(entry, actor, reason="issue recomposed")
    entries = []
    for position, article in enumerate(articles, start=1):
        entry = BulletinEntry(issue=issue, article=article, position=position)
        audit.save(entry, actor)
        entries.append(entry)
    audit.save(issue, actor, reason="articles")
    return entries
