"""`caunoi import aid FILE.xlsx|FILE.csv [--office CODE] [--update] [--valid-only] [--left-out FILE]
[--reason TEXT] [--format text|json]`.

`--update` changes items already in the ledger to what the file says (otherwise an item that differs is
refused); `--valid-only` saves the valid items and leaves out the others, whose rows `--left-out` writes to a
file to fix, with the reason. Exit codes: 0 imported, 1 nothing imported (the problems are listed: the first
1.000 and their total), 2 bad arguments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.aid.spreadsheet_import import import_file
from caunoi.aid.spreadsheet_leftout import write_left_out
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
        aid.add_argument(
            "--update", action="store_true", help="sửa khoản đã có theo tệp / update existing items"
        )
        aid.add_argument(
            "--valid-only", action="store_true", help="chỉ nhập khoản hợp lệ / import the valid items only"
        )
        aid.add_argument("--left-out", type=Path, help="ghi các dòng chưa nhập / write the left-out rows")
        aid.add_argument(
            "--reason", default="", help="lý do sửa, ghi vào lịch sử / reason kept in the history"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        try:
            office = office_by_code(options["office"])
            summary = import_file(
                office,
                path,
                actor=SYSTEM,
                update=options["update"],
                valid_only=options["valid_only"],
                reason=options["reason"],
            )
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
        left_out = 0
        if options["left_out"] and summary.left_out:
            left_out = write_left_out(path, summary.left_out, options["left_out"])
        if options["format"] == "json":
            body = {"ok": True, **summary.as_dict(), "left_out_rows": left_out}
            if summary.counts["invalid"]:
                body["problems"] = [p.as_dict() for p in summary.problems.kept]
            self.stdout.write(json.dumps(body, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"Đã nhập {len(summary.created)} khoản viện trợ mới, {len(summary.unchanged)} khoản không đổi "
            f"({summary.rows} dòng) / imported {len(summary.created)} new, {len(summary.unchanged)} unchanged."
        )
        if options["update"]:
            changed = len(summary.changed)
            self.stdout.write(f"Đã sửa {changed} khoản viện trợ / updated {changed} item(s).")
        if summary.counts["invalid"]:
            where = f": {left_out} rows in {options['left_out']}" if left_out else ""
            self.stdout.write(
                f"Bỏ qua {summary.counts['invalid']} khoản có lỗi / left out {summary.counts['invalid']} "
                f"invalid item(s){where}"
            )
            for problem in summary.problems.kept:
                self.stdout.write(f"  {problem.where()}: {problem.vi} / {problem.en}")
        if summary.organisations_created:
            self.stdout.write("Tổ chức mới / new organisations: " + "; ".join(summary.organisations_created))
