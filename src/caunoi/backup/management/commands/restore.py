"""`caunoi restore FILE [--force]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.backup.restore import restore_backup
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM

METHODS = {
    "sqlite-file": "tệp SQLite / the SQLite file",
    "pg_restore": "pg_restore",
    "rows": "các dòng dữ liệu di chuyển được / the portable rows",
}


class Command(BaseCommand):
    help = (
        "Phục hồi một bản sao lưu vào cơ sở dữ liệu trống / "
        "restore a backup into an empty database (SQLite or PostgreSQL)"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="tệp của caunoi backup / an archive of caunoi backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="thay thế cả khi đã có dữ liệu / replace the data already there",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = restore_backup(Path(options["archive"]), actor=SYSTEM, force=options["force"])
        except RuleErrors as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Đã phục hồi / restored: {done.rows} dòng / rows, {done.files} tệp / files "
            f"(từ / from {done.source_vendor}, qua / through {METHODS[done.method]})"
        )
