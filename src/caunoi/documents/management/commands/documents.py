"""`caunoi documents annual --year 2022 --format docx|pdf|md|xlsx [--office CODE] -o FILE`, and
`caunoi documents list` (the registered exporters)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from caunoi.documents.commandline import add_annual_arguments, run_annual
from caunoi.documents.exporters import all_exporters


class Command(BaseCommand):
    help = "Văn bản chính thức / official documents (annual report, annexes)."
    # An export reads records and writes one file: the web and URL checks have nothing to say about it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="document", required=True, parser_class=type(parser))
        annual = sub.add_parser(
            "annual",
            help="Báo cáo kết quả công tác năm / annual report (docx, pdf, md; xlsx: annexes)",
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )
        add_annual_arguments(annual)
        sub.add_parser(
            "list",
            help="Các mẫu văn bản / registered documents",
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["document"] == "list":
            for exporter in all_exporters():
                self.stdout.write(f"{exporter.name}\t{', '.join(exporter.formats)}\t{exporter.verbose_name}")
            return
        run_annual(self, options)
