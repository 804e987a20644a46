"""`caunoi diplomacy report --year 2022 [--office CODE] [--format text|json] [--on DATE]`,
`caunoi diplomacy alerts [--office CODE] [--on DATE] [--lead-days 90] [--format text|json]` and
`caunoi diplomacy seed-calendar [--office CODE]`."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_for_year
from caunoi.core.permissions import SYSTEM
from caunoi.relations import messages as m
from caunoi.relations.alerts import agreement_alerts, workshop_alerts
from caunoi.relations.anniversaries import calendar_gaps, upcoming_anniversaries
from caunoi.relations.report import diplomacy_summary
from caunoi.relations.report_text import render_diplomacy_text
from caunoi.relations.services.calendar import seed_calendar


def parse_day(text: str) -> dt.date:
    """yyyy-mm-dd or dd/mm/yyyy."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise m.DATE_INVALID(field="on", value=text)


class Command(BaseCommand):
    help = "Đối ngoại nhân dân: báo cáo, cảnh báo / people's diplomacy: report, alerts."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        report = sub.add_parser(
            "report", help="Báo cáo năm / the year's summary", called_from_command_line=True
        )
        report.add_argument("--year", type=int, required=True)
        report.add_argument("--office", help="mã cơ quan / office code")
        report.add_argument("--format", choices=["text", "json"], default="text")
        report.add_argument("--on", help="tình trạng tính đến ngày / statuses as of (default: today)")
        report.add_argument(
            "--include-predecessors",
            action="store_true",
            help="gồm cả dữ liệu các cơ quan tiền thân / include predecessor offices' records",
        )
        alerts = sub.add_parser(
            "alerts",
            help="Cảnh báo và ngày kỷ niệm sắp tới / alerts and coming anniversaries",
            called_from_command_line=True,
        )
        alerts.add_argument("--office", help="mã cơ quan / office code")
        alerts.add_argument("--on", help="tính đến ngày / as of (default: today)")
        alerts.add_argument("--lead-days", type=int, default=90)
        alerts.add_argument("--format", choices=["text", "json"], default="text")
        seed = sub.add_parser(
            "seed-calendar",
            help="Thêm các ngày kỷ niệm có nguồn / add the sourced occasions",
            called_from_command_line=True,
        )
        seed.add_argument("--office", help="mã cơ quan / office code")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            {"report": self.report, "alerts": self.alerts, "seed-calendar": self.seed}[options["action"]](
                options
            )
        except RuleErrors as error:
            raise CommandError(str(error)) from None

    def report(self, options: dict[str, Any]) -> None:
        year = options["year"]
        if not 1990 <= year <= 2100:
            raise m.YEAR_INVALID(field="year", year=year)
        on = parse_day(options["on"]) if options["on"] else None
        office = office_for_year(options["office"], year)
        summary = diplomacy_summary(office, year, on, include_predecessors=options["include_predecessors"])
        if options["format"] == "json":
            self.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(render_diplomacy_text(summary), ending="")

    def alerts(self, options: dict[str, Any]) -> None:
        on = parse_day(options["on"]) if options["on"] else timezone.localdate()
        lead = options["lead_days"]
        if not 0 <= lead <= 3660:
            raise CommandError(f"--lead-days {lead}: 0–3660")
        office = office_for_year(options["office"], on.year)
        alerts = agreement_alerts(office, on) + workshop_alerts(office, on)
        coming = upcoming_anniversaries(office, on, lead)
        gaps = calendar_gaps(office, on, lead)
        if options["format"] == "json":
            data = {
                "office": office.code,
                "on": on.isoformat(),
                "lead_days": lead,
                "alerts": [a.as_dict() for a in alerts],
                "anniversaries": [a.as_dict() for a in coming],
                "calendar_gaps": [{"title": t, "year": y} for t, y in gaps],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        lines = [f"CẢNH BÁO — {office.name} — ngày {on:%d/%m/%Y}"]
        lines += [f"- {a.vi}" for a in alerts] or ["- Không có cảnh báo."]
        lines += ["", f"NGÀY KỶ NIỆM TRONG {lead} NGÀY TỚI"]
        for a in coming:
            years = f" — {a.years} năm" if a.years else ""
            approx = " (ngày ước tính)" if a.approximate else ""
            lines.append(f"- {a.on:%d/%m/%Y}: {a.title}{years}{approx}, còn {a.days_until} ngày")
        if not coming:
            lines.append("- Không có.")
        lines += [f"- Chưa nhập ngày {title} năm {year}." for title, year in gaps]
        self.stdout.write("\n".join(lines) + "\n")

    def seed(self, options: dict[str, Any]) -> None:
        office = office_for_year(options["office"], timezone.localdate().year)
        added = seed_calendar(office, actor=SYSTEM)
        self.stdout.write(f"{office.code}: đã thêm {added} dịp kỷ niệm / {added} occasions added\n")
