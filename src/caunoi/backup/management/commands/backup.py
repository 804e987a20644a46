"""`caunoi backup [-o FILE|DIR/] [--keep N]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.backup.backup import create_backup
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu, tệp tải lên và bảng kê vào một tệp / "
        "back up the database, the uploaded files and a manifest into one archive"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "-o",
            "--output",
            help="tệp, hoặc thư mục (kết thúc bằng /) / the archive, or a folder (ending in /); "
            "default $CAUNOI_DATA_DIR/backups/",
        )
        parser.add_argument(
            "--keep",
            type=int,
            help="giữ N bản mới nhất trong thư mục / keep the newest N archives of the folder",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        keep = options["keep"]
        if keep is not None and keep < 1:
            raise CommandError("--keep phải ≥ 1 / --keep must be at least 1")
        output = Path(options["output"]) if options["output"] else None
        if output is not None and options["output"].endswith("/"):
            output.mkdir(parents=True, exist_ok=True)
        try:
            path = create_backup(output, actor=SYSTEM, keep=keep)
        except RuleErrors as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã sao lưu / backed up: {path}")
