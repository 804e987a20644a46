"""Exchange rates are data: each with its source and the dates it is in force. caunoi never invents one."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RateSource(models.TextChoices):
    MOF_ACCOUNTING = "mof_accounting", _("Tỷ giá hạch toán của Bộ Tài chính")
    SBV_CENTRAL = "sbv_central", _("Tỷ giá trung tâm Ngân hàng Nhà nước")
    BANK_BUYING = "bank_buying", _("Tỷ giá mua của ngân hàng")
    DONOR = "donor", _("Tỷ giá do nhà tài trợ báo")
    STAFF = "staff", _("Do cán bộ nhập")


class RateQuerySet(models.QuerySet["ExchangeRate"]):
    def live(self) -> RateQuerySet:
        """Archived rates convert nothing."""
        return self.filter(archived_at__isnull=True)

    def overlapping(self, first: dt.date, last: dt.date | None) -> RateQuerySet:
        """The live rates in force on some day from `first` to `last` (every later day when None)."""
        found = self.live().filter(Q(valid_to__isnull=True) | Q(valid_to__gte=first))
        return found if last is None else found.filter(valid_from__lte=last)

    def in_force_on(self, day: dt.date) -> RateQuerySet:
        return self.overlapping(day, day)


class ExchangeRate(models.Model):
    """1 `base` = `rate` `quote`, in force from `valid_from` to `valid_to` (inclusive; open when empty)."""

    base = models.CharField(_("tiền gốc"), max_length=3)
    quote = models.CharField(_("tiền quy đổi"), max_length=3)
    rate = models.DecimalField(_("tỷ giá"), max_digits=24, decimal_places=10)
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=20, choices=RateSource.choices)
    reference = models.CharField(_("căn cứ"), max_length=200, blank=True)
    office = models.ForeignKey(
        "core.Office",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Để trống nếu là tỷ giá chung cho mọi cơ quan."),
    )
    # Archived rates convert nothing; they stay listed (and in the history) so that a report made before
    # says which rate it used.
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    objects = RateQuerySet.as_manager()

    class Meta:
        verbose_name = _("tỷ giá")
        verbose_name_plural = _("tỷ giá")
        ordering = ["base", "quote", "-valid_from"]
        indexes = [models.Index(fields=["base", "quote", "valid_from"])]

    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate.normalize():f} {self.quote} ({self.valid_from})"

    def in_force_on(self, day: dt.date) -> bool:
        """As `RateQuerySet.in_force_on`, for rates already loaded (archived ones are left out there)."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)
