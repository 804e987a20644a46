"""`caunoi iati import PATH… [--office CODE] [--recipient-country VN] [--dry-run] [--skip-invalid]
[--progress] [--format text|json]` and `caunoi iati export --office CODE [--year …] FILE
[--organisation-file FILE]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.messages import DATABASE_BUSY
from caunoi.core.offices import office_by_code
from caunoi.core.permissions import SYSTEM
from caunoi.iati.exporter import export_office
from caunoi.iati.importer import import_paths
from caunoi.iati.messages import IMPORT_BUSY
from caunoi.iati.report import Summary

# Exit statuses, as the README documents: 0 saved (or nothing to do, or a dry run without error), 1 nothing
# saved (problems in the input, or none of its activities valid), 2 bad arguments, 3 busy: try again.
EXIT_REFUSED = 1
EXIT_BUSY = 3
BUSY_CODES = {DATABASE_BUSY.code, IMPORT_BUSY.code}


class Command(BaseCommand):
    help = "Trao đổi dữ liệu IATI 2.03 / IATI 2.03 exchange."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        imp = sub.add_parser(
            "import", help="nhập tệp IATI / import IATI files", called_from_command_line=True
        )
        imp.add_argument(
            "paths", nargs="+", type=Path, help="tệp .xml, .xml.gz hoặc thư mục / files or folders"
        )
        imp.add_argument("--office", help="mã cơ quan / office code")
        imp.add_argument(
            "--recipient-country", help="chỉ nhập hoạt động cho nước này (vd. VN) / only this country"
        )
        imp.add_argument("--dry-run", action="store_true", help="kiểm tra, không lưu / check, save nothing")
        imp.add_argument(
            "--skip-invalid", action="store_true", help="bỏ qua hoạt động lỗi / skip invalid ones"
        )
        imp.add_argument("--progress", action="store_true", help="luôn hiện tiến độ / always show progress")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        exp = sub.add_parser(
            "export", help="xuất tệp IATI / export an IATI file", called_from_command_line=True
        )
        exp.add_argument("file", type=Path)
        exp.add_argument("--office", required=True, help="mã cơ quan / office code")
        exp.add_argument(
            "--year", type=int, action="append", help="năm phê duyệt / approval year (repeatable)"
        )
        exp.add_argument(
            "--organisation-file", type=Path, help="tệp tổ chức IATI của cơ quan / organisation file"
        )
        exp.add_argument("--generated", help="generated-datetime cố định (ISO) / fixed generated-datetime")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "import":
                self._import(options)
            else:
                self._export(options)
        except RuleErrors as error:
            busy = any(p.code in BUSY_CODES for p in error.problems)
            raise CommandError(str(error), returncode=EXIT_BUSY if busy else 1) from None

    def _import(self, options: dict[str, Any]) -> None:
        office = office_by_code(options["office"])
        summary = import_paths(
            options["paths"],
            office,
            recipient_country=options["recipient_country"],
            dry_run=options["dry_run"],
            skip_invalid=options["skip_invalid"],
            progress=options["progress"] or sys.stderr.isatty(),
            actor=SYSTEM,
        )
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_text(summary))
        if summary.errors and not summary.committed:
            raise CommandError(
                f"Không nhập gì cả: {len(summary.errors)} lỗi / nothing imported: {len(summary.errors)} problem(s)",
                returncode=EXIT_REFUSED,
            )

    def _export(self, options: dict[str, Any]) -> None:
        office = office_by_code(options["office"])
        result = export_office(
            office,
            options["file"],
            years=options["year"],
            organisation_file=options["organisation_file"],
            generated=options["generated"],
        )
        self.stdout.write(
            f"Đã xuất {result.activities} hoạt động vào {options['file']} / "
            f"exported {result.activities} activities to {options['file']}"
        )


def render_text(summary: Summary) -> str:
    lines = [problem.line_text() for problem in summary.errors]
    lines += ["[notice] " + problem.line_text() for problem in summary.notices]
    c = summary.counts()
    lines.append(
        f"Tệp {c['files']}; đọc {c['read']}, nhập mới {c['imported']}, cập nhật {c['updated']}, "
        f"không đổi {c['unchanged']}, bị từ chối {c['rejected']}, bỏ qua (nước khác) {c['skipped']}; "
        f"giao dịch {c['transactions']} (vào sổ {c['ledger_transactions']}, giữ ngoài sổ "
        f"{c['other_transactions']}); tổ chức mới {c['organisations_created']}."
    )
    lines.append(
        f"Files {c['files']}; read {c['read']}, imported {c['imported']}, updated {c['updated']}, "
        f"unchanged {c['unchanged']}, rejected {c['rejected']}, skipped (other country) {c['skipped']}; "
        f"transactions {c['transactions']} (ledger {c['ledger_transactions']}, kept outside "
        f"{c['other_transactions']}); new organisations {c['organisations_created']}."
    )
    if summary.dry_run:
        lines.append("Chạy thử: không lưu gì. / Dry run: nothing saved.")
    elif not summary.committed:
        lines.append(_why_nothing_saved(summary))
    elif not summary.errors and summary.imported + summary.updated == 0:
        lines.append(
            "Không có gì để làm: mọi hoạt động đã có sẵn, không đổi. / "
            "Nothing to do: every activity is already imported, unchanged."
        )
    return "\n".join(lines)


def _why_nothing_saved(summary: Summary) -> str:
    if summary.unreadable_files == summary.files:
        return (
            "Không lưu gì: không đọc được tệp (xem lỗi ở trên). / "
            "Nothing saved: the file could not be read (see the problem above)."
        )
    if summary.imported + summary.updated + summary.unchanged == 0:
        return "Không lưu gì: không có hoạt động hợp lệ nào. / Nothing saved: no activity is valid."
    return (
        "Không lưu gì vì có hoạt động lỗi (dùng --skip-invalid để chỉ nhập hoạt động hợp lệ). / "
        "Nothing saved because some activities are invalid (use --skip-invalid to import only the valid ones)."
    )
