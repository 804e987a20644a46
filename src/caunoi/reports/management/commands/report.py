"""`caunoi report aid --year 2022 [--office CODE] [--format text|json]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management import get_commands, load_command_class
from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_for_year
from caunoi.documents.commandline import add_annual_arguments, run_annual
from caunoi.reports.aid import aid_summary
from caunoi.reports.aid_text import render_aid_text


class Command(BaseCommand):
    help = "Báo cáo tính từ dữ liệu / reports computed from records."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="report", required=True, parser_class=type(parser))
        aid = sub.add_parser(
            "aid",
            help="Tình hình vận động viện trợ / aid mobilisation summary",
            called_from_command_line=True,
        )
        aid.add_argument("--year", type=int, required=True)
        aid.add_argument("--office", help="mã cơ quan / office code")
        aid.add_argument("--format", choices=["text", "json"], default="text")
        aid.add_argument(
            "--include-predecessors",
            action="store_true",
            help="gồm cả dữ liệu các cơ quan tiền thân / include predecessor offices' records",
        )

        annual = sub.add_parser(
            "annual",
            help="Báo cáo năm theo Nghị định 30/2020 / annual report (docx, pdf, md; xlsx: annexes)",
            called_from_command_line=True,
        )
        add_annual_arguments(annual)
        diplomacy = sub.add_parser(
            "diplomacy",
            help="Đối ngoại nhân dân trong năm / people's diplomacy of a year",
            called_from_command_line=True,
        )
        diplomacy.add_argument("--year", type=int, required=True)
        diplomacy.add_argument("--office", help="mã cơ quan / office code")
        diplomacy.add_argument("--format", choices=["text", "json"], default="text")
        diplomacy.add_argument("--on", help="tình trạng tính đến ngày / statuses as of (default: today)")
        diplomacy.add_argument(
            "--include-predecessors",
            action="store_true",
            help="gồm cả dữ liệu các cơ quan tiền thân / include predecessor offices' records",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["report"] == "annual":
            run_annual(self, options)
            return
        if options["report"] == "diplomacy":
            # The same report as `caunoi diplomacy report`, under the name the other reports use; found by
            # its command's name, so that the reports app does not import the relations app.
            try:
                command: Any = load_command_class(get_commands()["diplomacy"], "diplomacy")
                command.stdout, command.stderr = self.stdout, self.stderr
                command.report(options)
            except RuleErrors as error:
                raise CommandError(str(error)) from None
            return
        year = options["year"]
        if not 1990 <= year <= 2100:
            raise CommandError(f"Năm {year} không hợp lệ / year {year} is not valid")
        try:
            office = office_for_year(options["office"], year)
            summary = aid_summary(office, year, include_predecessors=options["include_predecessors"])
        except RuleErrors as error:
            raise CommandError(str(error)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_aid_text(summary), ending="")
