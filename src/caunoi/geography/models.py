"""Vietnam's administrative units as dated records, before and after the reform of 1 July 2025.

Codes are reused across the reform (the new Lào Cai has Yên Bái's old code 15), so a unit is identified by
(era, level, code) and units of different eras are linked only through `UnitSuccession`, never by code.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

REFORM_2025 = dt.date(2025, 7, 1)


class Era(models.TextChoices):
    LEGACY = "legacy", _("63 tỉnh (trước 01/7/2025)")
    REFORM_2025 = "2025", _("34 tỉnh (từ 01/7/2025)")


class Level(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    DISTRICT = "district", _("Huyện")
    COMMUNE = "commune", _("Xã")


class AdminUnit(models.Model):
    era = models.CharField(_("thời kỳ"), max_length=8, choices=Era.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    code = models.CharField(_("mã"), max_length=8)
    name = models.CharField(_("tên"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=100)
    kind = models.CharField(_("loại"), max_length=40, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    province = models.ForeignKey(
        "self", verbose_name=_("tỉnh"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # A legacy unit's principal 2025 successor (`successions.successors`, first), stored by the loader with
    # the succession rows it derives from: a report names thousands of places by the unit of today.
    current = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị hiện nay"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hết hiệu lực từ"), null=True, blank=True)
    latitude = models.FloatField(_("vĩ độ"), null=True, blank=True)
    longitude = models.FloatField(_("kinh độ"), null=True, blank=True)
    key = models.CharField(max_length=200, help_text="vietnamadminunits key", db_index=True)
    search_text = models.CharField(max_length=300, blank=True, help_text="lower-case, without diacritics")

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["era", "code"]
        constraints = [models.UniqueConstraint(fields=["era", "level", "code"], name="unit_code_per_era")]
        indexes = [models.Index(fields=["era", "level", "province"])]

    def __str__(self) -> str:
        if self.level == Level.PROVINCE or self.province is None:
            return self.name
        return f"{self.name}, {self.province.name}"

    def in_force_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


class UnitSuccession(models.Model):
    """The official conversion of a pre-2025 unit to a 2025 unit.

    A commune that was divided maps to several new communes, one of them its default.
    """

    old = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="successions")
    new = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="precessions")
    is_default = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("chuyển đổi đơn vị")
        verbose_name_plural = _("chuyển đổi đơn vị")
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="one_succession_per_pair")]

    def __str__(self) -> str:
        return f"{self.old} → {self.new}{'' if self.is_default else ' (một phần)'}"
