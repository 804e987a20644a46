"""`caunoi reminders send`: collect today's reminders into notifications and send the e-mail digests.

Run daily (cron or a systemd timer, see the README)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from caunoi.core.permissions import SYSTEM
from caunoi.notify import services


class Command(BaseCommand):
    help = "Nhắc việc: tạo thông báo và gửi thư tổng hợp / Reminders: notify people and send e-mail digests"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["send"])
        parser.add_argument("--date", help="YYYY-MM-DD (mặc định hôm nay / default today)")
        parser.add_argument("--no-email", action="store_true", help="chỉ tạo thông báo / notifications only")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError(
                f"Ngày không hợp lệ: {options['date']!r} (YYYY-MM-DD) / Invalid date: {options['date']!r}"
            ) from None
        collected = services.collect(today, actor=SYSTEM)
        sent = 0 if options["no_email"] else services.send_digests(actor=SYSTEM)
        self.stdout.write(
            f"{collected.created} thông báo mới cho {collected.users} người, {collected.resolved} đã xong, "
            f"{sent} thư đã gửi / {collected.created} new notifications for {collected.users} people, "
            f"{collected.resolved} resolved, {sent} e-mails sent"
        )
