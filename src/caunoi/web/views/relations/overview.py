"""The people's-diplomacy overview (alerts, anniversaries, open plan tasks, counts), the calendar (a month grid
of events and occasions, and what is coming), and the dashboard of events per month and per partner."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import io
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.core import cells, shown
from caunoi.core.permissions import visible_offices
from caunoi.relations.completion import task_completion
from caunoi.relations.dates import Precision
from caunoi.relations.models import (
    Agreement,
    Association,
    Event,
    EventKind,
    Occasion,
    Partnership,
    PartnershipStatus,
)
from caunoi.relations.reminders import (
    alert_record,
    alert_text,
    anniversary_record,
    anniversary_text,
    relation_alerts,
    relation_anniversaries,
    visible_records,
)
from caunoi.relations.status import AgreementStatus
from caunoi.web.links import url_of
from caunoi.web.views.relations.agreements import status_q
from caunoi.web.views.relations.common import SECTION, crumbs, editable_offices, today
from caunoi.web.views.relations.plans import STATES, plans_with_tasks

ANNIVERSARY_LEAD_DAYS = 90
OPEN_TASKS_SHOWN = 10


def _anniversaries(offices: Any, first: dt.date, lead_days: int) -> list[dict[str, Any]]:
    visible = visible_records(offices)
    return [
        {"item": a, "text": anniversary_text(a), "url": url_of(anniversary_record(a, visible))}
        for a in relation_anniversaries(offices, first, lead_days)
    ]


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    offices = list(visible_offices(request.user))
    on = today()
    codes = {o.code for o in offices}
    alerts = [
        {"alert": a, "text": alert_text(a), "url": url_of(alert_record(a)) if a.office in codes else ""}
        for a in relation_alerts(offices, on)
    ]
    open_tasks: list[dict[str, Any]] = []
    for plan in plans_with_tasks(offices):
        for task in plan.tasks.all():
            done = task_completion(task, on)
            if done.state not in ("complete", "cancelled"):
                open_tasks.append({"plan": plan, "task": task, "done": done})
    for row in open_tasks:
        row["state"] = STATES[row["done"].state]
    live = {"office__in": offices, "archived_at__isnull": True}
    in_force = status_q(AgreementStatus.IN_FORCE, on) | status_q(AgreementStatus.EXPIRING, on)
    counts = [
        (
            _("Đối tác đang quan hệ"),
            Partnership.objects.filter(status=PartnershipStatus.ACTIVE, **live).count(),
            reverse("web:rel-partner-list") + "?status=active",
        ),
        (
            _("Thỏa thuận còn hiệu lực"),
            Agreement.objects.filter(in_force, **live).count(),
            reverse("web:rel-agreement-list"),
        ),
        (_("Hội hữu nghị"), Association.objects.filter(**live).count(), reverse("web:rel-association-list")),
        (
            _("Hoạt động năm %(year)s") % {"year": on.year},
            Event.objects.filter(start_on__year=on.year, **live).count(),
            reverse("web:rel-event-list") + f"?year={on.year}",
        ),
    ]
    return render(
        request,
        "web/relations/overview.html",
        {
            "title": SECTION,
            "breadcrumbs": [(SECTION, None)],
            "offices": offices,
            "alerts": alerts,
            "anniversaries": _anniversaries(offices, on, ANNIVERSARY_LEAD_DAYS),
            "lead_days": ANNIVERSARY_LEAD_DAYS,
            "open_tasks": open_tasks[:OPEN_TASKS_SHOWN],
            "open_task_count": len(open_tasks),
            "counts": counts,
            "can_create": editable_offices(request.user).exists(),
            "kinds": [EventKind.INCOMING_DELEGATION, EventKind.OUTGOING_DELEGATION, EventKind.WORKSHOP],
        },
    )


# --- calendar ---------------------------------------------------------------------------------------------

WEEKDAYS = [  # (short, full)
    (gettext_lazy("T2"), gettext_lazy("Thứ Hai")),
    (gettext_lazy("T3"), gettext_lazy("Thứ Ba")),
    (gettext_lazy("T4"), gettext_lazy("Thứ Tư")),
    (gettext_lazy("T5"), gettext_lazy("Thứ Năm")),
    (gettext_lazy("T6"), gettext_lazy("Thứ Sáu")),
    (gettext_lazy("T7"), gettext_lazy("Thứ Bảy")),
    (gettext_lazy("CN"), gettext_lazy("Chủ Nhật")),
]


def _month(request: HttpRequest, on: dt.date) -> dt.date:
    text = request.GET.get("month", "")
    if not text:
        return on.replace(day=1)
    try:
        chosen = dt.datetime.strptime(text, "%Y-%m").date()
    except ValueError:
        chosen = None
    if chosen is None or not 1990 <= chosen.year <= 2100:
        messages.error(
            request,
            _("“%(value)s” không phải tháng hợp lệ (dạng 2026-11); đang xem tháng này.") % {"value": text},
        )
        return on.replace(day=1)
    return chosen


def _shift(month: dt.date, by: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + by
    return dt.date(index // 12, index % 12 + 1, 1)


def _link_occasions(rows: list[dict[str, Any]], offices: list[Any]) -> list[dict[str, Any]]:
    """On the calendar, an occasion's anniversary opens the occasion's page (where it is edited) when the user
    may see it; a predecessor office's occasion keeps its link to the month."""
    records = {r["item"].record for r in rows if r["item"].record.startswith("occasion:")}
    if not records:
        return rows
    ids = [int(record.partition(":")[2]) for record in records]
    seen = set(Occasion.objects.filter(office__in=offices, pk__in=ids).values_list("pk", flat=True))
    for row in rows:
        kind, _sep, pk = row["item"].record.partition(":")
        if kind == "occasion" and int(pk) in seen:
            row["url"] = reverse("web:rel-occasion-detail", args=[int(pk)])
    return rows


