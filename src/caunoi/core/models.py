"""Offices (the unions) and who works in which, with what role."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Office(models.Model):
    """A union of friendship organizations: every record belongs to one.

    An office can be succeeded by another (the unions of Yên Bái and Lào Cai became the new Lào Cai union in
    2025): the predecessor's records stay its own, and a report of the successor may include them.
    """

    code = models.SlugField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    abbreviation = models.CharField(_("ký hiệu văn bản"), max_length=32, blank=True)
    iati_ref = models.CharField(_("mã tổ chức IATI"), max_length=120, blank=True)
    home_province = models.ForeignKey(
        "geography.AdminUnit",
        verbose_name=_("tỉnh"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    home_province_as_of = models.DateField(_("tỉnh tính từ ngày"), null=True, blank=True)
    established_on = models.DateField(_("thành lập ngày"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    succeeded_on = models.DateField(_("ngày hợp nhất"), null=True, blank=True)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        """The name a page shows: the English one on an English page when the office has one."""
        return self.name_en if self.name_en and get_language() == "en" else self.name

    def lineage(self) -> list[Office]:
        """This office and all offices it succeeded, directly or through others."""
        seen: dict[int, Office] = {self.pk: self}
        frontier = [self.pk]
        while frontier:
            found = list(Office.objects.filter(successor_id__in=frontier).exclude(pk__in=seen))
            for office in found:
                seen[office.pk] = office
            frontier = [o.pk for o in found]
        return list(seen.values())

    def is_active_on(self, day: dt.date) -> bool:
        started = self.established_on is None or self.established_on <= day
        return started and (self.succeeded_on is None or day < self.succeeded_on)

    def is_active_during(self, first: dt.date, last: dt.date) -> bool:
        started = self.established_on is None or self.established_on <= last
        return started and (self.succeeded_on is None or first < self.succeeded_on)


class Role(models.TextChoices):
    VIEWER = "viewer", _("Xem")
    EDITOR = "editor", _("Nhập liệu")
    APPROVER = "approver", _("Lãnh đạo duyệt")
    OFFICE_ADMIN = "office_admin", _("Quản trị cơ quan")
    NATIONAL_VIEWER = "national_viewer", _("Xem toàn quốc")
    NATIONAL_ADMIN = "national_admin", _("Quản trị toàn quốc")


# Roles that reach every office wherever the membership is recorded; only a national administrator gives them.
NATIONAL_ROLES = frozenset({Role.NATIONAL_VIEWER, Role.NATIONAL_ADMIN})


class Membership(models.Model):
    """A user's role in an office. A national viewer reads every office; a national administrator manages
    every office and its administrators."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [models.UniqueConstraint(fields=["user", "office"], name="one_role_per_office")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.office.code}: {self.role}"


def office_key(*, db_index: bool = True) -> models.ForeignKey[Office, Office]:
    """The office a record belongs to. Without its own index where the model's composite indexes begin
    with it (an index no query needs costs every insert)."""
    return models.ForeignKey(
        Office, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+", db_index=db_index
    )


class OfficeOwned(models.Model):
    """A record that belongs to one office; staff archive it rather than delete it."""

    office = office_key()
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field) -> Any:  # Django's name
        """`get_status_display()` and the like, from each field's labels gathered once: Django's own builds
        the dict of every choice again at each call, a tenth of drawing a list of 25 items."""
        value = getattr(self, field.attname)
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(make_hashable(field.flatchoices))
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


# A field's choices are fixed when its model is defined (no model here takes them from a callable); the labels
# are lazy, so the dict serves every language.
_CHOICE_LABELS: dict[models.Field, dict[Any, Any]] = {}


class Preference(models.Model):
    """What a user chose for the interface: language and text size, kept across browsers."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference")
    language = models.CharField(_("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES, default="vi")
    text_size = models.PositiveSmallIntegerField(_("cỡ chữ (%)"), default=100)

    class Meta:
        verbose_name = _("tùy chọn người dùng")
        verbose_name_plural = _("tùy chọn người dùng")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}, {self.text_size}%"


class Account(models.Model):
    """What caunoi keeps about a user beyond Django's own: the office whose administrator manages the account
    (creates, resets, deactivates it), and whether the password must be changed at the next sign-in (after an
    administrator set it)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    office = models.ForeignKey(
        Office,
        verbose_name=_("cơ quan quản lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
    )
    must_change_password = models.BooleanField(_("phải đổi mật khẩu khi đăng nhập"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self) -> str:
        return f"{self.user} ({self.office.code if self.office else '—'})"


class LedgerMark(models.Model):
    """A token that changes whenever the records of an office (or the shared reference data: rates, sectors,
    organisations, geography, offices — scope "global") change. Computed reports are kept under the tokens
    they were built from (`caunoi.core.marks`), so a change makes them stale without anyone clearing them.

    Tokens are random, never counters: a counter rolled back with its transaction would come round again and
    find a report built from records that never committed."""

    scope = models.CharField(primary_key=True, max_length=32)
    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return f"{self.scope}: {self.token}"
