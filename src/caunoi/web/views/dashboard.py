"""The dashboard: charts of the chosen offices and years, each with its numbers as a table, a PNG and a CSV,
and a map of commitments drawn here as SVG from the units' coordinates (no tiles, no network).

Query strings are never trusted: a bad year, office, date or split gives a message and the default, and an
office the user may not read is treated like one that does not exist (their own offices are shown).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from caunoi.core import cells, marks, shown
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import visible_offices
from caunoi.geography.models import Level
from caunoi.reports.dashboard import Dashboard, Line, MapData, Split
from caunoi.reports.dashboard import dashboard as compute
from caunoi.web.dashboard_map import map_svg
from caunoi.web.jinja import drawn
from caunoi.web.kept_pages import kept_page

MIN_YEAR, MAX_YEAR, MAX_SPAN = 1990, 2100, 30
FIRST_DAY, LAST_DAY = dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31)
ALL = "all"


# --- What the user chose --------------------------------------------------------------------------------------


@dataclass
class Choice:
    visible: list[Office]
    offices: list[Office]
    office: str  # the chosen office's code, "" for all visible
    first: int
    last: int
    on: dt.date
    split: Split
    problems: list[str] = field(default_factory=list)


def choose(request: HttpRequest) -> Choice:
    """The offices, years, map date and split asked for, each bad value replaced by its default with a
    message. An office the user cannot see gets the same message as one that does not exist."""
    today = timezone.localdate()
    problems: list[str] = []
    visible = list(visible_offices(request.user).order_by("code"))
    code = request.GET.get("office", "").strip()
    offices = visible
    if code in ("", ALL):
        code = ""
    else:
        offices = [o for o in visible if o.code == code]
        if not offices:
            problems.append(
                _(
                    "Không có cơ quan “%(code)s” trong các cơ quan bạn được xem: đang hiện mọi cơ quan của bạn."
                )
                % {"code": code[:40]}
            )
            offices, code = visible, ""

    def year(name: str) -> int | None:
        text = request.GET.get(name, "").strip()
        if not text:
            return None
        if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR:
            return int(text)
        problems.append(
            _("Năm “%(value)s” không hợp lệ (cần một năm từ %(min)s đến %(max)s): dùng năm mặc định.")
            % {"value": text[:20], "min": MIN_YEAR, "max": MAX_YEAR}
        )
        return None

    single = year("year")
    first, last = year("year_from"), year("year_to")
    if single is not None:
        first = last = single
    last = last if last is not None else max(today.year, first or today.year)
    first = first if first is not None else min(last, today.year) - 4
    if first > last:
        first, last = last, first
        problems.append(_("“Từ năm” sau “đến năm”: đã đổi chỗ hai năm."))
    if last - first >= MAX_SPAN:
        first = last - MAX_SPAN + 1
        problems.append(
            _("Chỉ xem được tối đa %(n)s năm một lần: từ năm %(first)s.") % {"n": MAX_SPAN, "first": first}
        )

    on = today
    text = request.GET.get("date", "").strip()
    if text:
        day = _parse_date(text)
        if day is None or not FIRST_DAY <= day <= LAST_DAY:
            problems.append(
                _(
                    "Ngày “%(value)s” không hợp lệ (cần dạng năm-tháng-ngày hoặc ngày/tháng/năm): dùng ngày hôm nay."
                )
                % {"value": text[:20]}
            )
        else:
            on = day

    split = Split.EQUAL
    text = request.GET.get("split", "").strip()
    if text:
        if text in Split._value2member_map_:
            split = Split(text)
        else:
            problems.append(_("Cách chia “%(value)s” không có: chia đều.") % {"value": text[:20]})
    return Choice(visible, offices, code, first, last, on, split, problems)


def _parse_date(text: str) -> dt.date | None:
    for parse in (dt.date.fromisoformat, lambda t: dt.datetime.strptime(t, "%d/%m/%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


# --- Charts and their tables ----------------------------------------------------------------------------------


@dataclass
class Chart:
    key: str
    title: str
    kind: str  # bar, doughnut, hbar, map
    headers: list[str]
    rows: list[list[Any]]  # raw values, for the CSV
    numeric: set[int]  # the columns holding numbers
    spec: dict[str, Any] = field(default_factory=dict)  # for Chart.js
    total: list[Any] | None = None
    description: str = ""

    def _cells(self, row: list[Any], lang: str) -> list[tuple[str, bool]]:
        return [(_shown(v, lang), i in self.numeric) for i, v in enumerate(row)]

    @property
    def display_rows(self) -> list[list[tuple[str, bool]]]:
        lang = shown.language()  # once a table: hundreds of cells
        return [self._cells(row, lang) for row in self.rows]

    @property
    def display_total(self) -> list[tuple[str, bool]] | None:
        return self._cells(self.total, shown.language()) if self.total is not None else None


def _shown(value: Any, lang: str | None = None) -> str:
    if isinstance(value, Decimal):
        return shown.number(value, 0 if value == value.to_integral_value() else 2, lang=lang)
    if isinstance(value, int):
        return shown.number(value, lang=lang)
    if isinstance(value, float):  # a coordinate: four decimals, so "104.3470" never reads as a grouped figure
        return shown.number(Decimal(repr(value)), 4, lang=lang)
    return "" if value is None else str(value)


def _name(line: Line, lang: str) -> str:
    return line.name_en if lang == "en" and line.name_en else line.name


def charts(data: Dashboard, lang: str) -> list[Chart]:
    usd = _("Cam kết (USD)")
    count = _("Số khoản")
    years = years_chart(data)

    def by_line(key: str, title: str, kind: str, first: str, lines: list[Line], total: bool) -> Chart:
        return Chart(
            key,
            title,
            kind,
            [first, count, usd],
            [[_name(line, lang), line.count, line.committed] for line in lines],
            {1, 2},
            {
                "labels": [_name(line, lang) for line in lines],
                "datasets": [{"label": _("Cam kết"), "data": [float(line.committed) for line in lines]}],
                "money": True,
            },
            [
                _("Tổng"),
                sum(line.count for line in lines),
                sum((line.committed for line in lines), Decimal(0)),
            ]
            if total
            else None,
        )

    sectors = by_line("sectors", _("Theo lĩnh vực"), "doughnut", _("Lĩnh vực"), data.sectors, True)
    sectors.description = _("Mỗi khoản tính một lần, ở lĩnh vực chính, với toàn bộ số cam kết.")
    donors = by_line(
        "donors", _("Theo nhà tài trợ (10 lớn nhất)"), "hbar", _("Nhà tài trợ"), data.donors, False
    )
    donors.headers.insert(1, _("Quốc gia"))
    donors.numeric = {2, 3}
    for row, line in zip(donors.rows, data.donors, strict=True):
        row.insert(1, line.extra.get("country", ""))
    donors.description = _("Theo bên cấp của khoản cam kết; số khoản là số khoản mà tổ chức tài trợ.")
    modalities = by_line("modalities", _("Theo hình thức"), "doughnut", _("Hình thức"), data.modalities, True)
    statuses = Chart(
        "statuses",
        _("Các khoản theo trạng thái"),
        "hbar",
        [_("Trạng thái"), count],
        [[s.name, s.count] for s in data.statuses],
        {1},
        {
            "labels": [s.name for s in data.statuses],
            "datasets": [{"label": count, "data": [s.count for s in data.statuses]}],
            "money": False,
        },
        [_("Tổng"), sum(s.count for s in data.statuses)],
        _("Trạng thái hiện nay của mọi khoản viện trợ của cơ quan (không lọc theo năm)."),
    )
    return [years, sectors, donors, modalities, statuses, map_chart(data.map)]


def years_chart(data: Dashboard) -> Chart:
    """Committed and disbursed per year from the ledger and, as a series apart, the confirmed reported
    figures of years (and periods) whose documents state them; the column "Nguồn" says which is which."""
    ledger = _("Sổ theo dõi viện trợ")
    rows: list[list[Any]] = [[str(y.year), y.count, y.committed, y.disbursed, ledger] for y in data.years]
    reported = {r.year: r for r in data.reported if r.year is not None}
    for r in data.reported:
        source = _("Theo báo cáo: %(documents)s") % {"documents": "; ".join(r.sources) or "—"}
        if r.unconverted:
            source += " " + _("(chưa có tỷ giá %(currencies)s)") % {"currencies": ", ".join(r.unconverted)}
        rows.append([r.label, r.count, r.committed, r.disbursed, source])
    rows.sort(key=lambda row: (row[0], row[4] != ledger))
    labels = [str(y.year) for y in data.years]
    datasets: list[dict[str, Any]] = [
        {"label": _("Cam kết"), "data": [float(y.committed) for y in data.years]},
        {"label": _("Giải ngân"), "data": [float(y.disbursed) for y in data.years]},
    ]
    if reported:

        def series(name: str) -> list[float | None]:
            values = [getattr(reported.get(y.year), name, None) for y in data.years]
            return [None if v is None else float(v) for v in values]

        datasets += [
            {"label": _("Cam kết theo báo cáo"), "data": series("committed"), "reported": True},
            {"label": _("Giải ngân theo báo cáo"), "data": series("disbursed"), "reported": True},
        ]
    description = _("Cam kết: của các khoản được phê duyệt trong năm. Giải ngân: theo ngày giải ngân.")
    if data.reported:
        description += " " + _(
            "Cột gạch chéo: số liệu theo báo cáo đã được xác nhận (các năm trước khi có sổ theo dõi), không cộng vào sổ."
        )
    return Chart(
        "years",
        _("Cam kết và giải ngân theo năm"),
        "bar",
        [_("Năm"), _("Số khoản được phê duyệt"), _("Cam kết (USD)"), _("Giải ngân (USD)"), _("Nguồn")],
        rows,
        {1, 2, 3},
        {"labels": labels, "datasets": datasets, "money": True},
        [_("Tổng"), data.count, data.committed, data.disbursed, ledger],
        description,
    )


def map_chart(m: MapData) -> Chart:
    rows: list[list[Any]] = [
        [
            u.unit.code,
            u.unit.name,
            u.items,
            u.committed,
            u.unit.latitude,
            u.unit.longitude,
            "; ".join(u.sources),
        ]
        for u in m.listed
    ]
    rows += [
        ["", line.name, line.count, line.committed, None, None, _("không vẽ được trên bản đồ")]
        for line in m.unplaced
    ]
    level = {
        Level.PROVINCE: _("Tỉnh, thành phố"),
        Level.DISTRICT: _("Huyện, thị xã, thành phố"),
    }.get(Level(m.level), _("Xã, phường, đặc khu"))
    return Chart(
        "map",
        _("Bản đồ cam kết theo địa bàn"),
        "map",
        [
            _("Mã"),
            level,
            _("Số khoản"),
            _("Cam kết (USD)"),
            _("Vĩ độ"),
            _("Kinh độ"),
            _("Chuyển từ địa bàn đã ghi"),
        ],
        rows,
        {2, 3},
        total=[
            "",
            _("Tổng"),
            None,
            m.total + sum((line.committed for line in m.unplaced), Decimal(0)),
            None,
            None,
            "",
        ],
    )


# --- Views ----------------------------------------------------------------------------------------------------


def _compute(choice: Choice) -> tuple[Dashboard | None, list[str]]:
    try:
        data = compute(choice.offices, choice.first, choice.last, choice.on, choice.split)
    except RuleErrors as error:  # amounts or rates beyond what any service accepts: say so, show nothing
        return None, [p.text() for p in error.problems]
    # A currency without a rate in force: its amounts are left out of the figures shown, and the rate to
    # enter is said.
    return data, [p.text() for p in data.missing_rates]


class _Parts:
    """What the cached part of the page shows, built only when that part is rendered (a cache miss)."""

    def __init__(self, data: Dashboard, choice: Choice, lang: str, query: str):
        self.data, self.choice, self.lang, self.query = data, choice, lang, query

    @cached_property
    def charts(self) -> list[Chart]:
        found = charts(self.data, self.lang)
        for chart in found:
            chart.spec["csv"] = reverse("web:dashboard-csv", args=[chart.key]) + (
                f"?{self.query}" if self.query else ""
            )
        return found

    @cached_property
    def map_svg(self) -> str:
        return map_svg(self.data.map)

    @cached_property
    def chart_data(self) -> dict[str, Any]:
        choice = self.choice
        return {
            "locale": "en-GB" if self.lang == "en" else "vi-VN",
            "charts": {
                c.key: {"kind": c.kind, "title": c.title, **c.spec} for c in self.charts if c.kind != "map"
            },
            "scope": ", ".join(o.name for o in choice.offices)
            + " · "
            + (_("năm %(first)s–%(last)s") % {"first": choice.first, "last": choice.last})
            + " · USD",
        }

    @property
    def map_svg_url(self) -> str:
        return reverse("web:dashboard-map") + (f"?{self.query}" if self.query else "")

    @property
    def map_units_note(self) -> str:
        n = len(self.data.map.units)
        if self.data.map.level == Level.PROVINCE:
            return _("Tỉnh, thành phố trên bản đồ: %(n)s; bảng có một dòng cho mỗi tỉnh, thành phố.") % {
                "n": shown.number(n)
            }
        return ngettext(
            "%(n)s đơn vị trên bản đồ; bảng liệt kê các đơn vị có số liệu.",
            "%(n)s đơn vị trên bản đồ; bảng liệt kê các đơn vị có số liệu.",
            n,
        ) % {"n": shown.number(n)}

    @cached_property
    def body(self) -> SafeString:
        """The charts, their tables, the map and the rates: hundreds of cells, drawn by Jinja2."""
        return drawn("web/dashboard_body.html", {"parts": self, "data": self.data, "choice": self.choice})


def _body_key(choice: Choice, query: str) -> str:
    """The key of the page's body; the language and the version of the code are in every key."""
    office_ids = [o.pk for o in choice.offices]
    params = (office_ids, choice.first, choice.last, choice.on, str(choice.split), query)
    return marks.key_for("dashboard-body", marks.tokens(office_ids), params)


