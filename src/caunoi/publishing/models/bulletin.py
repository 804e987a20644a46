"""The bulletin (Bản tin Hợp tác – Hữu nghị): numbered issues made of published articles in a chosen order."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned

DEFAULT_BULLETIN_TITLE = "Bản tin Hợp tác – Hữu nghị"


class BulletinIssue(OfficeOwned):
    number = models.CharField(_("số"), max_length=40)
    issued_on = models.DateField(_("ngày phát hành"))
    title = models.CharField(_("tên bản tin"), max_length=200, default=DEFAULT_BULLETIN_TITLE)
    editorial_board = models.TextField(_("ban biên tập"), blank=True)  # one line a member
    contacts = models.TextField(_("thông tin liên hệ (trang bìa sau)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số bản tin")
        verbose_name_plural = _("số bản tin")
        ordering = ["office", "-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="bulletin_number_once_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.title} số {self.number}"


class BulletinEntry(models.Model):
    issue = models.ForeignKey(BulletinIssue, on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey(
        "publishing.Article", on_delete=models.PROTECT, related_name="bulletin_entries"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bài trong bản tin")
        verbose_name_plural = _("bài trong bản tin")
        ordering = ["issue", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "article"], name="bulletin_article_once_per_issue")
        ]

    def __str__(self) -> str:
        return f"{self.issue}: {self.position}. {self.article}"
