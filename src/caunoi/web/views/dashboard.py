"""The dashboard: charts of the chosen offices and years, each with its numbers as a table, a PNG and a CSV,
and a map of commitments drawn here as SVG from the units' coordinates (no tiles, no network).

Query strings are never trusted: a bad year, office, date or split gives a message and the default, and an
office the user may not read is treated like one that does not exist (their own offices are shown).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from caunoi.core import cells, marks
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import visible_offices
from caunoi.geography.models import Level
from caunoi.reports.dashboard import Dashboard, Line, MapData, Split
from caunoi.reports.dashboard import dashboard as compute
from caunoi.vntext.numbers import format_number
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

    def _cells(self, row: list[Any]) -> list[tuple[str, bool]]:
        return [(_shown(v), i in self.numeric) for i, v in enumerate(row)]

    @property
    def display_rows(self) -> list[list[tuple[str, bool]]]:
        return [self._cells(row) for row in self.rows]

    @property
    def display_total(self) -> list[tuple[str, bool]] | None:
        return self._cells(self.total) if self.total is not None else None


def _shown(value: Any) -> str:
    if isinstance(value, Decimal):
        return format_number(value, 0 if value == value.to_integral_value() else 2)
    if isinstance(value, int):
        return format_number(value)
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


# --- The map --------------------------------------------------------------------------------------------------

MAP_WIDTH, MAP_MAX_HEIGHT, PAD, LEGEND_HEIGHT, TITLE_HEIGHT = 640, 560, 30, 112, 26
TITLE_PROVINCES = 3  # a map of more provinces says how many in its title, not which
PALETTE = ("#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
ZERO_FILL, ZERO_STROKE = "#e4e7ec", "#8a93a3"
FONT = "Noto Sans, DejaVu Sans, Segoe UI, Arial, sans-serif"


def _classes(amounts: list[Decimal]) -> list[Decimal]:
    """Upper bounds of up to five classes holding about as many units each (quantiles)."""
    values = sorted(a for a in amounts if a > 0)
    if not values:
        return []
    k = min(len(PALETTE), len(set(values)))
    bounds: list[Decimal] = []
    for i in range(k):
        bound = values[max(0, math.ceil((i + 1) * len(values) / k) - 1)]
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def _whole(value: Decimal) -> str:
    return format_number(value, 0)


def map_svg(m: MapData, lang: str) -> str:
    """The map as a standalone SVG document's root element: one circle per unit in force, coloured by class
    and sized by amount (area), labels where they fit, a legend and a distance scale."""
    title = _map_title(m)
    points = [u for u in m.units if u.unit.latitude is not None and u.unit.longitude is not None]
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="dash-map-svg" class="dash-map" role="img" '
        f'aria-labelledby="dash-map-title dash-map-desc" font-family="{FONT}" '
    )
    desc = _("Mỗi vòng tròn là một đơn vị hành chính, đặt theo tọa độ trung tâm; màu và cỡ theo số cam kết.")
    if not points:
        height = 120
        return (
            f'{head}viewBox="0 0 {MAP_WIDTH} {height}" width="{MAP_WIDTH}" height="{height}">'
            f'<title id="dash-map-title">{escape(title)}</title><desc id="dash-map-desc">{escape(desc)}</desc>'
            f'<rect width="100%" height="100%" fill="#fff"/>'
            f'<text x="{MAP_WIDTH / 2}" y="60" text-anchor="middle" font-size="14" fill="#5b6475">'
            f"{escape(_('Không có đơn vị nào có tọa độ để vẽ.'))}</text></svg>"
        )
    lat0 = sum(u.unit.latitude or 0 for u in points) / len(points)
    kx = math.cos(math.radians(lat0))
    xs = [(u.unit.longitude or 0) * kx for u in points]
    ys = [-(u.unit.latitude or 0) for u in points]
    span_x, span_y = max(max(xs) - min(xs), 0.05), max(max(ys) - min(ys), 0.05)
    scale = min((MAP_WIDTH - 2 * PAD) / span_x, (MAP_MAX_HEIGHT - 2 * PAD) / span_y)
    map_height = max(240, round(span_y * scale + 2 * PAD))
    ox = (MAP_WIDTH - span_x * scale) / 2 - min(xs) * scale
    oy = (map_height - span_y * scale) / 2 - min(ys) * scale
    height = TITLE_HEIGHT + map_height + LEGEND_HEIGHT

    amounts = [u.committed for u in points]
    bounds = _classes(amounts)
    palette = PALETTE[len(PALETTE) - len(bounds) :]
    top = max(amounts) if amounts else Decimal(0)
    dense = len(points) > 40
    r_max = 15.0 if dense else 22.0

    def radius(a: Decimal) -> float:
        return 2.5 if a <= 0 or top <= 0 else 4 + (r_max - 4) * math.sqrt(float(a / top))

    def colour(a: Decimal) -> str:
        for bound, fill in zip(bounds, palette, strict=True):
            if a <= bound:
                return fill
        return palette[-1] if palette else ZERO_FILL

    out = [
        f'{head}viewBox="0 0 {MAP_WIDTH} {height}" width="{MAP_WIDTH}" height="{height}">',
        f'<title id="dash-map-title">{escape(title)}</title><desc id="dash-map-desc">{escape(desc)}</desc>',
        '<rect width="100%" height="100%" fill="#fff"/>',
        _caption(title),
        f'<g transform="translate(0 {TITLE_HEIGHT})">',
        f'<rect x="0.5" y="0.5" width="{MAP_WIDTH - 1}" height="{map_height - 1}" fill="#f7f9fb" stroke="#d5dae3"/>',
    ]
    placed: list[tuple[float, float, float, float]] = []
    circles, labels = [], []
    by_size = sorted(
        zip(points, xs, ys, strict=True), key=lambda p: (-p[0].committed, p[0].unit.code)
    )  # big first: small ones stay on top
    for u, x, y in by_size:
        cx, cy = ox + x * scale, oy + y * scale
        r = radius(u.committed)
        amount = f"{_whole(u.committed)} USD" if u.committed > 0 else "0 USD"
        tip = f"{u.unit.name}: {amount}"
        if u.items:
            tip += " · " + _("%(n)s khoản") % {"n": u.items}
        if u.committed > 0:
            circles.append(
                f'<circle class="amt" cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{colour(u.committed)}" '
                f'fill-opacity="0.9" stroke="#5a1a00" stroke-width="0.8"><title>{escape(tip)}</title></circle>'
            )
        else:
            circles.append(
                f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{ZERO_FILL}" stroke="{ZERO_STROKE}" '
                f'stroke-width="0.8"><title>{escape(tip)}</title></circle>'
            )
    # Labels: the units with amounts, largest first, beside their circle where they overlap no other label
    # or circle (right, left, above, below); at district level the units without amounts too.
    size = 10 if dense else 12
    discs = [
        (ox + x * scale, oy + y * scale, radius(u.committed), u.unit.pk)
        for u, x, y in by_size
        if u.committed > 0
    ]
    for u, x, y in by_size:
        if u.committed <= 0 and dense:
            continue
        cx, cy = ox + x * scale, oy + y * scale
        r = radius(u.committed)
        text = u.unit.short_name or u.unit.name
        w, h = 0.56 * size * len(text), size + 2
        for lx, ly, anchor in (
            (cx + r + 3, cy + size / 2 - 1, "start"),
            (cx - r - 3, cy + size / 2 - 1, "end"),
            (cx, cy - r - 3, "middle"),
            (cx, cy + r + size, "middle"),
        ):
            left = {"start": lx, "end": lx - w, "middle": lx - w / 2}[anchor]
            box = (left, ly - size + 1, w, h)
            inside = (
                box[0] >= 2 and box[0] + w <= MAP_WIDTH - 2 and box[1] >= 2 and box[1] + h <= map_height - 2
            )
            if (
                inside
                and not any(_overlap(box, other) for other in placed)
                and not any(
                    _overlap(box, (dx - dr, dy - dr, 2 * dr, 2 * dr))
                    for dx, dy, dr, pk in discs
                    if pk != u.unit.pk
                )
            ):
                break
        else:
            continue
        placed.append(box)
        fill = "#1d2433" if u.committed > 0 else "#5b6475"
        labels.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'fill="{fill}" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">'
            f"{escape(text)}</text>"
        )
    out += circles + labels
    out.append(_legend(map_height, bounds, palette, top, radius, scale, lat0))
    out.append("</g></svg>")
    return "".join(out)


def _caption(title: str) -> str:
    """The map's title, visible, so that a downloaded PNG or SVG says what it shows."""
    size = 12
    fit = (
        f' textLength="{MAP_WIDTH - 16}" lengthAdjust="spacingAndGlyphs"'
        if 0.55 * size * len(title) > MAP_WIDTH - 16
        else ""
    )
    return f'<text x="8" y="17" font-size="{size}" fill="#1d2433"{fit}>{escape(title)}</text>'


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def _legend(
    y0: int,
    bounds: list[Decimal],
    palette: tuple[str, ...],
    top: Decimal,
    radius: Callable[[Decimal], float],
    scale: float,
    lat0: float,
) -> str:
    parts = [
        f'<text x="12" y="{y0 + 18}" font-size="12" font-weight="bold" fill="#1d2433">'
        f"{escape(_('Màu: số cam kết (USD)'))}</text>"
    ]
    x = 12.0
    y = y0 + 40
    lower = Decimal(0)
    entries = [(ZERO_FILL, "0", ZERO_STROKE)]
    for bound, fill in zip(bounds, palette, strict=True):
        text = f"{_whole(lower)}–{_whole(bound)}" if lower > 0 else _("đến %(n)s") % {"n": _whole(bound)}
        entries.append((fill, text, "#5a1a00"))
        lower = bound
    for fill, text, stroke in entries:
        parts.append(
            f'<circle cx="{x + 6:.1f}" cy="{y - 4}" r="6" fill="{fill}" stroke="{stroke}" stroke-width="0.8"/>'
        )
        parts.append(f'<text x="{x + 16:.1f}" y="{y}" font-size="11" fill="#1d2433">{escape(text)}</text>')
        x += 16 + 0.6 * 11 * len(text) + 14
    # Size: the largest circle; distance: a scale bar of a round number of km.
    y2 = y0 + 100
    if top > 0:
        r = radius(top)
        parts.append(
            f'<circle cx="{12 + r:.1f}" cy="{y2 - r + 6:.1f}" r="{r:.1f}" fill="none" stroke="#5b6475"/>'
            f'<text x="{12 + 2 * r + 6:.1f}" y="{y2}" font-size="11" fill="#1d2433">'
            f"{escape(_('cỡ lớn nhất = %(n)s USD (diện tích tỉ lệ với số tiền)') % {'n': _whole(top)})}</text>"
        )
    px_per_km = scale / 111.32
    km = next((k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if k * px_per_km >= 60), 500)
    bar = km * px_per_km
    x1 = MAP_WIDTH - 20 - bar
    parts.append(
        f'<path d="M{x1:.1f} {y2 - 4} v4 h{bar:.1f} v-4" fill="none" stroke="#1d2433" stroke-width="1.5"/>'
        f'<text x="{x1 + bar / 2:.1f}" y="{y2 - 8}" font-size="11" text-anchor="middle" fill="#1d2433">{km} km</text>'
        f'<text x="{MAP_WIDTH - 20}" y="{y0 - 12}" font-size="12" text-anchor="end" fill="#5b6475">↑ {escape(_("Bắc"))}</text>'
    )
    return "".join(parts)


