"""Where articles appear: the channels an office keeps (its own site, portals, newspapers, magazines) and each
article's placements on them. The annual report counts placements per channel."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned


class Channel(OfficeOwned):
    name = models.CharField(_("tên kênh"), max_length=300)
    # The union's own site: publishing an article places it there by itself.
    is_own_site = models.BooleanField(_("trang thông tin của cơ quan"), default=False)
    url = models.URLField(_("địa chỉ"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kênh đăng tải")
        verbose_name_plural = _("kênh đăng tải")
        ordering = ["office", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="channel_name_once_per_office")
        ]

    def __str__(self) -> str:
        return self.name


class Placement(models.Model):
    article = models.ForeignKey("publishing.Article", on_delete=models.PROTECT, related_name="placements")
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="placements")
    appeared_on = models.DateField(_("ngày đăng"))
    issue = models.CharField(_("số báo, kỳ"), max_length=100, blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    automatic = models.BooleanField(_("tự động khi đăng"), default=False)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nơi đăng")
        verbose_name_plural = _("nơi đăng")
        ordering = ["article", "appeared_on", "id"]

    def __str__(self) -> str:
        return f"{self.channel} ({self.appeared_on})"
