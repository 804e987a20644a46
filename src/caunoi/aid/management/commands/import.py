"""`caunoi import aid FILE.xlsx|FILE.csv [--office CODE] [--format text|json]`.

Exit codes: 0 imported, 1 nothing imported (the problems are listed: the first 1.000 and their total),
2 bad arguments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.aid.spreadsheet_import import import_file
from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code
from caunoi.core.permissions import SYSTEM


class Command(BaseCommand):
    help = "Nhập dữ liệu từ bảng tính / import records from a spreadsheet."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="what", required=True, parser_class=type(parser))
        aid = sub.add_parser("aid", help="khoản viện trợ / aid items", called_from_command_line=True)
        aid.add_argument("file", type=Path)
        aid.add_argument("--office", help="mã cơ quan / office code")
        aid.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            office = office_by_code(options["office"])
            summary = import_file(office, path, actor=SYSTEM)
        except RuleErrors as error:
            total = getattr(error, "total", len(error.problems))
            if options["format"] == "json":
                self.stdout.write(
                    json.dumps(
                        {"ok": False, "total": total, "problems": [p.as_dict() for p in error.problems]},
                        ensure_ascii=False,
                        indent=2,
                    )
                )
            raise CommandError(
                f"Không nhập gì cả: {total} lỗi / nothing imported: {total} problem(s)\n{error}"
            ) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps({"ok": True, **summary.as_dict()}, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"Đã nhập {len(summary.created)} khoản viện trợ mới, {len(summary.unchanged)} khoản không đổi "
            f"({summary.rows} dòng) / imported {len(summary.created)} new, {len(summary.unchanged)} unchanged."
        )
        if summary.organisations_created:
            self.stdout.write("Tổ chức mới / new organisations: " + "; ".join(summary.organisations_created))
