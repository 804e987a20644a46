"""`caunoi check-text FILE [--lang vi|en] [--text-lang vi|en] [--verbose] [--office CODE --year YYYY]`: the
figures of a report text — its own arithmetic (totals, shares, ratios, growth) and, with --office and --year,
its ledger figures against the records of that office and year, read as the system operator.

Exit codes: 0 no error, 1 an error found, 2 unusable input (missing, unreadable, a directory, binary, not
UTF-8, larger than CAUNOI_CHECK_TEXT_MAX_MB; an unknown office; --year without --office or the reverse)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code
from caunoi.core.permissions import SYSTEM
from caunoi.reports.text_records import check_text_against_records
from caunoi.vntext.checktext import main_check_text
from caunoi.vntext.findings import Finding


class Command(BaseCommand):
    help = "Kiểm tra số liệu trong văn bản báo cáo / check the figures of a report text."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--lang", choices=["vi", "en"], default="vi", help="ngôn ngữ kết quả / output")
        parser.add_argument(
            "--text-lang",
            choices=["vi", "en"],
            default="vi",
            help="ngôn ngữ của văn bản / the text's language",
        )
        parser.add_argument(
            "--verbose", action="store_true", help="liệt kê cả phép kiểm tra đúng / list correct checks"
        )
        parser.add_argument(
            "--office", help="mã cơ quan để so với hồ sơ / office code, to compare with records"
        )
        parser.add_argument("--year", type=int, help="năm để so với hồ sơ / year, to compare with records")

    def handle(self, *args: Any, **options: Any) -> None:
        max_bytes = settings.CHECK_TEXT_MAX_MB * 1024 * 1024
        checker = None
        if options["office"] or options["year"]:
            if not (options["office"] and options["year"]):
                raise CommandError(
                    "Cần cả --office và --year để so với hồ sơ / --office and --year go together",
                    returncode=2,
                )
            try:
                office = office_by_code(options["office"])
            except RuleErrors as error:
                raise CommandError(str(error), returncode=2) from None
            year, text_lang = options["year"], options["text_lang"]

            def checker(text: str) -> list[Finding]:
                return check_text_against_records(text, office, year, actor=SYSTEM, text_lang=text_lang)

        report, code = main_check_text(
            options["file"],
            options["lang"],
            max_bytes,
            text_lang=options["text_lang"],
            verbose=options["verbose"],
            checker=checker,
        )
        if code == 2:
            # Exit code 2 is unusable input; 1 means the text has an error.
            raise CommandError(report, returncode=2)
        self.stdout.write(report)
        if code:
            raise SystemExit(code)
