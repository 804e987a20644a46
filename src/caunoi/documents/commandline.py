"""The command-line side of the annual report, shared by `caunoi documents annual` and `caunoi report annual`:
the same arguments, the same exporter, bilingual CommandErrors instead of tracebacks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.documents.exporters import get_exporter
from caunoi.documents.messages import OUTPUT_UNWRITABLE


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"Ngày “{text}” không hợp lệ (dạng YYYY-MM-DD) / date “{text}” is not valid (use YYYY-MM-DD)"
        ) from None


def add_annual_arguments(parser: CommandParser) -> None:
    """The arguments of `annual`, shared with `caunoi report annual` (see NEEDS.md)."""
    formats = get_exporter("annual").formats
    parser.add_argument("--year", type=int, required=True, help="năm báo cáo / report year")
    parser.add_argument("--format", choices=formats, default="docx", help="định dạng / file format")
    parser.add_argument("--office", help="mã cơ quan / office code")
    parser.add_argument("-o", "--output", required=True, help="tệp kết quả / output file")
    parser.add_argument("--date", help="ngày ký, YYYY-MM-DD / date of signature")
    parser.add_argument("--number", help="số văn bản / document number")
    parser.add_argument(
        "--include-predecessors",
        action="store_true",
        help="gồm cả dữ liệu các cơ quan tiền thân / include predecessor offices' records",
    )


def run_annual(command: BaseCommand, options: dict[str, Any]) -> None:
    parameters = {
        "year": options["year"],
        "format": options["format"],
        "office": options.get("office"),
        "date": _date(options["date"]) if options.get("date") else None,
        "number": options.get("number"),
        "include_predecessors": options.get("include_predecessors", False),
    }
    try:
        document = get_exporter("annual").render(parameters)
    except RuleErrors as error:
        raise CommandError(str(error)) from None
    path = Path(options["output"])
    try:
        path.write_bytes(document.content)
    except OSError as error:
        problem = OUTPUT_UNWRITABLE(field="output", path=str(path), reason=error.strerror or str(error))
        raise CommandError(str(problem)) from None
    command.stdout.write(f"{path} ({document.media_type}, {len(document.content):,} bytes)")