@dataclass
class Day:
    date: dt.date
    in_month: bool
    today: bool
    entries: list[dict[str, Any]] = field(default_factory=list)


@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    offices = list(visible_offices(request.user))
    on = today()
    month = _month(request, on)
    weeks_dates = pycalendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first, last = weeks_dates[0][0], weeks_dates[-1][-1]
    events = list(
        Event.objects.filter(
            office__in=offices, archived_at__isnull=True, start_on__lte=last, end_on__gte=first
        )
        .select_related("partnership__organisation")
        .order_by("start_on", "id")
    )
    exact = [e for e in events if e.date_precision == Precision.DAY]
    month_end = _shift(month, 1) - dt.timedelta(days=1)
    vague = [
        e
        for e in events
        if e.date_precision != Precision.DAY and e.start_on <= month_end and e.end_on >= month
    ]
    anniversaries = _link_occasions(_anniversaries(offices, first, (last - first).days), offices)
    days: dict[dt.date, Day] = {}
    weeks = []
    for week in weeks_dates:
        row = []
        for date in week:
            day = Day(date, date.month == month.month, date == on)
            days[date] = day
            row.append(day)
        weeks.append(row)
    for event in exact:
        date = max(event.start_on, first)
        while date <= min(event.end_on, last):
            days[date].entries.append(
                {
                    "kind": "event",
                    "text": event.title,
                    "url": reverse("web:rel-event-detail", args=[event.pk]),
                }
            )
            date += dt.timedelta(days=1)
    for anniversary in anniversaries:
        day_of = days.get(anniversary["item"].on)
        if day_of is not None:
            day_of.entries.append({"kind": "occasion", **anniversary})
    upcoming_events = Event.objects.filter(
        office__in=offices, archived_at__isnull=True, end_on__gte=on
    ).order_by("start_on", "id")[:10]
    title = _("Lịch đối ngoại")
    return render(
        request,
        "web/relations/calendar.html",
        {
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "month": month,
            "month_label": _("Tháng %(month)s năm %(year)s") % {"month": month.month, "year": month.year},
            "previous": _shift(month, -1),
            "next": _shift(month, 1),
            "this_month": on.replace(day=1),
            "weekdays": WEEKDAYS,
            "weeks": weeks,
            "vague": vague,
            "month_entries": [
                (day, entry) for week in weeks for day in week if day.in_month for entry in day.entries
            ],
            "upcoming": _link_occasions(_anniversaries(offices, on, ANNIVERSARY_LEAD_DAYS), offices),
            "upcoming_events": upcoming_events,
            "lead_days": ANNIVERSARY_LEAD_DAYS,
            "can_create": editable_offices(request.user).exists(),
        },
    )


# --- dashboard --------------------------------------------------------------------------------------------


@dataclass
class Table:
    key: str
    title: str
    kind: str
    headers: list[str]
    rows: list[list[Any]]
    total: list[Any]
    description: str = ""
    csv: str = ""

    @property
    def display(self) -> list[list[tuple[str, bool]]]:
        return [[(_shown(v), i > 0) for i, v in enumerate(row)] for row in self.rows]

    short: list[str] = field(default_factory=list)  # the charts' axis labels, when shorter than the table's

    def spec(self, label: str) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "labels": self.short or [str(r[0]) for r in self.rows],
            "datasets": [{"label": label, "data": [r[1] for r in self.rows]}],
            "money": False,
        }


