"""The open aid portal: public pages, no sign-in. Every page and download reads its items through
`public.public_items` and its fields through `public.PUBLIC_FIELDS`; its figures through `totals`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from caunoi.aid.models import AidItem
from caunoi.core.models import Office
from caunoi.geography.models import REFORM_2025
from caunoi.portal import charts, downloads, rows, sitemap_extras, totals, world
from caunoi.portal.kept import every_office, kept_public_page, no_office
from caunoi.portal.public import (
    PLACE_FIELDS,
    PUBLIC_FIELDS,
    Filters,
    offices_with_portal,
    public_items,
    with_details,
)
from caunoi.reports import figures
from caunoi.reports.dashboard import Split, dashboard_map
from caunoi.web.dashboard_map import map_svg

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "xml": "application/xml",
}


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


def office_name(office: Office) -> str:
    return office.name_en if _english() and office.name_en else office.name


def _office(code: str) -> Office:
    return get_object_or_404(Office, code=code)


@kept_public_page("national", every_office)
def national(request: HttpRequest) -> HttpResponse:
    """Every office, with how many items it publishes."""
    offices = [(o, office_name(o), public_items(o, own=True).count()) for o in offices_with_portal()]
    partners = world.shown(
        Office.objects.all(), _("Bản đồ: số đối tác nước ngoài của các cơ quan theo quốc gia")
    )
    return render(
        request,
        "portal/national.html",
        {"title": _("Cổng thông tin viện trợ công khai"), "offices": offices, "world": partners},
    )


def _listed(office: Office, filters: Filters) -> Any:
    items = filters.apply(office, public_items(office))
    return items, with_details(items).order_by("-approved_on", "code")


def _item_url(request: HttpRequest, item: AidItem) -> str:
    # Each item's own page, under its own office (a predecessor's item listed by its successor).
    return request.build_absolute_uri(reverse("portal:item", args=[item.office.code, item.pk]))


def _rows(
    request: HttpRequest, office: Office, listed: list[AidItem], items: Any, filters: Filters
) -> list[dict[str, Any]]:
    """The rows of the items `listed` (read with their details), `items` being the same as a query."""
    committed = totals.per_item(totals.commitments_of(items))
    disbursed = totals.per_item(totals.disbursements_of(office, filters).filter(item__in=items.values("pk")))
    return list(rows.item_rows(listed, committed, disbursed, lambda item: _item_url(request, item)))


@kept_public_page("office")
def office_portal(request: HttpRequest, code: str) -> HttpResponse:
    office = _office(code)
    filters = Filters.from_query(request.GET.dict())
    selected, items = _listed(office, filters)
    listed = list(items)
    found = totals.totals(office, selected, filters)
    map_data = dashboard_map(
        [office],
        *figures.recorded_places(totals.commitments_of(selected)),
        max(timezone.localdate(), REFORM_2025),
        Split.EQUAL,
    )
    query = filters.as_query()
    return render(
        request,
        "portal/office.html",
        {
            "title": office_name(office),
            "office": office,
            "office_name": office_name(office),
            "filters": filters,
            "choices": totals.filter_choices(office),
            "entries": [
                (item, row, item.title_en if _english() and item.title_en else item.title)
                for item, row in zip(listed, _rows(request, office, listed, items, filters), strict=True)
            ],
            "totals": found,
            "committed": totals.shown(found.committed),
            "disbursed": totals.shown(found.disbursed),
            "charts": [
                charts.bar_chart(
                    "by-sector", _("Cam kết theo lĩnh vực chính"), _("Lĩnh vực"), found.by_sector
                ),
                charts.bar_chart(
                    "by-modality", _("Cam kết theo hình thức"), _("Hình thức"), found.by_modality
                ),
                charts.bar_chart("by-donor", _("Cam kết theo nhà tài trợ"), _("Nhà tài trợ"), found.by_donor),
            ],
            "map_svg": map_svg(map_data) if map_data.units else "",
            "map": map_data,
            "downloads": [(fmt, _download_url(office, fmt, query)) for fmt in FORMATS],
            "world": world.shown(office.lineage(), _("Bản đồ: số đối tác nước ngoài theo quốc gia")),
            "predecessors": [(o, office_name(o)) for o in office.lineage() if o.pk != office.pk],
        },
    )


def _download_url(office: Office, fmt: str, query: dict[str, str]) -> str:
    from urllib.parse import urlencode

    url = reverse("portal:download", args=[office.code, fmt])
    return f"{url}?{urlencode(query)}" if query else url


@kept_public_page("item")
def item_page(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    office = _office(code)
    item = with_details(public_items(office).filter(pk=pk)).first()
    if item is None:
        raise Http404
    committed, disbursed = totals.item_sums(item)
    row = rows.item_row(item, committed, disbursed, _item_url(request, item))
    return render(
        request,
        "portal/item.html",
        {
            "title": item.title_en if _english() and item.title_en else item.title,
            "office": office,
            "office_name": office_name(office),
            "item": item,
            "row": row,
            "decision": rows.approval(item),
            "committed": totals.shown(committed),
            "disbursed": totals.shown(disbursed),
            "canonical": row["url"],
        },
    )


def download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    office = _office(code)
    filters = Filters.from_query(request.GET.dict())
    selected, items = _listed(office, filters)
    name = f"caunoi-{office.code}-cong-khai"
    if fmt == "xml":
        content = downloads.items_iati(office, selected)
    else:
        listed = list(items)
        found = _rows(request, office, listed, items, filters)
        if fmt == "csv":
            content = downloads.items_csv(found)
        elif fmt == "xlsx":
            content = downloads.items_xlsx(found, office.code)
        else:
            content = downloads.items_geojson(listed, found)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@kept_public_page("columns", no_office)
def columns(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/columns.html",
        {"title": _("Từ điển cột dữ liệu tải về"), "columns": PUBLIC_FIELDS, "place_columns": PLACE_FIELDS},
    )


def columns_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(downloads.dictionary_csv(), content_type=FORMATS["csv"])
    response["Content-Disposition"] = 'attachment; filename="caunoi-cong-khai-cot.csv"'
    return response


def _office_entries(office: Office) -> list[tuple[str, dt.date | None]]:
    """The office's own pages: its portal, its items and what other apps register (`sitemap_extras`)."""
    urls: list[tuple[str, dt.date | None]] = [(reverse("portal:office", args=[office.code]), None)]
    for pk, updated in public_items(office, own=True).order_by("code").values_list("pk", "updated_at"):
        urls.append((reverse("portal:item", args=[office.code, pk]), timezone.localdate(updated)))
    urls.extend(sitemap_extras.entries_for(office))
    return urls


def _sitemap(request: HttpRequest, urls: list[tuple[str, dt.date | None]]) -> HttpResponse:
    entries = [(request.build_absolute_uri(url), day) for url, day in urls]
    return render(request, "portal/sitemap.xml", {"entries": entries}, content_type="application/xml")


def sitemap(request: HttpRequest) -> HttpResponse:
    """Every portal page: the national page, the column dictionary, each office's list and item pages, and
    what other apps register (`sitemap_extras`: the news pages and feed)."""
    urls: list[tuple[str, dt.date | None]] = [
        (reverse("portal:national"), None),
        (reverse("portal:columns"), None),
    ]
    for office in offices_with_portal():
        urls.extend(_office_entries(office))
    return _sitemap(request, urls)


def office_sitemap(request: HttpRequest, code: str) -> HttpResponse:
    """The pages of an office's own site, which its pages link to (and its static copy holds): its own and,
    as a successor, its predecessors' pages, each under its own office, and the column dictionary."""
    office = _office(code)
    urls = [entry for o in office.lineage() for entry in _office_entries(o)]
    return _sitemap(request, [*urls, (reverse("portal:columns"), None)])
