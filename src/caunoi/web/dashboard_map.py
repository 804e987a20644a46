"""The dashboard's map of commitments: where each unit's circle, label and the legend go. The geometry is
computed here; the SVG is written by the Jinja2 template `web/dashboard_map.svg` (caunoi.web.jinja), which
escapes every text."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from caunoi.core import shown
from caunoi.geography.models import Level
from caunoi.reports.dashboard import MapData, MapUnit
from caunoi.web.jinja import drawn

MAP_WIDTH, MAP_MAX_HEIGHT, PAD, LEGEND_HEIGHT, TITLE_HEIGHT = 640, 560, 30, 112, 26
TITLE_PROVINCES = 3  # a map of more provinces says how many in its title, not which
PALETTE = ("#fdd49e", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
ZERO_FILL, ZERO_STROKE = "#e4e7ec", "#8a93a3"
FONT = "Noto Sans, DejaVu Sans, Segoe UI, Arial, sans-serif"
TITLE_SIZE = 12

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    fill: str
    tip: str
    with_amount: bool


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    size: int
    anchor: str
    fill: str
    text: str


@dataclass(frozen=True)
class Key:
    """One entry of the colour legend: a disc at `x`, its text after it."""

    x: float
    fill: str
    stroke: str
    text: str

    @property
    def disc_x(self) -> float:
        return self.x + 6

    @property
    def text_x(self) -> float:
        return self.x + 16


@dataclass(frozen=True)
class Largest:
    """The legend's outline of the largest circle, and what it stands for."""

    r: float
    text: str

    @property
    def cx(self) -> float:
        return 12 + self.r

    @property
    def cy(self) -> float:
        return 106 - self.r  # its bottom on the legend's last line

    @property
    def text_x(self) -> float:
        return 18 + 2 * self.r


@dataclass(frozen=True)
class ScaleBar:
    x: float
    length: float
    km: int

    @property
    def middle(self) -> float:
        return self.x + self.length / 2


@dataclass
class Layout:
    title: str
    desc: str
    width: int
    height: int
    map_height: int = 0
    title_fits: bool = True
    circles: list[Circle] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    keys: list[Key] = field(default_factory=list)
    largest: Largest | None = None
    scale_bar: ScaleBar | None = None

    @property
    def centre(self) -> float:
        return self.width / 2

    @property
    def legend_top(self) -> int:
        return TITLE_HEIGHT + self.map_height


def map_svg(m: MapData) -> SafeString:
    """The map as a standalone SVG document's root element: one circle per unit in force, coloured by class
    and sized by amount (area), labels where they fit, a legend and a distance scale."""
    return drawn("web/dashboard_map.svg", {"map": layout(m), "font": FONT})


def layout(m: MapData) -> Layout:
    title = _map_title(m)
    desc = _("Mỗi vòng tròn là một đơn vị hành chính, đặt theo tọa độ trung tâm; màu và cỡ theo số cam kết.")
    points = [u for u in m.units if u.unit.latitude is not None and u.unit.longitude is not None]
    if not points:
        return Layout(title, desc, MAP_WIDTH, 120)
    lat0 = sum(u.unit.latitude or 0 for u in points) / len(points)
    kx = math.cos(math.radians(lat0))
    xs = [(u.unit.longitude or 0) * kx for u in points]
    ys = [-(u.unit.latitude or 0) for u in points]
    span_x, span_y = max(max(xs) - min(xs), 0.05), max(max(ys) - min(ys), 0.05)
    scale = min((MAP_WIDTH - 2 * PAD) / span_x, (MAP_MAX_HEIGHT - 2 * PAD) / span_y)
    map_height = max(240, round(span_y * scale + 2 * PAD))
    ox = (MAP_WIDTH - span_x * scale) / 2 - min(xs) * scale
    oy = (map_height - span_y * scale) / 2 - min(ys) * scale

    amounts = [u.committed for u in points]
    bounds = _classes(amounts)
    palette = PALETTE[len(PALETTE) - len(bounds) :]
    top = max(amounts)
    dense = len(points) > 40
    r_max = 15.0 if dense else 22.0

    def radius(a: Decimal) -> float:
        return 2.5 if a <= 0 or top <= 0 else 4 + (r_max - 4) * math.sqrt(float(a / top))

    def colour(a: Decimal) -> str:
        for bound, fill in zip(bounds, palette, strict=True):
            if a <= bound:
                return fill
        return palette[-1] if palette else ZERO_FILL

    # Big first: small ones stay on top.
    by_size = sorted(zip(points, xs, ys, strict=True), key=lambda p: (-p[0].committed, p[0].unit.code))
    placed = [(u, ox + x * scale, oy + y * scale, radius(u.committed)) for u, x, y in by_size]
    tip = _Tips()
    result = Layout(
        title,
        desc,
        MAP_WIDTH,
        TITLE_HEIGHT + map_height + LEGEND_HEIGHT,
        map_height,
        title_fits=0.55 * TITLE_SIZE * len(title) <= MAP_WIDTH - 16,
        circles=[
            Circle(cx, cy, r, colour(u.committed) if u.committed > 0 else ZERO_FILL, tip(u), u.committed > 0)
            for u, cx, cy, r in placed
        ],
        labels=_labels(placed, map_height, size=10 if dense else 12, dense=dense),
        keys=_keys(bounds, palette),
    )
    if top > 0:
        text = _("cỡ lớn nhất = %(n)s USD (diện tích tỉ lệ với số tiền)") % {"n": _whole(top)}
        result.largest = Largest(radius(top), text)
    px_per_km = scale / 111.32
    km = next((k for k in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500) if k * px_per_km >= 60), 500)
    bar = km * px_per_km
    result.scale_bar = ScaleBar(MAP_WIDTH - 20 - bar, bar, km)
    return result


