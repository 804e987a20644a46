"""What the public website may show of external information: published, non-archived articles only, their live
photos, and the records they are tagged with by name only where public. Every public view, the feed, the
sitemap and the bulletin archive read through here, so that the rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from caunoi.core.models import Office
from caunoi.publishing.consent import article_text, named_in
from caunoi.publishing.models import Article, ArticleImage, ArticleStatus, BulletinEntry, BulletinIssue, Page
from caunoi.publishing.services.common import today
from caunoi.relations.models import ConsentKind, Event, Person
from caunoi.relations.services.people import consents


def english() -> bool:
    return (get_language() or "vi").startswith("en")


def _published(office_ids: list[int] | None) -> QuerySet[Article]:
    found = Article.objects.filter(status=ArticleStatus.PUBLISHED, archived_at__isnull=True)
    return found if office_ids is None else found.filter(office_id__in=office_ids)


def _refusing(office_ids: list[int] | None) -> tuple[dict[int, list[Person]], dict[int, list[Person]]]:
    """Per office, the people of its directory who do not consent today to be named, and those who do not
    consent to the use of their photo (which includes the former)."""
    day = today()
    people = Person.objects.prefetch_related("consents")
    if office_ids is not None:
        people = people.filter(office_id__in=office_ids)
    no_name: dict[int, list[Person]] = {}
    no_photo: dict[int, list[Person]] = {}
    for person in people:
        if not consents(person, ConsentKind.NAME_LISTING, day):
            no_name.setdefault(person.office_id, []).append(person)
            no_photo.setdefault(person.office_id, []).append(person)
        elif not consents(person, ConsentKind.PHOTO_USE, day):
            no_photo.setdefault(person.office_id, []).append(person)
    return no_name, no_photo


def withheld(office_ids: list[int] | None) -> set[int]:
    """Published articles that name someone whose consent no longer stands today: they leave the public site.

    The services check consent at every step up to publication; a consent withdrawn after it must take the
    name off the public pages at once. A person's tag is simply not shown (`public_tags`), but a name written
    in the title, summary or body (either language) or in a live photo's caption, alt text or credit cannot be
    cut out of the text: the whole article is withheld (pages, feed, sitemap, bulletin PDF, photos) until the
    editors unpublish and correct it, or the consent is given again."""
    no_name, no_photo = _refusing(office_ids)
    if not no_photo:
        return set()
    live = ArticleImage.objects.filter(archived_at__isnull=True)
    found = set()
    articles = _published(sorted(no_photo)).prefetch_related(Prefetch("images", queryset=live))
    for article in articles.only(
        "pk", "office_id", "title", "summary", "body", "title_en", "summary_en", "body_en"
    ):
        photos = " \n ".join(f"{i.caption} \n {i.alt_text} \n {i.credit}" for i in article.images.all())
        if named_in(article_text(article), no_name.get(article.office_id, [])) or named_in(
            photos, no_photo[article.office_id]
        ):
            found.add(article.pk)
    return found


def _public(office_ids: list[int] | None) -> QuerySet[Article]:
    """Published, not archived, and naming nobody whose consent was withdrawn: never a draft, a submitted, an
    approved-not-yet-published or a taken-down one."""
    return (
        _published(office_ids).exclude(pk__in=sorted(withheld(office_ids))).order_by("-published_at", "-id")
    )


def public_articles(office: Office) -> QuerySet[Article]:
    """The office's own public articles (its article pages, photos, bulletins and sitemap entries)."""
    return _public([office.pk])


def listed_articles(office: Office) -> QuerySet[Article]:
    """The public articles an office's news lists (its home, news list and feed): its own and, as a
    successor, its predecessors' (`Office.lineage`), as its portal lists their items — each linked under its
    own office, where its page is."""
    return _public([o.pk for o in office.lineage()]).select_related("office")


def latest_everywhere(count: int) -> list[Article]:
    """The latest public articles of every office, for the national page."""
    return list(_public(None).select_related("office")[:count])


def public_pages(office: Office) -> QuerySet[Page]:
    """The office's pages shown publicly: published, not archived, and, as articles (`withheld`), naming
    nobody whose consent to be named was withdrawn since; in the office's order."""
    from caunoi.publishing.services.pages import page_text

    shown = Page.objects.filter(office=office, is_published=True, archived_at__isnull=True)
    refusing = _refusing([office.pk])[0].get(office.pk, [])
    hidden = [page.pk for page in shown if refusing and named_in(page_text(page), refusing)]
    return shown.exclude(pk__in=hidden).order_by("position", "title", "id")


