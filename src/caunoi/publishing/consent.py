"""Consent before a person appears: the rule of external information, enforced by the services.

- Tagging a person (Article.people) needs their consent to be named (ConsentKind.NAME_LISTING) standing on the
  day of the change; it is checked again when the article is submitted, approved and published, since a
  consent can be withdrawn in between.
- A name of the office's people directory written in the article's title, summary or body (either language)
  needs the same consent.
- A name of the directory written in a photo caption needs the person to be tagged on the article and to
  have consented to the use of their photo (ConsentKind.PHOTO_USE).
Names are matched whole, case-insensitively, on NFC text; people never recorded in the directory cannot be
checked, which is why the editor tags whoever appears.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from caunoi.publishing import messages as m
from caunoi.publishing.models import Article
from caunoi.publishing.sanitize import plain_text
from caunoi.relations.dates import vn_date
from caunoi.relations.models import ConsentKind, Person
from caunoi.relations.services.people import consents


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def named_in(text: str, people: Iterable[Person]) -> list[Person]:
    """The people whose full name the text contains as whole words."""
    haystack = _norm(text)
    found = []
    for person in people:
        name = _norm(person.name.strip())
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", haystack):
            found.append(person)
    return found


def directory(office_id: int) -> list[Person]:
    return list(Person.objects.filter(office_id=office_id).prefetch_related("consents"))


def check_named(people: Iterable[Person], on: dt.date, field: str = "people") -> None:
    for person in people:
        if not consents(person, ConsentKind.NAME_LISTING, on):
            raise m.NO_CONSENT_NAME(field=field, name=person.name, on=vn_date(on))


def check_caption(caption: str, tagged: Iterable[Person], office_id: int, on: dt.date) -> None:
    tagged_ids = {p.pk for p in tagged}
    for person in named_in(caption, directory(office_id)):
        if person.pk not in tagged_ids:
            raise m.CAPTION_NOT_TAGGED(field="caption", name=person.name)
        if not consents(person, ConsentKind.PHOTO_USE, on):
            raise m.NO_CONSENT_PHOTO(field="caption", name=person.name, on=vn_date(on))


def article_text(article: Article) -> str:
    """Everything the article says in words, both languages, without markup."""
    parts = [article.title, article.summary, plain_text(article.body)]
    parts += [article.title_en, article.summary_en, plain_text(article.body_en)]
    return " \n ".join(parts)


def check_article(article: Article, on: dt.date) -> None:
    """Every person the article names, tags or shows consented, on `on`."""
    tagged = list(article.people.prefetch_related("consents"))
    check_named(tagged, on)
    check_named(named_in(article_text(article), directory(article.office_id)), on, field="body")
    for image in article.images.filter(archived_at__isnull=True):
        check_caption(image.caption, tagged, article.office_id, on)
