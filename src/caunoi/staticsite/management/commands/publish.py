"""`caunoi publish --office CODE -o DIR [--host NAME]`: the office's public site as static files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code
from caunoi.core.shown import number
from caunoi.staticsite.publish import NothingToPublish, publish


class Command(BaseCommand):
    help = "Xuất trang công khai thành tệp tĩnh / write the public site as static files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--office", help="mã cơ quan; bỏ trống: trang toàn quốc / office code; none: national"
        )
        parser.add_argument("-o", "--output", type=Path, required=True, help="thư mục / folder")
        parser.add_argument(
            "--host",
            default="localhost",
            help="tên miền của trang (trong sitemap, feed) / the site's host name",
        )
        parser.add_argument(
            "--live",
            default="",
            help="địa chỉ trang công khai trực tuyến (https://…), nơi dẫn các liên kết tới trang không có "
            "trong bản tĩnh (trang toàn quốc); bỏ trống: bỏ các liên kết đó / the live public site's address, "
            "where links to pages the copy lacks lead; none: such links are dropped",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["output"]
        try:
            office = office_by_code(options["office"]) if options["office"] else None
            if folder.exists() and not folder.is_dir():
                raise CommandError(f"{folder} không phải thư mục / is not a folder")
            live = options["live"]
            parts = urlsplit(live)
            if live and (parts.scheme not in ("http", "https") or not parts.netloc):
                raise CommandError(f"{live}: cần địa chỉ http(s)://… / an http(s)://… address is needed")
            result = publish(office, folder, host=options["host"], live=live)
        except RuleErrors as error:
            raise CommandError(str(error)) from None
        except NothingToPublish:
            raise CommandError(
                "Không có trang công khai nào để xuất / there is no public page to publish"
            ) from None
        except OSError as error:
            raise CommandError(f"Không ghi được {folder} / cannot write {folder}: {error.strerror}") from None
        pages = result.pages
        slowest = max(pages, key=lambda p: p.ms)
        mean = sum(p.ms for p in pages) / len(pages)
        seconds, per_page = (number(Decimal(f"{v:.1f}"), 1, lang="vi") for v in (result.seconds, mean))
        self.stdout.write(
            f"{len(pages)} tệp / files: {result.written} ghi mới / written, {result.unchanged} không đổi / "
            f"unchanged, {result.removed} xóa / removed; {seconds} s "
            f"({per_page} ms/trang / per page, chậm nhất / slowest {slowest.ms:.0f} ms: {slowest.url})"
        )
        if result.refused:
            self.stdout.write(
                f"{len(result.refused)} liên kết không công khai, không xuất / links not public, left out"
            )
        if result.truncated:
            self.stderr.write("Dừng ở giới hạn số trang / stopped at the page limit")
