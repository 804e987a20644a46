"""Pages the office edits on its public website (about the union, its leadership, how to reach it, any other),
each in Vietnamese and English. A page shows publicly only while published and not archived
(`caunoi.publishing.public.public_pages`); every change is kept in its history."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned


class Page(OfficeOwned):
    slug = models.SlugField(_("đường dẫn"), max_length=60)
    title = models.CharField(_("tiêu đề"), max_length=200)
    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=200, blank=True)
    body = models.TextField(_("nội dung"), blank=True)  # HTML, sanitised by caunoi.publishing.sanitize
    body_en = models.TextField(_("nội dung tiếng Anh"), blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_published = models.BooleanField(_("đang công khai"), default=False)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")
        ordering = ["office", "position", "title", "id"]
        constraints = [models.UniqueConstraint(fields=["office", "slug"], name="page_slug_once_per_office")]

    def __str__(self) -> str:
        return self.title
