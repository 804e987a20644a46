"""Exchange rates are data: each with its source and the dates it is in force. caunoi never invents one."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class RateSource(models.TextChoices):
    MOF_ACCOUNTING = "mof_accounting", _("Tỷ giá hạch toán của Bộ Tài chính")
    SBV_CENTRAL = "sbv_central", _("Tỷ giá trung tâm Ngân hàng Nhà nước")
    BANK_BUYING = "bank_buying", _("Tỷ giá mua của ngân hàng")
    DONOR = "donor", _("Tỷ giá do nhà tài trợ báo")
    STAFF = "staff", _("Do cán bộ nhập")


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

    class Meta:
        verbose_name = _("tỷ giá")
        verbose_name_plural = _("tỷ giá")
        ordering = ["base", "quote", "-valid_from"]
        indexes = [models.Index(fields=["base", "quote", "valid_from"])]

    def __str__(self) -> str:
        return f"1 {self.base} = {self.rate.normalize():f} {self.quote} ({self.valid_from})"
