"""`caunoi check-text FILE [--lang vi|en]`: the arithmetic of a Vietnamese report text."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.vntext.checktext import main_check_text


class Command(BaseCommand):
    help = "Kiểm tra số liệu trong văn bản báo cáo / check the figures of a report text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--lang", choices=["vi", "en"], default="vi")

    def handle(self, *args: Any, **options: Any) -> None:
        report, code = main_check_text(options["file"], options["lang"])
        if code == 2:
            raise CommandError(report)
        self.stdout.write(report)
        if code:
            raise SystemExit(code)
