"""`caunoi figures extract FILE [--office CODE] [--save]`: the aid figures a narrative report states.
`caunoi figures rebuild [--office CODE] [--year YEAR]`: compute the ledger's kept figures again.

extract prints the proposal (each figure with its sentence); with --save, stores it as the office's proposed
reported figures, for staff to confirm on the web. Exit codes: 0 read, 1 refused (unreadable file, no figures,
no office), 2 bad arguments.

rebuild computes and stores the figures the aid report and the dashboard sum (`caunoi.reports.kept`) of every
office (or one) for every year with records (or one). Never needed for correctness — a read computes any
office-year whose records changed — but it spares the first readers after a bulk load that wait."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code, office_for_year
from caunoi.core.permissions import SYSTEM
from caunoi.reported import services
from caunoi.reported.readers import MAX_BYTES
from caunoi.reported.show import describe


class Command(BaseCommand):
    help = "Đọc số liệu viện trợ trong văn bản báo cáo / read the aid figures of a report."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        extract = sub.add_parser("extract", help="đọc số liệu từ tệp .txt, .docx, .pdf / read a file")
        extract.add_argument("file")
        extract.add_argument("--office", help="mã cơ quan / office code")
        extract.add_argument(
            "--save", action="store_true", help="lưu thành đề xuất chờ xác nhận / store as a proposal"
        )

        rebuild = sub.add_parser("rebuild", help="tính lại số liệu lưu sẵn / compute the kept figures again")
        rebuild.add_argument("--office", help="mã cơ quan / office code")
        rebuild.add_argument("--year", type=int, help="năm / year")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "rebuild":
            self.rebuild(options["office"], options["year"])
            return
        path = Path(options["file"])
        try:
            if not path.is_file():
                raise CommandError(f"Không có tệp / no such file: {path}", returncode=2)
            with path.open("rb") as file:
                data = file.read(MAX_BYTES + 1)  # a longer file is refused by its size, unread
            proposal, _text = services.read_proposal(path.name, data)
            self.stdout.write(describe(proposal, path.name))
            if options["save"]:
                year = proposal.period_start.year if proposal.period_start else 0
                office = (
                    office_by_code(options["office"]) if options["office"] else office_for_year(None, year)
                )
                figures = services.propose(office, proposal, path.name, actor=SYSTEM)
                self.stdout.write(
                    f"Đã lưu đề xuất số {figures.pk} cho {office.code} / stored as proposal {figures.pk}\n"
                )
        except RuleErrors as errors:
            text = "\n".join(f"{p.vi}\n{p.en}" for p in errors.problems)
            raise CommandError(text, returncode=1) from None
        except OSError as error:
            raise CommandError(f"Không đọc được tệp / cannot read the file: {error}", returncode=1) from None

    def rebuild(self, code: str | None, year: int | None) -> None:
        from caunoi.core.models import Office
        from caunoi.reports import kept

        try:
            offices = [office_by_code(code).pk] if code else list(Office.objects.values_list("pk", flat=True))
        except RuleErrors as errors:
            raise CommandError("\n".join(f"{p.vi}\n{p.en}" for p in errors.problems), returncode=1) from None
        years = [year] if year is not None else kept.years_with_records(offices)
        done = kept.rebuild(offices, years)
        self.stdout.write(f"Đã tính lại {done} năm-cơ quan / {done} office-years computed again\n")