def page_title(page: Page) -> Text:
    return _pick(page.title, page.title_en)


def page_body(page: Page) -> Text:
    # Safe to mark: Page.body/body_en are stored cleaned by caunoi.publishing.sanitize.clean_html (nh3).
    picked = _pick(page.body, page.body_en)
    return Text(mark_safe(picked.text), picked.lang)


def public_photos(article: Article) -> QuerySet[ArticleImage]:
    return article.images.filter(archived_at__isnull=True).order_by("position", "id")


def photo_ext(image: ArticleImage) -> str:
    return (image.file.name or "").rsplit(".", 1)[-1].lower() or "jpg"


def photo_url(image: ArticleImage) -> str:
    """The photo through the public site (never the media folder: a static copy must carry it)."""
    from django.urls import reverse

    return reverse("news:photo", args=[image.article.office.code, image.pk, photo_ext(image)])


def public_issues(office: Office) -> QuerySet[BulletinIssue]:
    """Issues with at least one public article (an issue whose articles were all taken down shows nothing)."""
    shown = BulletinEntry.objects.filter(
        issue=OuterRef("pk"), article__in=public_articles(office).values("pk")
    )
    return (
        BulletinIssue.objects.filter(office=office, archived_at__isnull=True)
        .filter(Exists(shown))
        .order_by("-issued_on", "-id")
    )


@dataclass(frozen=True)
class Text:
    """A piece of an article in the reader's language, or in Vietnamese (then marked lang="vi")."""

    text: str
    lang: str  # "" when in the page's language, else "vi"


@dataclass(frozen=True)
class Shown:
    article: Article
    title: Text
    summary: Text
    body: Text  # body.text is sanitised HTML (see `body_html`)

    @property
    def body_html(self) -> SafeString:
        # Safe only because Article.body/body_en are stored cleaned by caunoi.publishing.sanitize.clean_html
        # (nh3 allow-list): every service that writes them passes through it.
        return mark_safe(self.body.text)


def _pick(vi: str, en: str) -> Text:
    if english():
        return Text(en, "") if en.strip() else Text(vi, "vi")
    return Text(vi, "")


def shown(article: Article) -> Shown:
    return Shown(
        article,
        _pick(article.title, article.title_en),
        _pick(article.summary, article.summary_en),
        _pick(article.body, article.body_en),
    )


COMING_DAYS = 90


def coming_events(office: Office, on: dt.date, days: int = COMING_DAYS) -> QuerySet[Event]:
    """Events of the next `days` days (from `on`, both included) that a public article of the office is about.

    Events have no public mark of their own and a planned delegation or workshop is the office's internal
    business until it says otherwise: an event shows only once the office has published an article about it."""
    last = on + dt.timedelta(days=days)
    about = Article.events.through.objects.filter(article__in=public_articles(office).values("pk"))
    return Event.objects.filter(
        archived_at__isnull=True, end_on__gte=on, start_on__lte=last, pk__in=about.values("event_id")
    ).order_by("start_on", "title", "id")


def public_tags(article: Article) -> list[tuple[str, list[str]]]:
    """The tagged records a visitor may read, by name: events, partners and friendship associations, the aid
    items the office made public, and people only with their standing consent to be named."""
    from caunoi.portal.public import public_items

    tags: list[tuple[str, list[str]]] = []
    events = [e.title for e in article.events.filter(archived_at__isnull=True).order_by("title")]
    partners = sorted(
        {p.organisation.name for p in article.partnerships.select_related("organisation").all()}
    )
    associations = sorted({a.name for a in article.associations.all()})
    items = [
        (i.title_en if english() and i.title_en else i.title)
        for i in public_items(article.office).filter(pk__in=article.aid_items.values("pk")).order_by("code")
    ]
    day = today()
    people = [
        p.name
        for p in article.people.prefetch_related("consents").order_by("name")
        if consents(p, ConsentKind.NAME_LISTING, day)
    ]
    for kind, names in (("events", events), ("partners", partners), ("associations", associations)):
        if names:
            tags.append((kind, names))
    if items:
        tags.append(("aid", items))
    if people:
        tags.append(("people", people))
    return tags
