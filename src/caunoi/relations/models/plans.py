"""Plans: the documents a plan implements, the annual plan, its tasks, their targets and evidence.

A task's completion is never typed in: each target names what fulfils it (a held congress of an association,
an event, a signed agreement, an approved aid item) and is met when enough linked evidence qualifies.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned


class DocumentKind(models.TextChoices):
    DIRECTIVE = "directive", _("Chỉ thị")
    RESOLUTION = "resolution", _("Nghị quyết")
    PLAN = "plan", _("Kế hoạch")
    DECISION = "decision", _("Quyết định")
    REPORT = "report", _("Báo cáo")
    OTHER = "other", _("Văn bản khác")


class DocumentRef(OfficeOwned):
    """A document referred to by number and date (Kế hoạch số 78-KH/TU ngày 29/4/2022), not its file."""

    kind = models.CharField(_("loại"), max_length=12, choices=DocumentKind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=80)
    issued_on = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan ban hành"), max_length=300)
    title = models.CharField(_("trích yếu"), max_length=500)
    implements = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="implemented_by",
    )
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["office", "issued_on"]
        constraints = [
            models.UniqueConstraint(fields=["office", "number", "issued_on"], name="document_once_per_office")
        ]

    def __str__(self) -> str:
        # "Chỉ thị số 12-CT/TW" / "Directive 12-CT/TW": the number is the record's, the words the language's.
        return gettext("%(kind)s số %(number)s") % {"kind": self.get_kind_display(), "number": self.number}


class AnnualPlan(OfficeOwned):
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    implements = models.ManyToManyField(DocumentRef, verbose_name=_("thực hiện văn bản"), blank=True)
    adopted_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords(m2m_fields=[implements])

    class Meta:
        verbose_name = _("kế hoạch năm")
        verbose_name_plural = _("kế hoạch năm")
        ordering = ["office", "year", "id"]
        constraints = [
            models.UniqueConstraint(fields=["office", "year", "title"], name="plan_title_once_a_year")
        ]

    def __str__(self) -> str:
        return self.title


class PlanTask(models.Model):
    plan = models.ForeignKey(AnnualPlan, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    title = models.CharField(_("nhiệm vụ"), max_length=700)
    owner = models.CharField(_("đơn vị, người chủ trì"), max_length=300, blank=True)
    due_on = models.DateField(_("hạn"), null=True, blank=True)
    # A task dropped on purpose is not "open": it carries the day and the reason.
    cancelled_on = models.DateField(_("hủy ngày"), null=True, blank=True)
    cancel_reason = models.CharField(_("lý do hủy"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return self.title


class TargetKind(models.TextChoices):
    CONGRESS_HELD = "congress_held", _("Tổ chức đại hội của hội")
    EVENT = "event", _("Tổ chức hoạt động")
    AGREEMENT_SIGNED = "agreement_signed", _("Ký thỏa thuận")
    AID_ITEM_APPROVED = "aid_item_approved", _("Khoản viện trợ được phê duyệt")
    OTHER = "other", _("Kết quả khác (văn bản, hoạt động…)")


class TaskTarget(models.Model):
    """One measurable target of a task: met when `count` pieces of linked evidence qualify."""

    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="targets")
    description = models.CharField(_("chỉ tiêu"), max_length=500)
    kind = models.CharField(_("loại minh chứng"), max_length=18, choices=TargetKind.choices)
    count = models.PositiveSmallIntegerField(_("số lượng cần đạt"), default=1)
    association = models.ForeignKey(
        "relations.Association", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    partnership = models.ForeignKey(
        "relations.Partnership", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    event_kind = models.CharField(_("loại hoạt động"), max_length=20, blank=True)
    # The window evidence must fall in; by default the plan's year.
    window_start = models.DateField(_("từ ngày"), null=True, blank=True)
    window_end = models.DateField(_("đến ngày"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["task", "id"]

    def __str__(self) -> str:
        return self.description


class Evidence(models.Model):
    """A record that (may) fulfil a target: exactly one of the four links is set."""

    target = models.ForeignKey(TaskTarget, on_delete=models.CASCADE, related_name="evidence")
    congress = models.ForeignKey(
        "relations.Congress", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    event = models.ForeignKey(
        "relations.Event", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    agreement = models.ForeignKey(
        "relations.Agreement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aid_item = models.ForeignKey(
        "aid.AidItem", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        congress__isnull=False,
                        event__isnull=True,
                        agreement__isnull=True,
                        aid_item__isnull=True,
                    )
                    | models.Q(
                        congress__isnull=True,
                        event__isnull=False,
                        agreement__isnull=True,
                        aid_item__isnull=True,
                    )
                    | models.Q(
                        congress__isnull=True,
                        event__isnull=True,
                        agreement__isnull=False,
                        aid_item__isnull=True,
                    )
                    | models.Q(
                        congress__isnull=True,
                        event__isnull=True,
                        agreement__isnull=True,
                        aid_item__isnull=False,
                    )
                ),
                name="evidence_links_exactly_one",
            )
        ]

    def __str__(self) -> str:
        return str(self.congress or self.event or self.agreement or self.aid_item)
