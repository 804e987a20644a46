"""`caunoi bulletin ISSUE -o FILE.pdf [--office CODE]`: a bulletin issue as its print PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code
from caunoi.publishing import messages as m
from caunoi.publishing.bulletin_pdf import render_bulletin_pdf
from caunoi.publishing.services.lookup import issue_numbered


class Command(BaseCommand):
    help = "In một số Bản tin Hợp tác – Hữu nghị ra PDF / render a bulletin issue to PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("issue", help="số bản tin / the issue's number")
        parser.add_argument("-o", "--output", required=True, help="tệp PDF / output PDF file")
        parser.add_argument("--office", help="mã cơ quan / office code")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["output"])
        try:
            office = office_by_code(options.get("office"))
            issue = issue_numbered(office, options["issue"])
            content = render_bulletin_pdf(issue)
        except RuleErrors as error:
            raise CommandError(str(error)) from None
        try:
            path.write_bytes(content)
        except OSError as error:
            problem = m.OUTPUT_UNWRITABLE(field="output", path=str(path), reason=error.strerror or str(error))
            raise CommandError(str(problem)) from None
        self.stdout.write(f"{path} (application/pdf, {len(content):,} bytes)")
