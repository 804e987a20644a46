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
    """The office's latest published news, with links to the news list and the bulletin archive."""
    articles = list(public.public_articles(office)[:LATEST])
    return {
        "office": office,
        "entries": [(public.shown(a), a, public.public_photos(a).first()) for a in articles],
    }


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
