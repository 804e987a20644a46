"""The Atom feed of an office's news (django.contrib.syndication), published articles only."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from caunoi.core.models import Office
from caunoi.portal.views import office_name
from caunoi.publishing import public
from caunoi.publishing.models import Article

LATEST = 20


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, code: str) -> Office:
        return get_object_or_404(Office, code=code)

    def title(self, obj: Office) -> str:
        return f"{_('Tin tức')} — {office_name(obj)}"

    def link(self, obj: Office) -> str:
        return reverse("news:list", args=[obj.code])

    def subtitle(self, obj: Office) -> str:
        return _("Tin bài về hoạt động đối ngoại nhân dân và viện trợ")

    def items(self, obj: Office) -> list[Article]:
        return list(public.listed_articles(obj)[:LATEST])

    def item_title(self, item: Article) -> str:
        return public.shown(item).title.text

    def item_description(self, item: Article) -> str:
        return public.shown(item).summary.text

    def item_link(self, item: Article) -> str:
        return reverse("news:article", args=[item.office.code, item.pk])

    def item_guid(self, item: Article) -> str:
        # Stable whatever the host or language: the article's own page would change with either.
        return f"tag:caunoi,2026:{item.office.code}/tin-tuc/{item.pk}"

    def item_guid_is_permalink(self, item: Article) -> bool:
        return False

    def item_author_name(self, item: Article) -> str:
        return item.author

    def item_pubdate(self, item: Article) -> dt.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Article) -> dt.datetime | None:
        return item.published_at
