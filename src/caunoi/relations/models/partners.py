"""Partners abroad: a relationship of the union (or its province) with a foreign locality or organisation.

The partner itself is a `directory.Organisation` (kind foreign_locality, foreign_peoples_org, embassy…), so a
partner that is also a donor or an agreement party is one record, not three.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned
from caunoi.relations.dates import Precision


class PartnerLevel(models.TextChoices):
    COUNTRY_ORG = "country_org", _("Tổ chức cấp quốc gia")
    STATE = "state", _("Bang")
    REGION = "region", _("Vùng")
    PROVINCE = "province", _("Tỉnh")
    PREFECTURE = "prefecture", _("Tỉnh (Nhật Bản)")
    CITY = "city", _("Thành phố")
    DISTRICT = "district", _("Huyện, quận")
    LOCAL_ORG = "local_org", _("Tổ chức địa phương")
    OTHER = "other", _("Khác")


class PartnershipKind(models.TextChoices):
    TWINNING = "twinning", _("Kết nghĩa")
    FRIENDSHIP_COOPERATION = "friendship_cooperation", _("Hữu nghị và hợp tác")
    COOPERATION = "cooperation", _("Hợp tác")


class PartnershipStatus(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    DORMANT = "dormant", _("Tạm ngừng")
    ENDED = "ended", _("Đã chấm dứt")


class Partnership(OfficeOwned):
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("đối tác"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    # Who holds the relationship on our side: the province's People's Committee, the union, an association.
    our_party = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("bên ta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    level = models.CharField(_("cấp"), max_length=16, choices=PartnerLevel.choices)
    kind = models.CharField(_("loại quan hệ"), max_length=24, choices=PartnershipKind.choices)
    since = models.DateField(_("từ"), null=True, blank=True)
    since_precision = models.CharField(
        _("độ chính xác của ngày"), max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=PartnershipStatus.choices, default=PartnershipStatus.ACTIVE
    )
    ended_on = models.DateField(_("chấm dứt ngày"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quan hệ đối tác")
        verbose_name_plural = _("quan hệ đối tác")
        ordering = ["office", "organisation__country", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "organisation"],
                condition=models.Q(archived_at__isnull=True),
                name="one_live_partnership_per_partner",
            )
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class Side(models.TextChoices):
    OURS = "ours", _("Bên ta")
    THEIRS = "theirs", _("Bên đối tác")


class PartnershipContact(models.Model):
    """A person to call about the relationship, on either side."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="contacts")
    side = models.CharField(_("phía"), max_length=6, choices=Side.choices)
    name = models.CharField(_("họ tên"), max_length=200)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=300, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đầu mối liên hệ")
        verbose_name_plural = _("đầu mối liên hệ")
        ordering = ["partnership", "side", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_side_display()})"
