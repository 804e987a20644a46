"""Agreements with partners: who signed, when and where, for what period and fields, and what renews what.

An agreement's status is not stored: it follows from its dates as of a given day (`caunoi.relations.status`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned, office_key
from caunoi.core.searchable import Searchable
from caunoi.relations.dates import Precision
from caunoi.relations.models.partners import Side


class CooperationField(models.Model):
    """A field of cooperation (giáo dục - đào tạo, y tế…): an editable list shared by all offices."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lĩnh vực hợp tác")
        verbose_name_plural = _("lĩnh vực hợp tác")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Biên bản ghi nhớ")
    COOPERATION = "cooperation", _("Thỏa thuận hợp tác")
    FRAMEWORK = "framework", _("Thỏa thuận khung")
    ANNUAL_PLAN = "annual_plan", _("Kế hoạch hợp tác hằng năm")


class Agreement(Searchable, OfficeOwned):
    SEARCH_FIELDS = ("title", "number", "signed_place")
    office = office_key(db_index=False)  # indexed by (office, period_end), which begins with it
    title = models.CharField(_("tên"), max_length=500)
    kind = models.CharField(_("loại"), max_length=12, choices=AgreementKind.choices)
    number = models.CharField(_("số"), max_length=80, blank=True)
    partnership = models.ForeignKey(
        "relations.Partnership",
        verbose_name=_("quan hệ đối tác"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
    )
    signed_on = models.DateField(_("ngày ký"), null=True, blank=True)
    signed_precision = models.CharField(
        _("độ chính xác ngày ký"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    signed_place = models.CharField(_("nơi ký"), max_length=300, blank=True)
    period_start = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    period_end = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    # "giai đoạn 2022-2025" is a period known to the year: it is written back as such.
    period_precision = models.CharField(
        _("độ chính xác kỳ hạn"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    fields = models.ManyToManyField(CooperationField, verbose_name=_("lĩnh vực hợp tác"), blank=True)
    parties = models.ManyToManyField(
        "directory.Organisation",
        through="relations.AgreementParty",
        verbose_name=_("các bên"),
        related_name="agreements",
    )
    document = models.FileField(_("văn bản ký"), upload_to="relations/agreements/%Y/", blank=True)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("gia hạn, thay thế"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewed_by",
    )
    terminated_on = models.DateField(_("chấm dứt ngày"), null=True, blank=True)
    termination_note = models.TextField(_("lý do chấm dứt"), blank=True)
    # Set when the parties decided not to renew: an expired agreement with a reason raises no alert.
    no_renewal_reason = models.TextField(_("lý do không gia hạn"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords(m2m_fields=[fields], excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("thỏa thuận")
        verbose_name_plural = _("thỏa thuận")
        ordering = ["office", "signed_on", "id"]
        indexes = [models.Index(fields=["office", "period_end"])]

    def __str__(self) -> str:
        return self.title


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="party_rows")
    organisation = models.ForeignKey("directory.Organisation", on_delete=models.PROTECT, related_name="+")
    side = models.CharField(_("phía"), max_length=6, choices=Side.choices)
    signatory = models.CharField(_("người ký"), max_length=200, blank=True)
    signatory_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bên ký")
        verbose_name_plural = _("bên ký")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="agreement_party_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_side_display()})"


class AgreementAidItem(models.Model):
    """An aid item that serves an agreement (kept here so the aid ledger need not know about agreements)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="aid_links")
    aid_item = models.ForeignKey("aid.AidItem", on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("khoản viện trợ thuộc thỏa thuận")
        verbose_name_plural = _("khoản viện trợ thuộc thỏa thuận")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "aid_item"], name="aid_item_once_per_agreement")
        ]

    def __str__(self) -> str:
        return f"{self.agreement} ← {self.aid_item}"
