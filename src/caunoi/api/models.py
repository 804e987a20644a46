"""Personal API tokens, and the answers to requests made with an idempotency key."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Scope(models.TextChoices):
    READ = "read", _("Chỉ đọc")
    READ_WRITE = "read_write", _("Đọc và ghi")


class ApiToken(models.Model):
    """A token a user made for a program that calls the API on their behalf, with their rights (never more;
    a read-only token never writes). Only its SHA-256 is kept: the token itself is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    scope = models.CharField(_("phạm vi"), max_length=12, choices=Scope.choices, default=Scope.READ)
    # The token's first characters, shown in the list and used to find its row before comparing hashes.
    prefix = models.CharField(_("đầu mã"), max_length=12, unique=True)
    key_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    # last_used_at changes on every call: recording it as history would write a row per request.
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        ordering = ["user", "-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def may_write(self) -> bool:
        return self.scope == Scope.READ_WRITE


class IdempotentAnswer(models.Model):
    """What a create answered to a request with an `Idempotency-Key`: the same key from the same user gets
    the same answer again instead of a second record."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=500)
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_answer_per_user_key")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.key}: {self.status}"


class ThrottleCount(models.Model):
    """How many requests one token (or one signed-in session) made in one fixed window of the rate. Kept in
    the database so that every server process counts into the same row: with counts in each process's
    memory, four workers would allow four times the rate."""

    key = models.CharField(max_length=100)
    # The window's start in seconds since the epoch (a multiple of the window's length).
    window_start = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="one_count_per_key_window")
        ]

    def __str__(self) -> str:
        return f"{self.key} @{self.window_start}: {self.count}"
