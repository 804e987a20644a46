"""The news pages of the public site, for `caunoi publish` and the portal's sitemap.xml (registered in
`PublishingConfig.ready()`). The article pages and the bulletin PDFs are reached by links from these."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from caunoi.core.models import Office
from caunoi.publishing import public


def news_roots(office: Office | None) -> list[str]:
    """For an office: its news list, feed and bulletin archive (the national site has no news of its own)."""
    if office is None:
        return []
    return [
        reverse("news:list", args=[office.code]),
        reverse("news:feed", args=[office.code]),
        reverse("news:bulletins", args=[office.code]),
        *(
            reverse("news:page", args=[office.code, slug])
            for slug in public.public_pages(office).values_list("slug", flat=True)
        ),
    ]


def news_sitemap(office: Office) -> list[tuple[str, dt.date | None]]:
    entries: list[tuple[str, dt.date | None]] = [
        (path, None) for path in news_roots(office) if "/trang/" not in path
    ]
    for slug, updated in public.public_pages(office).values_list("slug", "updated_at"):
        entries.append((reverse("news:page", args=[office.code, slug]), timezone.localdate(updated)))
    for pk, published in public.public_articles(office).values_list("pk", "published_at"):
        day = timezone.localdate(published) if published else None
        entries.append((reverse("news:article", args=[office.code, pk]), day))
    return entries