def _map_title(m: MapData) -> str:
    level = {
        Level.PROVINCE: _("tỉnh, thành phố"),
        Level.DISTRICT: _("huyện, thị xã, thành phố"),
    }.get(Level(m.level), _("xã, phường, đặc khu"))
    day = m.on.strftime("%d/%m/%Y")
    if m.level == Level.PROVINCE and len(m.provinces) > TITLE_PROVINCES:  # dozens of names would not fit
        return _("Cam kết của %(n)s tỉnh, thành phố, theo đơn vị hành chính ngày %(day)s") % {
            "n": len(m.provinces),
            "day": day,
        }
    provinces = ", ".join(p.name for p in m.provinces) or _("(không có tỉnh)")
    return _("Cam kết theo %(level)s của %(provinces)s, theo đơn vị hành chính ngày %(day)s") % {
        "level": level,
        "provinces": provinces,
        "day": day,
    }


# --- Views ----------------------------------------------------------------------------------------------------


def _compute(choice: Choice) -> tuple[Dashboard | None, list[str]]:
    try:
        return compute(choice.offices, choice.first, choice.last, choice.on, choice.split), []
    except RuleErrors as error:  # a currency without a rate in force: say which, show nothing wrong
        return None, [p.text() for p in error.problems]


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
        return mark_safe(map_svg(self.data.map, self.lang))  # built from escaped text only

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
            # The charts, tables and map are rendered once per state of the records, language and query
            # (template fragment cache): rendering them took two thirds of the page's time.
            page_state=f"{marks.code_version()}|{marks.tokens(o.pk for o in choice.offices)}|{lang}|{query}",
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
    svg = map_svg(data.map, translation.get_language() or "vi")
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, content_type="image/svg+xml; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="caunoi-map-{choice.first}-{choice.last}-{choice.on.isoformat()}.svg"'
    )
    return response
