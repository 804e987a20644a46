"""The calendar of occasions worth marking: establishment of diplomatic relations, national days, new-year
festivals. Founding dates of partnerships and associations are not copied here: they are read from those
records, so the calendar cannot drift from them.

A lunar festival (Chinese New Year) has no fixed solar date: it is stored as one `OccasionDate` per year,
entered from a published calendar, rather than computed by a lunar-calendar algorithm caunoi would have to
trust.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned


class OccasionKind(models.TextChoices):
    DIPLOMATIC_RELATIONS = "diplomatic_relations", _("Ngày thiết lập quan hệ ngoại giao")
    NATIONAL_DAY = "national_day", _("Ngày Quốc khánh, ngày lễ quốc gia")
    NEW_YEAR = "new_year", _("Tết cổ truyền")
    OTHER = "other", _("Khác")


class Recurrence(models.TextChoices):
    ROUND = "round", _("Kỷ niệm tròn năm (5, 10, 15…)")
    YEARLY = "yearly", _("Hằng năm")
    PER_YEAR_DATES = "per_year_dates", _("Theo ngày ghi cho từng năm (âm lịch)")


class Occasion(OfficeOwned):
    kind = models.CharField(_("loại"), max_length=20, choices=OccasionKind.choices)
    title = models.CharField(_("tên"), max_length=300)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    country = models.CharField(_("quốc gia (ISO 3166)"), max_length=2)
    recurrence = models.CharField(_("lặp lại"), max_length=16, choices=Recurrence.choices)
    month = models.PositiveSmallIntegerField(_("tháng"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("ngày"), null=True, blank=True)
    # The year the dated fact happened (1962 for Vietnam–Laos relations); blank when it has none.
    origin_year = models.PositiveSmallIntegerField(_("năm gốc"), null=True, blank=True)
    duration_days = models.PositiveSmallIntegerField(_("số ngày"), default=1)
    source_url = models.URLField(_("nguồn"), max_length=500, blank=True)
    source_note = models.CharField(_("ghi chú nguồn"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dịp kỷ niệm")
        verbose_name_plural = _("dịp kỷ niệm")
        ordering = ["office", "month", "day"]

    def __str__(self) -> str:
        return self.title


class OccasionDate(models.Model):
    occasion = models.ForeignKey(Occasion, on_delete=models.CASCADE, related_name="dates")
    year = models.PositiveSmallIntegerField(_("năm"))
    on = models.DateField(_("ngày"))
    source_url = models.URLField(_("nguồn"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ngày trong năm")
        verbose_name_plural = _("ngày trong năm")
        ordering = ["occasion", "year"]
        constraints = [models.UniqueConstraint(fields=["occasion", "year"], name="occasion_date_once_a_year")]

    def __str__(self) -> str:
        return f"{self.occasion} {self.on}"
