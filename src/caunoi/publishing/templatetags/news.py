"""Template helpers of the public news pages, also used by the portal's office page (latest news) and layout."""

from __future__ import annotations

from typing import Any

from django import template

from caunoi.core.models import Office
from caunoi.publishing import public
from caunoi.publishing.models import ArticleImage
from caunoi.relations.dates import vn_date

register = template.Library()
LATEST = 3


@register.inclusion_tag("publishing/public/latest.html")
def latest_news(office: Office) -> dict[str, Any]:
    """The office's latest published news (and, as a successor, its predecessors'), with links to the news
    list and the bulletin archive."""
    articles = list(public.listed_articles(office)[:LATEST])
    return {
        "office": office,
        "entries": [(public.shown(a), a, public.public_photos(a).first()) for a in articles],
    }


NATIONAL_LATEST = 6


@register.inclusion_tag("publishing/public/latest_national.html")
def latest_national_news() -> dict[str, Any]:
    """The latest public news of every office, each with its office, for the national page."""
    from caunoi.portal.views import office_name

    return {
        "entries": [
            (public.shown(a), a, public.public_photos(a).first(), office_name(a.office))
            for a in public.latest_everywhere(NATIONAL_LATEST)
        ]
    }


@register.inclusion_tag("publishing/public/coming.html")
def coming(office: Office) -> dict[str, Any]:
    """Beside the latest news: the office's coming events (those its public articles are about) and the
    anniversaries of the next 90 days, as `caunoi.relations` computes them for the staff's reminders."""
    from django.utils import timezone

    from caunoi.relations.reminders import anniversary_text, relation_anniversaries

    on = timezone.localdate()
    events = [(e, _event_article(office, e)) for e in public.coming_events(office, on)]
    # In the page's language; an occasion recorded with a Vietnamese title only is marked so.
    anniversaries = [
        (a, text, "vi" if public.english() and text == a.title else "")
        for a in relation_anniversaries([office], on, public.COMING_DAYS)
        for text in [anniversary_text(a)]
    ]
    return {"office": office, "events": events, "anniversaries": anniversaries, "english": public.english()}


def _event_article(office: Office, event: Any) -> Any:
    """The latest public article about the event, which its entry links to."""
    return public.public_articles(office).filter(events=event).first()


@register.inclusion_tag("publishing/public/_page_links.html")
def page_links(office: Office) -> dict[str, Any]:
    """The office's public pages, as items of its site's navigation."""
    return {"office": office, "pages": [(p, public.page_title(p)) for p in public.public_pages(office)]}


@register.filter
def shown_name(office: Office) -> str:
    """The office's name in the page's language."""
    from caunoi.portal.views import office_name

    return office_name(office)


@register.filter
def photo_url(image: ArticleImage) -> str:
    return public.photo_url(image)


@register.filter
def day(value: Any) -> str:
    from django.utils import timezone

    if value is None:
        return "—"
    return vn_date(
        timezone.localdate(value) if hasattr(value, "tzinfo") and hasattr(value, "hour") else value
    )
