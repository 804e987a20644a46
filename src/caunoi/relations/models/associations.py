"""Friendship associations (Hội hữu nghị): founding, terms, executive committees, members, congresses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned
from caunoi.core.searchable import Searchable
from caunoi.relations.dates import Precision


class Association(Searchable, OfficeOwned):
    SEARCH_FIELDS = ("name", "name_en")
    name = models.CharField(_("tên"), max_length=300)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=300, blank=True)
    counterpart_country = models.CharField(_("nước đối tác (ISO 3166)"), max_length=2)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("bản ghi trong danh bạ tổ chức"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # The decision that founded it (for an association founded through recorded steps, the approval step
    # fills these in).
    founding_decision_number = models.CharField(_("số quyết định thành lập"), max_length=80, blank=True)
    founding_decision_date = models.DateField(_("ngày quyết định thành lập"), null=True, blank=True)
    founding_decision_body = models.CharField(_("cơ quan quyết định"), max_length=300, blank=True)
    founded_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    founded_precision = models.CharField(
        _("độ chính xác ngày thành lập"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("hội hữu nghị")
        verbose_name_plural = _("hội hữu nghị")
        ordering = ["office", "name"]

    def __str__(self) -> str:
        return self.name


class FoundingStepKind(models.TextChoices):
    # In this order: the values' order is the rule.
    PROPOSAL = "proposal", _("Đề nghị thành lập")
    APPROVAL = "approval", _("Cấp có thẩm quyền đồng ý")
    FOUNDING_CONGRESS = "founding_congress", _("Đại hội thành lập")


FOUNDING_ORDER = [FoundingStepKind.PROPOSAL, FoundingStepKind.APPROVAL, FoundingStepKind.FOUNDING_CONGRESS]


class FoundingStep(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="founding_steps")
    step = models.CharField(_("bước"), max_length=20, choices=FoundingStepKind.choices)
    on = models.DateField(_("ngày"))
    precision = models.CharField(
        _("độ chính xác"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    body = models.CharField(_("cơ quan"), max_length=300, blank=True)
    reference = models.CharField(_("số văn bản"), max_length=120, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bước thành lập")
        verbose_name_plural = _("bước thành lập")
        ordering = ["association", "on", "id"]
        constraints = [models.UniqueConstraint(fields=["association", "step"], name="founding_step_once")]

    def __str__(self) -> str:
        return f"{self.association}: {self.get_step_display()} ({self.on})"


class Term(models.Model):
    """A nhiệm kỳ: the period one executive committee serves."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="terms")
    number = models.PositiveSmallIntegerField(_("nhiệm kỳ thứ"))
    start = models.DateField(_("từ"))
    end = models.DateField(_("đến"))
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        ordering = ["association", "number"]
        constraints = [
            models.UniqueConstraint(fields=["association", "number"], name="term_number_once"),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="term_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.association} — nhiệm kỳ {self.number} ({self.start.year}–{self.end.year})"


class Position(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch")
    GENERAL_SECRETARY = "general_secretary", _("Tổng Thư ký")
    STANDING_MEMBER = "standing_member", _("Ủy viên Thường vụ")
    MEMBER = "member", _("Ủy viên Ban Chấp hành")


class CommitteeMember(models.Model):
    """A seat on a term's executive committee, held from `start` to `end` (inside the term)."""

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="committee")
    person = models.ForeignKey("relations.Person", on_delete=models.PROTECT, related_name="committee_seats")
    position = models.CharField(_("chức danh"), max_length=20, choices=Position.choices)
    start = models.DateField(_("từ"))
    end = models.DateField(_("đến"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ủy viên Ban Chấp hành")
        verbose_name_plural = _("ủy viên Ban Chấp hành")
        ordering = ["term", "position", "start"]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_position_display()}"


class MemberCount(models.Model):
    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="member_counts")
    on = models.DateField(_("tính đến ngày"))
    count = models.PositiveIntegerField(_("số hội viên"))
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số hội viên")
        verbose_name_plural = _("số hội viên")
        ordering = ["association", "on"]
        constraints = [models.UniqueConstraint(fields=["association", "on"], name="member_count_once_a_day")]

    def __str__(self) -> str:
        return f"{self.association}: {self.count} ({self.on})"


class AssociationMember(models.Model):
    """A named member. Listed by name only while the person consents to it (see Consent)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey("relations.Person", on_delete=models.PROTECT, related_name="memberships")
    joined_on = models.DateField(_("ngày vào hội"))
    left_on = models.DateField(_("ngày ra hội"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("hội viên")
        verbose_name_plural = _("hội viên")
        ordering = ["association", "joined_on"]
        constraints = [models.UniqueConstraint(fields=["association", "person"], name="member_once")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.association}"


class CongressKind(models.TextChoices):
    FOUNDING = "founding", _("Đại hội thành lập")
    REGULAR = "regular", _("Đại hội nhiệm kỳ")
    EXTRAORDINARY = "extraordinary", _("Đại hội bất thường")


class CongressStatus(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    HELD = "held", _("Đã tổ chức")
    CANCELLED = "cancelled", _("Đã hủy")


class Congress(OfficeOwned):
    association = models.ForeignKey(Association, on_delete=models.PROTECT, related_name="congresses")
    kind = models.CharField(
        _("loại"), max_length=14, choices=CongressKind.choices, default=CongressKind.REGULAR
    )
    term_number = models.PositiveSmallIntegerField(_("nhiệm kỳ thứ"))
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=CongressStatus.choices, default=CongressStatus.PLANNED
    )
    # Planned date (possibly known only to the year or month) until held, then the day it was held.
    on = models.DateField(_("ngày"))
    precision = models.CharField(
        _("độ chính xác"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đại hội")
        verbose_name_plural = _("đại hội")
        ordering = ["association", "on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.association} (nhiệm kỳ {self.term_number})"
