"""Events and delegations: who came or went, where, with whom, what came of it, with photos and documents."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned, office_key
from caunoi.core.searchable import Searchable
from caunoi.relations.dates import Precision


class EventKind(models.TextChoices):
    INCOMING_DELEGATION = "incoming_delegation", _("Đón đoàn vào")
    OUTGOING_DELEGATION = "outgoing_delegation", _("Đoàn ra")
    TALKS = "talks", _("Hội đàm, làm việc")
    EXCHANGE = "exchange", _("Giao lưu hữu nghị")
    CELEBRATION = "celebration", _("Kỷ niệm ngày Quốc khánh, ngày thiết lập quan hệ ngoại giao")
    WORKSHOP = "workshop", _("Hội nghị, hội thảo quốc tế")
    AID_VISIT = "aid_visit", _("Khảo sát, giám sát khoản viện trợ")
    STUDENT_ACTIVITY = "student_activity", _("Hoạt động với lưu học sinh")
    OTHER = "other", _("Hoạt động khác")


class Event(Searchable, OfficeOwned):
    SEARCH_FIELDS = ("title", "place")
    office = office_key(db_index=False)  # indexed by (office, start_on), which begins with it
    title = models.CharField(_("tên hoạt động"), max_length=500)
    kind = models.CharField(_("loại"), max_length=20, choices=EventKind.choices)
    start_on = models.DateField(_("từ ngày"))
    end_on = models.DateField(_("đến ngày"))
    # An event the report dates only to the year ("năm 2022") keeps that precision.
    date_precision = models.CharField(
        _("độ chính xác ngày"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    place_unit = models.ForeignKey(
        "geography.AdminUnit",
        verbose_name=_("đơn vị hành chính"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.CharField(_("quốc gia diễn ra (ISO 3166)"), max_length=2, default="VN")
    organisers = models.ManyToManyField(
        "directory.Organisation", verbose_name=_("đơn vị tổ chức"), blank=True, related_name="+"
    )
    partnership = models.ForeignKey(
        "relations.Partnership",
        verbose_name=_("quan hệ đối tác"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    agreement = models.ForeignKey(
        "relations.Agreement",
        verbose_name=_("thỏa thuận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    aid_item = models.ForeignKey(
        "aid.AidItem",
        verbose_name=_("khoản viện trợ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    association = models.ForeignKey(
        "relations.Association",
        verbose_name=_("hội hữu nghị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    occasion = models.ForeignKey(
        "relations.Occasion",
        verbose_name=_("dịp kỷ niệm"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    description = models.TextField(_("nội dung"), blank=True)
    outcomes = models.TextField(_("kết quả"), blank=True)
    # Decision 06/2020/QĐ-TTg: a workshop with foreign participants needs permission asked for at least
    # 30 days ahead, and a result report within 15 days of its end.
    permission_requested_on = models.DateField(_("ngày xin phép"), null=True, blank=True)
    permission_authority = models.CharField(_("cơ quan cho phép"), max_length=300, blank=True)
    permission_number = models.CharField(_("số văn bản cho phép"), max_length=80, blank=True)
    permission_granted_on = models.DateField(_("ngày cho phép"), null=True, blank=True)
    result_reported_on = models.DateField(_("ngày gửi báo cáo kết quả"), null=True, blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords(m2m_fields=[organisers], excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("hoạt động đối ngoại")
        verbose_name_plural = _("hoạt động đối ngoại")
        ordering = ["office", "start_on", "id"]
        indexes = [models.Index(fields=["office", "start_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_on__gte=models.F("start_on")), name="event_end_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class ParticipantRole(models.TextChoices):
    HOST = "host", _("Chủ trì, đón tiếp")
    GUEST = "guest", _("Khách mời")
    DELEGATION_HEAD = "delegation_head", _("Trưởng đoàn")
    DELEGATE = "delegate", _("Thành viên đoàn")
    SPEAKER = "speaker", _("Diễn giả, báo cáo viên")
    INTERPRETER = "interpreter", _("Phiên dịch")
    PARTICIPANT = "participant", _("Người tham dự")


class EventParticipant(models.Model):
    """A named participant: a known person, or a name and organisation as the minutes give them."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        "relations.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="participations"
    )
    name = models.CharField(_("họ tên"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=ParticipantRole.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("người tham gia")
        verbose_name_plural = _("người tham gia")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(name=""), name="participant_has_a_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person or self.name} — {self.get_role_display()}"


class Headcount(models.Model):
    """How many took part, by nationality: reports count people, not names."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="headcounts")
    country = models.CharField(_("quốc tịch (ISO 3166)"), max_length=2)
    count = models.PositiveIntegerField(_("số người"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("số người tham gia")
        verbose_name_plural = _("số người tham gia")
        constraints = [
            models.UniqueConstraint(fields=["event", "country"], name="headcount_once_per_country")
        ]

    def __str__(self) -> str:
        return f"{self.country}: {self.count}"


class EventPhoto(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(_("ảnh"), upload_to="relations/photos/%Y/")
    caption = models.CharField(_("chú thích"), max_length=500)
    credit = models.CharField(_("nguồn ảnh"), max_length=200, blank=True)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ảnh hoạt động")
        verbose_name_plural = _("ảnh hoạt động")

    def __str__(self) -> str:
        return self.caption


class EventDocument(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("tệp"), upload_to="relations/documents/%Y/")
    title = models.CharField(_("tên văn bản"), max_length=500)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("văn bản của hoạt động")
        verbose_name_plural = _("văn bản của hoạt động")

    def __str__(self) -> str:
        return self.title
