"""`caunoi check-text FILE [--lang vi|en]`: the arithmetic of a Vietnamese report text.

Exit codes: 0 no arithmetic error, 1 an arithmetic error found, 2 unusable input (missing, unreadable,
a directory, binary, not UTF-8, larger than CAUNOI_CHECK_TEXT_MAX_MB)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.vntext.checktext import main_check_text


class Command(BaseCommand):
    help = "Kiểm tra số liệu trong văn bản báo cáo / check the figures of a report text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--lang", choices=["vi", "en"], default="vi")

    def handle(self, *args: Any, **options: Any) -> None:
        max_bytes = settings.CHECK_TEXT_MAX_MB * 1024 * 1024
        report, code = main_check_text(options["file"], options["lang"], max_bytes)
        if code == 2:
            # Exit code 2 is unusable input; 1 means the text has an arithmetic error.
            raise CommandError(report, returncode=2)
        self.stdout.write(report)
        if code:
            raise SystemExit(code)
