"""The organisations a union deals with: foreign NGOs, embassies, partners, Vietnamese agencies."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned
from caunoi.core.text import fold, nfc


class OrgKind(models.TextChoices):
    FOREIGN_NGO = "foreign_ngo", _("Tổ chức phi chính phủ nước ngoài")
    EMBASSY = "embassy", _("Đại sứ quán, cơ quan đại diện nước ngoài")
    INTERNATIONAL = "international", _("Tổ chức quốc tế")
    FOREIGN_LOCALITY = "foreign_locality", _("Địa phương nước ngoài")
    FOREIGN_PEOPLES_ORG = "foreign_peoples_org", _("Tổ chức nhân dân nước ngoài")
    VN_AGENCY = "vn_agency", _("Cơ quan, đơn vị Việt Nam")
    VN_PEOPLES_ORG = "vn_peoples_org", _("Tổ chức nhân dân Việt Nam")
    COMPANY = "company", _("Doanh nghiệp")
    INDIVIDUAL = "individual", _("Cá nhân")
    OTHER = "other", _("Khác")


class Organisation(OfficeOwned):
    kind = models.CharField(_("loại"), max_length=24, choices=OrgKind.choices)
    name = models.CharField(_("tên tiếng Việt"), max_length=300)
    name_original = models.CharField(_("tên nguyên gốc"), max_length=300, blank=True)
    acronym = models.CharField(_("tên viết tắt"), max_length=40, blank=True)
    country = models.CharField(_("quốc gia (ISO 3166)"), max_length=2, blank=True)
    iati_type = models.CharField(_("loại tổ chức IATI"), max_length=3, blank=True)
    iati_ref = models.CharField(_("mã IATI"), max_length=120, blank=True)
    website = models.URLField(_("trang web"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    search_text = models.TextField(blank=True, editable=False)
    # The name as organisations are matched by (core.text.fold): an organisation without IATI identifier
    # is the one of its name in the office, so two imports or users cannot create it twice.
    name_key = models.TextField(editable=False, default="")
    history = HistoricalRecords(no_db_index=["office"])  # history is read per record and per user

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = _("tổ chức")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "iati_ref"],
                condition=~models.Q(iati_ref=""),
                name="iati_ref_unique_per_office",
            ),
            models.UniqueConstraint(
                fields=["office", "name_key"],
                condition=models.Q(iati_ref=""),
                name="name_unique_per_office_without_iati_ref",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The search text is derived from the names; keeping it here means every writer gets it right.
        self.name, self.name_original, self.acronym = (
            nfc(self.name),
            nfc(self.name_original),
            nfc(self.acronym),
        )
        self.search_text = fold(" ".join(p for p in (self.name, self.name_original, self.acronym) if p))
        self.name_key = fold(self.name)
        super().save(*args, **kwargs)


class Contact(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("họ tên"), max_length=200)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("người liên hệ")
        verbose_name_plural = _("người liên hệ")

    def __str__(self) -> str:
        return self.name


class RegistrationKind(models.TextChoices):
    OPERATION = "operation", _("Giấy đăng ký hoạt động")
    REPRESENTATIVE_OFFICE = "representative_office", _("Giấy đăng ký lập văn phòng đại diện")
    PROJECT_OFFICE = "project_office", _("Giấy đăng ký lập văn phòng dự án (cũ)")


class NgoRegistration(models.Model):
    """A foreign NGO's certificate under Decree 58/2022: where and in what fields it may work, until when."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="registrations")
    kind = models.CharField(_("loại giấy"), max_length=24, choices=RegistrationKind.choices)
    number = models.CharField(_("số"), max_length=60)
    issued_on = models.DateField(_("ngày cấp"))
    expires_on = models.DateField(_("ngày hết hạn"))
    provinces = models.ManyToManyField(
        "geography.AdminUnit", verbose_name=_("tỉnh được hoạt động"), blank=True
    )
    fields_allowed = models.ManyToManyField(
        "aid.Sector", verbose_name=_("lĩnh vực được hoạt động"), blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đăng ký hoạt động")
        verbose_name_plural = _("đăng ký hoạt động")
        ordering = ["-expires_on"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"
