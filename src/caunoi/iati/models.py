"""What an IATI activity carries beyond the aid ledger, kept beside its aid.AidItem.

The ledger (AidItem, Participation, ItemSector, ItemPlace, Transaction, StatusChange) holds what caunoi's
rules understand; these tables keep the rest of the publisher's record as published, so that an export
gives back what was imported. The detail rows are one snapshot of the activity: an update replaces them
whole, and the IatiActivity history row of that update (new hash, last-updated, source) says that they
changed, while the ledger tables' own history shows field by field what changed.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned


class IatiActivity(OfficeOwned):
    """The IATI identity of an aid item: identified by (office, iati_identifier)."""

    item = models.OneToOneField("aid.AidItem", on_delete=models.CASCADE, related_name="iati")
    iati_identifier = models.CharField(_("mã IATI"), max_length=200)
    reporting_org = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reporting_org_ref = models.CharField(max_length=200, blank=True)
    reporting_org_type = models.CharField(max_length=3, blank=True)
    reporting_org_name = models.CharField(max_length=500, blank=True)
    last_updated = models.DateTimeField(_("cập nhật lần cuối (IATI)"), null=True, blank=True)
    default_currency = models.CharField(max_length=3, blank=True)
    default_lang = models.CharField(max_length=8, blank=True)
    status_code = models.CharField(_("trạng thái IATI"), max_length=2, blank=True)
    hierarchy = models.PositiveSmallIntegerField(null=True, blank=True)
    source_file = models.CharField(_("tệp nguồn"), max_length=500, blank=True)
    source_version = models.CharField(_("phiên bản IATI"), max_length=8, blank=True)
    content_hash = models.CharField(max_length=64)
    # Its history is read per activity (id); the copies of its foreign keys need no index.
    history = HistoricalRecords(no_db_index=["office", "item", "reporting_org"])

    class Meta:
        verbose_name = _("hoạt động IATI")
        verbose_name_plural = _("hoạt động IATI")
        constraints = [
            models.UniqueConstraint(fields=["office", "iati_identifier"], name="iati_identifier_per_office")
        ]

    def __str__(self) -> str:
        return self.iati_identifier


class Detail(models.Model):
    activity = models.ForeignKey(IatiActivity, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["activity", "position"]


class Narrative(Detail):
    """A title or description text in one language (element "title" or "description")."""

    element = models.CharField(max_length=12)
    kind = models.CharField(_("loại mô tả"), max_length=2, blank=True)
    lang = models.CharField(max_length=8, blank=True)
    text = models.TextField()

    class Meta(Detail.Meta):
        verbose_name = _("tên/mô tả IATI")
        verbose_name_plural = _("tên/mô tả IATI")

    def __str__(self) -> str:
        return f"{self.element} [{self.lang}] {self.text[:60]}"


class ActivityDate(Detail):
    kind = models.CharField(_("loại ngày (ActivityDateType)"), max_length=2)
    on = models.DateField()

    class Meta(Detail.Meta):
        verbose_name = _("ngày hoạt động IATI")
        verbose_name_plural = _("ngày hoạt động IATI")

    def __str__(self) -> str:
        return f"{self.kind}: {self.on}"


class Recipient(Detail):
    """A recipient country (vocabulary empty) or region, with its percentage as published."""

    is_region = models.BooleanField(default=False)
    code = models.CharField(max_length=20)
    vocabulary = models.CharField(max_length=4, blank=True)
    percentage = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)

    class Meta(Detail.Meta):
        verbose_name = _("nước/vùng nhận IATI")
        verbose_name_plural = _("nước/vùng nhận IATI")

    def __str__(self) -> str:
        return self.code


class RawSector(Detail):
    """A sector of any vocabulary as published; the report-group mapping is aid.ItemSector."""

    vocabulary = models.CharField(max_length=4)
    vocabulary_uri = models.CharField(max_length=500, blank=True)
    code = models.CharField(max_length=100)
    percentage = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)

    class Meta(Detail.Meta):
        verbose_name = _("lĩnh vực IATI")
        verbose_name_plural = _("lĩnh vực IATI")

    def __str__(self) -> str:
        return f"{self.vocabulary}:{self.code}"


class Location(Detail):
    """A location as published, with the caunoi unit its name matched (Viet Nam activities only)."""

    ref = models.CharField(max_length=200, blank=True)
    name = models.CharField(max_length=500, blank=True)
    latitude = models.DecimalField(max_digits=20, decimal_places=10, null=True, blank=True)
    longitude = models.DecimalField(max_digits=20, decimal_places=10, null=True, blank=True)
    # "vocabulary/level/code" of each <administrative>, joined by " | ".
    admin_codes = models.CharField(max_length=500, blank=True)
    unit = models.ForeignKey(
        "geography.AdminUnit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta(Detail.Meta):
        verbose_name = _("địa điểm IATI")
        verbose_name_plural = _("địa điểm IATI")

    def __str__(self) -> str:
        return self.name or self.ref


class Budget(Detail):
    kind = models.CharField(_("loại (BudgetType)"), max_length=2, blank=True)
    status = models.CharField(_("tình trạng (BudgetStatus)"), max_length=2, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    value = models.DecimalField(max_digits=30, decimal_places=8)
    currency = models.CharField(max_length=3)
    value_date = models.DateField()

    class Meta(Detail.Meta):
        verbose_name = _("ngân sách IATI")
        verbose_name_plural = _("ngân sách IATI")

    def __str__(self) -> str:
        return f"{self.value} {self.currency} ({self.period_start}–{self.period_end})"


# IATI amounts carry any number of decimals and may be negative (a reversal): values keep 8 decimals.


class OtherTransaction(Detail):
    """A transaction kept outside the ledger: a type the ledger has no kind for (5 interest, 6 loan
    repayment, 7 reimbursement, 8 purchase of equity, 11 incoming commitment, …), or one whose amount or
    date a ledger rule refuses (e.g. a negative disbursement, a reversal); `reason` is that rule's code."""

    kind = models.CharField(_("loại (TransactionType)"), max_length=2)
    value = models.DecimalField(max_digits=30, decimal_places=8)
    currency = models.CharField(max_length=3)
    value_date = models.DateField()
    transaction_date = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=200, blank=True)
    provider_ref = models.CharField(max_length=200, blank=True)
    provider_name = models.CharField(max_length=500, blank=True)
    receiver_ref = models.CharField(max_length=200, blank=True)
    receiver_name = models.CharField(max_length=500, blank=True)
    reason = models.CharField(max_length=60, blank=True)

    class Meta(Detail.Meta):
        verbose_name = _("giao dịch IATI ngoài sổ")
        verbose_name_plural = _("giao dịch IATI ngoài sổ")

    def __str__(self) -> str:
        return f"{self.kind}: {self.value} {self.currency} {self.value_date}"


