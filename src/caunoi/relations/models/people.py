"""People the union deals with (foreign students, overseas Vietnamese, contacts, association members) and
what each consented to: being listed by name, the use of their photo, being contacted.

Consent is a dated record; a withdrawal is dated too, so "did they consent on that day" has one answer.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned
from caunoi.core.searchable import Searchable


class PersonKind(models.TextChoices):
    FOREIGN_STUDENT = "foreign_student", _("Lưu học sinh nước ngoài")
    OVERSEAS_VIETNAMESE = "overseas_vietnamese", _("Người Việt Nam ở nước ngoài")
    CONTACT = "contact", _("Đầu mối liên hệ")
    MEMBER = "member", _("Hội viên")
    OTHER = "other", _("Khác")


class Person(Searchable, OfficeOwned):
    SEARCH_FIELDS = ("name", "institution")
    name = models.CharField(_("họ tên"), max_length=200)
    kind = models.CharField(_("nhóm"), max_length=20, choices=PersonKind.choices)
    nationality = models.CharField(_("quốc tịch (ISO 3166)"), max_length=2, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("tổ chức"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    institution = models.CharField(_("nơi học tập, công tác"), max_length=300, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")
        ordering = ["office", "name"]

    def __str__(self) -> str:
        return self.name


class ConsentKind(models.TextChoices):
    NAME_LISTING = "name_listing", _("Được nêu tên")
    PHOTO_USE = "photo_use", _("Được dùng ảnh")
    CONTACT = "contact", _("Được liên hệ")


class Consent(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("nội dung đồng ý"), max_length=14, choices=ConsentKind.choices)
    given_on = models.DateField(_("ngày đồng ý"))
    withdrawn_on = models.DateField(_("ngày rút lại"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("sự đồng ý")
        ordering = ["person", "kind", "given_on"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_kind_display()} ({self.given_on})"