class _Tips:
    """Each circle's tooltip: its unit, amount and items (the language and texts looked up once a map)."""

    def __init__(self) -> None:
        self.lang, self.items = shown.language(), _("%(n)s khoản")

    def __call__(self, u: MapUnit) -> str:
        amount = shown.number(u.committed, 0, lang=self.lang) if u.committed > 0 else "0"
        tip = f"{u.unit.name}: {amount} USD"
        if u.items:
            tip += " · " + self.items % {"n": u.items}
        return tip


def _labels(
    placed: list[tuple[MapUnit, float, float, float]], map_height: int, size: int, dense: bool
) -> list[Label]:
    """The units with amounts, largest first, beside their circle where they overlap no other label or circle
    (right, left, above, below); at district level the units without amounts too."""
    # Boxes are looked up in a grid of cells: a commune map has hundreds of circles, and trying each label's
    # four places against every circle and label was most of drawing the map.
    grid = _Grid()
    for index, (u, cx, cy, r) in enumerate(placed):
        if u.committed > 0:
            grid.add((cx - r, cy - r, 2 * r, 2 * r), index)
    labels: list[Label] = []
    for index, (u, cx, cy, r) in enumerate(placed):
        if u.committed <= 0 and dense:
            continue
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
            inside = left >= 2 and left + w <= MAP_WIDTH - 2 and box[1] >= 2 and box[1] + h <= map_height - 2
            if inside and not grid.overlaps(box, but=index):
                grid.add(box, _LABEL)
                fill = "#1d2433" if u.committed > 0 else "#5b6475"
                labels.append(Label(lx, ly, size, anchor, fill, text))
                break
    return labels


_LABEL = -1  # a label's owner in the grid: it overlaps every later box, its own circle's included
_CELL = 40.0  # pixels: about the size of a label


class _Grid:
    """Boxes (x, y, width, height) filed under every cell of the grid they touch, each with its owner."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Box, int]]] = {}

    @staticmethod
    def _keys(box: Box) -> list[tuple[int, int]]:
        x0, y0 = math.floor(box[0] / _CELL), math.floor(box[1] / _CELL)
        x1, y1 = math.floor((box[0] + box[2]) / _CELL), math.floor((box[1] + box[3]) / _CELL)
        return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    def add(self, box: Box, owner: int) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append((box, owner))

    def overlaps(self, box: Box, but: int) -> bool:
        """Whether `box` overlaps a box filed here, other than the circle of `but`."""
        return any(
            owner != but and _overlap(box, other)
            for key in self._keys(box)
            for other, owner in self.cells.get(key, ())
        )


def _keys(bounds: list[Decimal], palette: tuple[str, ...]) -> list[Key]:
    entries = [(ZERO_FILL, "0", ZERO_STROKE)]
    lower = Decimal(0)
    for bound, fill in zip(bounds, palette, strict=True):
        text = f"{_whole(lower)}–{_whole(bound)}" if lower > 0 else _("đến %(n)s") % {"n": _whole(bound)}
        entries.append((fill, text, "#5a1a00"))
        lower = bound
    keys, x = [], 12.0
    for fill, text, stroke in entries:
        keys.append(Key(x, fill, stroke, text))
        x += 16 + 0.6 * 11 * len(text) + 14
    return keys


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
    return shown.number(value, 0)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


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
