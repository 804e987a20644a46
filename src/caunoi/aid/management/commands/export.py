"""`caunoi export aid [--year YYYY] [--office CODE] FILE.xlsx|FILE.csv`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.aid.itemspec import prefetch_for_specs
from caunoi.aid.models import AidItem
from caunoi.aid.spreadsheet import export_specs, write_table
from caunoi.aid.years import items_of_year
from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code, office_for_year


class Command(BaseCommand):
    help = "Xuất dữ liệu ra bảng tính / export records to a spreadsheet."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="what", required=True, parser_class=type(parser))
        aid = sub.add_parser("aid", help="khoản viện trợ / aid items", called_from_command_line=True)
        aid.add_argument("file", type=Path)
        aid.add_argument("--year", type=int, help="khoản được phê duyệt trong năm / items approved that year")
        aid.add_argument("--office", help="mã cơ quan / office code")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        year = options["year"]
        try:
            if year is not None:
                office = office_for_year(options["office"], year)
                items = items_of_year([office], year)
            else:
                office = office_by_code(options["office"])
                items = AidItem.objects.filter(office=office, archived_at__isnull=True)
            specs = export_specs(prefetch_for_specs(items.order_by("code")))
            if not path.parent.is_dir():
                raise CommandError(f"Không có thư mục {path.parent} / no such folder {path.parent}")
            rows = write_table(specs, path)
        except RuleErrors as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"Không ghi được {path} / cannot write {path}: {error.strerror}") from None
        self.stdout.write(
            f"Đã xuất {len(specs)} khoản viện trợ, {rows} dòng vào {path} / exported {len(specs)} items."
        )