@login_required
@kept_page("dashboard")
def dashboard(request: HttpRequest) -> HttpResponse:
    choice = choose(request)
    lang = translation.get_language() or "vi"
    data, problems = _compute(choice)
    query = request.GET.urlencode()
    context: dict[str, Any] = {
        "title": _("Tổng quan viện trợ"),
        "breadcrumbs": [(_("Tổng quan viện trợ"), None)],
        "choice": choice,
        "problems": choice.problems + problems,
        "data": data,
        "splits": [
            (Split.EQUAL.value, _("chia đều cho các đơn vị kế thừa")),
            (Split.PRINCIPAL.value, _("ghi cả cho đơn vị chính")),
        ],
    }
    if data is not None:
        context.update(
            parts=_Parts(data, choice, lang, query),
            # The charts, tables and map are rendered once per state of the records and everything else they
            # are drawn from (template fragment cache), for every reader of those offices: rendering them is
            # three quarters of a page drawn afresh. The years and the map's date are the choice's, not the
            # query's: by default they come from today.
            page_state=_body_key(choice, query),
            offices_shown=", ".join(o.name for o in choice.offices),
            kpi={"committed": _shown(data.committed), "disbursed": _shown(data.disbursed)},
        )
    return render(request, "web/dashboard.html", context)


@login_required
def dashboard_csv(request: HttpRequest, chart: str) -> HttpResponse:
    choice = choose(request)
    data, problems = _compute(choice)
    if data is None:
        return HttpResponse("\n".join(problems), status=409, content_type="text/plain; charset=utf-8")
    found = {c.key: c for c in charts(data, translation.get_language() or "vi")}
    if chart not in found:
        raise Http404
    table = found[chart]
    buffer = io.StringIO()
    writer = cells.csv_writer(buffer)
    writer.writerow(table.headers)
    writer.writerows([["" if v is None else v for v in row] for row in table.rows])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"caunoi-{chart}-{choice.first}-{choice.last}"
    if chart == "map":
        name += f"-{choice.on.isoformat()}"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


@login_required
def dashboard_map(request: HttpRequest) -> HttpResponse:
    choice = choose(request)
    data, problems = _compute(choice)
    if data is None:
        return HttpResponse("\n".join(problems), status=409, content_type="text/plain; charset=utf-8")
    svg = map_svg(data.map)
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="caunoi-map-{choice.first}-{choice.last}-{choice.on.isoformat()}.svg"'
    )
    return response
