"""Figures a union reported in its narrative reports before any ledger: per office and period, as the text
states them (not as aid items), proposed by the extractor and confirmed by staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned


class FigureStatus(models.TextChoices):
    PROPOSED = "proposed", _("đề xuất, chờ xác nhận")
    CONFIRMED = "confirmed", _("đã xác nhận")


class ReportedFigures(OfficeOwned):
    province = models.CharField(_("tỉnh"), max_length=120, blank=True)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    items = models.PositiveIntegerField(_("số chương trình, dự án, phi dự án"), null=True, blank=True)
    ngos = models.PositiveIntegerField(_("số tổ chức tài trợ"), null=True, blank=True)
    committed = models.DecimalField(
        _("giá trị cam kết"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    disbursed = models.DecimalField(
        _("giá trị giải ngân"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("tiền tệ"), max_length=3, default="USD")
    source_name = models.CharField(_("văn bản nguồn"), max_length=200, blank=True)
    # The sentence each figure was read from, by field name: what staff compare before confirming.
    evidence = models.JSONField(_("câu nguồn"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=FigureStatus.choices, default=FigureStatus.PROPOSED
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    history = HistoricalRecords(no_db_index=["office"])

    class Meta:
        verbose_name = _("số liệu theo báo cáo")
        verbose_name_plural = _("số liệu theo báo cáo")
        ordering = ["-period_start", "pk"]

    def __str__(self) -> str:
        return f"{self.period_label} · {self.source_name or self.pk}"

    @property
    def period_label(self) -> str:
        if self.period_start.year == self.period_end.year:
            return str(self.period_start.year)
        return f"{self.period_start.year}–{self.period_end.year}"

    @property
    def single_year(self) -> int | None:
        """The calendar year the figures are of, when they cover exactly one year."""
        whole = (self.period_start.month, self.period_start.day, self.period_end.month, self.period_end.day)
        if self.period_start.year == self.period_end.year and whole == (1, 1, 12, 31):
            return self.period_start.year
        return None


class ReportedSector(models.Model):
    figures = models.ForeignKey(ReportedFigures, on_delete=models.CASCADE, related_name="sectors")
    sector = models.CharField(_("lĩnh vực"), max_length=120)
    count = models.PositiveIntegerField(_("số chương trình, dự án"), null=True, blank=True)
    amount = models.DecimalField(_("giá trị"), max_digits=18, decimal_places=2, null=True, blank=True)
    sentence = models.TextField(_("câu nguồn"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lĩnh vực theo báo cáo")
        verbose_name_plural = _("lĩnh vực theo báo cáo")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.sector