def _dashboard_choice(request: HttpRequest) -> tuple[list[Any], int, list[int], list[str]]:
    offices = list(visible_offices(request.user))
    problems = []
    code = request.GET.get("office", "")
    if code:
        chosen = [o for o in offices if o.code == code]
        if chosen:
            offices = chosen
        else:
            problems.append(_("Không có cơ quan “%(code)s” trong các cơ quan bạn được xem.") % {"code": code})
    years = sorted(
        {
            d.year
            for d in Event.objects.filter(office__in=offices, archived_at__isnull=True).dates(
                "start_on", "year"
            )
        },
        reverse=True,
    )
    on = today()
    default = next((y for y in years if y <= on.year), on.year)
    year = default
    text = request.GET.get("year", "")
    if text:
        if text.isdigit() and 1990 <= int(text) <= 2100:
            year = int(text)
        else:
            problems.append(
                _("“%(value)s” không phải năm hợp lệ; đang xem năm %(year)s.")
                % {"value": text, "year": default}
            )
    return offices, year, years, problems


def _tables(offices: list[Any], year: int) -> list[Table]:
    events = list(
        Event.objects.filter(
            office__in=offices, archived_at__isnull=True, start_on__year=year
        ).select_related("partnership__organisation")
    )
    by_month = Counter(e.start_on.month for e in events if e.date_precision != Precision.YEAR)
    unknown = sum(1 for e in events if e.date_precision == Precision.YEAR)
    month_rows: list[list[Any]] = [[_("Tháng %(month)s") % {"month": m}, by_month[m]] for m in range(1, 13)]
    short = [f"{m:02d}" for m in range(1, 13)]
    if unknown:
        month_rows.append([_("Không rõ tháng"), unknown])
        short.append(_("Không rõ"))
    by_partner = Counter(e.partnership.organisation.name if e.partnership else "" for e in events)
    partner_rows: list[list[Any]] = [
        [name or _("Không gắn đối tác"), n]
        for name, n in sorted(by_partner.items(), key=lambda i: (-i[1], i[0] == "", i[0]))
    ]
    count = _("Số hoạt động")
    return [
        Table(
            "months",
            _("Hoạt động theo tháng, năm %(year)s") % {"year": year},
            "bar",
            [_("Tháng"), count],
            month_rows,
            [_("Tổng"), len(events)],
            _("Theo tháng bắt đầu; hoạt động chỉ biết năm được tính ở “Không rõ tháng”."),
            short=short,
        ),
        Table(
            "partners",
            _("Hoạt động theo đối tác, năm %(year)s") % {"year": year},
            "hbar",
            [_("Đối tác"), count],
            partner_rows,
            [_("Tổng"), len(events)],
            _("Theo quan hệ đối tác ghi ở từng hoạt động."),
        ),
    ]


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    offices, year, years, problems = _dashboard_choice(request)
    tables = _tables(offices, year)
    query = request.GET.urlencode()
    lang = translation.get_language() or "vi"
    for table in tables:
        table.csv = reverse("web:rel-dashboard-csv", args=[table.key]) + (f"?{query}" if query else "")
    title = _("Tổng quan hoạt động đối ngoại")
    has_data = bool(tables[0].total[1])
    return render(
        request,
        "web/relations/dashboard.html",
        {
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "tables": tables,
            "year": year,
            "years": years,
            "office_code": request.GET.get("office", ""),
            "all_offices": visible_offices(request.user),
            "problems": problems,
            "has_data": has_data,
            "chart_data": {
                "locale": "en-GB" if lang == "en" else "vi-VN",
                "charts": {t.key: t.spec(str(t.headers[1])) for t in tables} if has_data else {},
            },
        },
    )


def _shown(value: Any) -> str:
    return shown.number(value) if isinstance(value, int) else str(value)


@login_required
def dashboard_csv(request: HttpRequest, chart: str) -> HttpResponse:
    offices, year, _years, _problems = _dashboard_choice(request)
    found = {t.key: t for t in _tables(offices, year)}
    if chart not in found:
        raise Http404
    table = found[chart]
    buffer = io.StringIO()
    writer = cells.csv_writer(buffer)
    writer.writerow([str(h) for h in table.headers])
    writer.writerows([[str(r[0]), r[1]] for r in table.rows])
    writer.writerow([str(table.total[0]), table.total[1]])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="caunoi-doi-ngoai-{chart}-{year}.csv"'
    return response
