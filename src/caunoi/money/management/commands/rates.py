"""`caunoi rates import FILE.csv [--office CODE | --common] [--month 2026-01]`.

Exit codes: 0 imported, 1 nothing imported (every problem listed with its row and column), 2 bad arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code
from caunoi.core.permissions import SYSTEM
from caunoi.money.rates_csv import import_rates, parse_month
from caunoi.vntext.numbers import format_count


class Command(BaseCommand):
    help = "Tỷ giá / exchange rates."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        found = sub.add_parser(
            "import",
            help="nhập tỷ giá một tháng từ tệp CSV / import a month of rates",
            called_from_command_line=True,
        )
        found.add_argument("file", type=Path)
        scope = found.add_mutually_exclusive_group()
        scope.add_argument("--office", help="mã cơ quan / office code")
        scope.add_argument(
            "--common",
            action="store_true",
            help="tỷ giá chung cho mọi cơ quan / rates common to every office",
        )
        found.add_argument(
            "--month", help="tháng áp dụng cho các ô ngày để trống / month of empty dates (2026-01)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            office = None if options["common"] else office_by_code(options["office"])
            month = parse_month(options["month"]) if options["month"] else None
            result = import_rates(path, office, actor=SYSTEM, month=month)
        except RuleErrors as error:
            total = len(error.problems)
            raise CommandError(
                f"Không nhập gì cả: {total} lỗi / nothing imported: {total} problem(s)\n{error}"
            ) from None
        where = office.code if office else "chung / common"
        self.stdout.write(
            f"Đã nhập {format_count(len(result.rates))} tỷ giá ({where}) / imported {len(result.rates)} rate(s)."
        )
