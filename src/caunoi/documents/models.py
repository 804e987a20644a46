"""Per-office settings of official documents, and annual-report drafts with their saved versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import Office, OfficeOwned


class DocumentSettings(models.Model):
    """What an office prints on its documents. A blank field means "derive it from the office" (see
    :mod:`caunoi.documents.letterhead`), so an office with no row still gets a correct letterhead.

    Kept here rather than on core.Office: only documents need them, and the place name follows the office's
    home province (Yên Bái before the 2025 reform, Lào Cai after) unless staff set it."""

    office = models.OneToOneField(
        Office, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="document_settings"
    )
    parent_body = models.CharField(_("cơ quan chủ quản (dòng trên)"), max_length=255, blank=True)
    issuing_body = models.CharField(_("tên cơ quan ban hành"), max_length=255, blank=True)
    symbol = models.CharField(_("chữ viết tắt tên cơ quan trong số, ký hiệu"), max_length=32, blank=True)
    place_name = models.CharField(_("địa danh"), max_length=100, blank=True)
    signer_on_behalf = models.CharField(_("quyền hạn ký (TM., KT.)"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    recipients = models.TextField(_("nơi nhận (mỗi dòng một nơi)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thiết lập văn bản")
        verbose_name_plural = _("thiết lập văn bản")

    def __str__(self) -> str:
        return f"{self.office.code}: {self.issuing_body or self.office.name}"


class AnnualReportDraft(OfficeOwned):
    """The draft of one office's annual report for one year; its text lives in numbered versions."""

    year = models.PositiveSmallIntegerField(_("năm báo cáo"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dự thảo báo cáo năm")
        verbose_name_plural = _("dự thảo báo cáo năm")
        ordering = ["office", "-year"]
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="one_annual_draft_per_year")]

    def __str__(self) -> str:
        return f"{self.office.code} {self.year}"


class VersionSource(models.TextChoices):
    GENERATED = "generated", _("Tạo từ dữ liệu")
    EDITED = "edited", _("Cán bộ sửa")


class DraftVersion(models.Model):
    """One saved state of a draft's prose (Markdown), never changed afterwards: a new edit is a new row."""

    draft = models.ForeignKey(AnnualReportDraft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản số"))
    body = models.TextField(_("nội dung (Markdown)"))
    source = models.CharField(_("nguồn"), max_length=10, choices=VersionSource.choices)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lưu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("lưu lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản dự thảo")
        verbose_name_plural = _("phiên bản dự thảo")
        ordering = ["draft", "number"]
        constraints = [models.UniqueConstraint(fields=["draft", "number"], name="version_number_once")]

    def __str__(self) -> str:
        return f"{self.draft} v{self.number}"
