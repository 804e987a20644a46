"""Reminders delivered to people: a notification per user and reminder, read in the app or in an e-mail digest,
and each user's choice of what to receive."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from caunoi.core.records import RecordRef
from caunoi.notify.topics import TOPICS


class Notification(models.Model):
    # Indexed by (user, read_at), which begins with it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", db_index=False
    )
    office = models.ForeignKey("core.Office", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("loại"), max_length=60)
    topic = models.CharField(_("chủ đề"), max_length=40, choices=list(TOPICS.items()))
    # One notification per user and reminder, however often reminders are collected.
    key = models.CharField(max_length=64)
    title = models.CharField(_("nội dung"), max_length=1000)
    due = models.DateField(_("hạn"))
    overdue = models.BooleanField(_("quá hạn"), default=False)
    # The record the notification opens (caunoi.core.records), named rather than addressed: the web layer
    # makes the address when it is opened or mailed.
    record_kind = models.CharField(max_length=40, blank=True)
    record_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["due", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_notification_per_reminder")]
        indexes = [models.Index(fields=["user", "read_at"], name="notify_unread")]

    def __str__(self) -> str:
        return self.title

    @property
    def record(self) -> RecordRef | None:
        return RecordRef(self.record_kind, self.record_id) if self.record_kind else None


class ReminderChoice(models.Model):
    """What a user receives on a topic; no row means both, the default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_choices"
    )
    topic = models.CharField(_("chủ đề"), max_length=40, choices=list(TOPICS.items()))
    in_app = models.BooleanField(_("trong ứng dụng"), default=True)
    by_email = models.BooleanField(_("qua thư điện tử"), default=True)

    class Meta:
        verbose_name = _("lựa chọn nhắc việc")
        verbose_name_plural = _("lựa chọn nhắc việc")
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="one_choice_per_topic")]

    def __str__(self) -> str:
        return f"{self.user}: {self.topic}"
