"""The world map of partners abroad, drawn on the server as SVG (no script, no network): each country coloured
by how many partners the office has there, with a <title> naming it; the page shows a table of the same
figures beside it, the accessible alternative.

The country shapes are Natural Earth's 1:110m countries (public domain), as the TopoJSON of the world-atlas
package 2.0.2 (ISC licence), vendored unchanged in caunoi/portal/data (see NOTICE). Countries are keyed there
by ISO 3166-1 numeric code, which CLDR's aliases (carried by babel) turn into the alpha-2 codes caunoi stores.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel.core import get_global
from django.db.models import Count, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from caunoi.core.models import Office
from caunoi.relations.countries import country_name
from caunoi.relations.models import Partnership, PartnershipStatus

SHAPES = Path(__file__).parent / "data" / "countries-110m.json"
WIDTH = 960
NORTH, SOUTH = 84.0, -58.0  # the inhabited latitudes: Antarctica and the polar seas are left out
SCALE = WIDTH / 360
HEIGHT = round((NORTH - SOUTH) * SCALE)
HOME = "VN"
# Colour by number of partners (ColorBrewer "Blues", readable on white; the home country apart).
CLASSES: tuple[tuple[int, int | None, str], ...] = (
    (1, 1, "#6baed6"),
    (2, 3, "#2171b5"),
    (4, None, "#08306b"),
)
NONE_COLOUR = "#e6e6e6"
HOME_COLOUR = "#f2c14e"


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, "" when the shape has no code (Kosovo, Somaliland, Northern Cyprus)
    name: str  # Natural Earth's English name
    path: str  # the SVG path, projected


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Plate carrée: simple, and honest about a world overview."""
    return (lon + 180) * SCALE, (NORTH - lat) * SCALE


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    # A ring across the antimeridian (Russia's far east, Fiji) is drawn whole east of 180°: the map's edge
    # then cuts it, instead of a stripe across the whole world.
    if any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(points)):
        points = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in points]
    return points


def _path(rings: Iterable[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        xy = [_project(lon, lat) for lon, lat in ring]
        kept = [xy[0]]
        for point in xy[1:]:  # drop points closer than a tenth of a pixel: the file is read on every page
            if abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) >= 0.3:
                kept.append(point)
        if len(kept) >= 3:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    return "".join(parts)


@cache
def countries() -> tuple[Country, ...]:
    topology = json.loads(SHAPES.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    aliases = get_global("territory_aliases")
    found = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = str(geometry.get("id", ""))
        if numeric == "010":  # Antarctica
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        alias = aliases.get(numeric) or [""]
        found.append(Country(alias[0], geometry["properties"]["name"], _path(rings)))
    return tuple(found)


def partner_counts(offices: Iterable[Office]) -> dict[str, int]:
    """Partners abroad by country: the offices' partnerships not ended nor archived, by their organisation's
    country (Việt Nam left out). Counts only: the map names no partner."""
    found: QuerySet[Partnership] = Partnership.objects.filter(
        office__in=list(offices), archived_at__isnull=True
    ).exclude(status=PartnershipStatus.ENDED)
    rows = (
        found.exclude(organisation__country__in=["", HOME])
        .values("organisation__country")
        .annotate(n=Count("organisation", distinct=True))
    )
    return {row["organisation__country"]: row["n"] for row in rows}


def colour(count: int) -> str:
    for low, high, fill in CLASSES:
        if count >= low and (high is None or count <= high):
            return fill
    return NONE_COLOUR


def legend() -> list[tuple[str, str]]:
    """(colour, label) of each class, in the reader's language."""
    labels = [_("1 đối tác"), _("2–3 đối tác"), _("từ 4 đối tác")]
    return [(fill, label) for (_low, _high, fill), label in zip(CLASSES, labels, strict=True)] + [
        (HOME_COLOUR, _("Việt Nam")),
        (NONE_COLOUR, _("Chưa có đối tác")),
    ]


def table(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(code, name in the reader's language, partners), most partners first, then by name."""
    rows = [(code, country_name(code), n) for code, n in counts.items()]
    return sorted(rows, key=lambda r: (-r[2], r[1]))


def shown(offices: Iterable[Office], caption: str) -> dict[str, object]:
    """What the page's world section prints: the map, its legend, its caption and the table."""
    counts = partner_counts(offices)
    return {
        "svg": world_svg(counts) if counts else "",
        "legend": legend(),
        "caption": caption,
        "rows": table(counts),
    }


def world_svg(counts: dict[str, int], title_id: str = "world-title") -> SafeString:
    """The map; its accessible name is the element `title_id` (the figure's caption)."""
    shapes = []
    for country in countries():
        n = counts.get(country.code, 0)
        if country.code == HOME:
            fill, label = HOME_COLOUR, country_name(HOME)
        else:
            name = country_name(country.code) if country.code else country.name
            fill = colour(n)
            label = f"{name}: " + ngettext("%(n)s đối tác", "%(n)s đối tác", n) % {"n": n} if n else name
        marked = ' class="has-partners"' if n else ""
        shapes.append(f'<path d="{country.path}" fill="{fill}"{marked}><title>{escape(label)}</title></path>')
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="{title_id}" class="world-map">'
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f7fbff"/>'
        f'<g stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round">{"".join(shapes)}</g></svg>'
    )