class Result(Detail):
    kind = models.CharField(_("loại (ResultType)"), max_length=2)
    aggregation_status = models.BooleanField(null=True, blank=True)
    title = models.TextField(blank=True)

    class Meta(Detail.Meta):
        verbose_name = _("kết quả IATI")
        verbose_name_plural = _("kết quả IATI")

    def __str__(self) -> str:
        return self.title[:80]


class Indicator(models.Model):
    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveIntegerField(default=0)
    measure = models.CharField(max_length=2)
    ascending = models.BooleanField(null=True, blank=True)
    title = models.TextField(blank=True)
    baseline_year = models.PositiveIntegerField(null=True, blank=True)
    baseline_value = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("chỉ số IATI")
        verbose_name_plural = _("chỉ số IATI")
        ordering = ["result", "position"]

    def __str__(self) -> str:
        return self.title[:80]


class IndicatorPeriod(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    position = models.PositiveIntegerField(default=0)
    period_start = models.DateField()
    period_end = models.DateField()
    target = models.CharField(max_length=100, blank=True)
    actual = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("kỳ chỉ số IATI")
        verbose_name_plural = _("kỳ chỉ số IATI")
        ordering = ["indicator", "position"]

    def __str__(self) -> str:
        return f"{self.period_start}–{self.period_end}"
