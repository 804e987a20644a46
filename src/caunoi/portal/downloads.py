"""The portal's downloads of a view (its list with the filters applied): CSV, XLSX, GeoJSON and IATI 2.03
XML, and the column dictionary. Every cell goes through `caunoi.core.cells`: a text that begins like a
formula is written as text."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db.models import Max, QuerySet
from lxml import etree
from openpyxl import Workbook

from caunoi.aid.models import AidItem, Transaction
from caunoi.core import cells
from caunoi.core.models import Office
from caunoi.iati.exporter import ActivityBuilder, export_office
from caunoi.portal.public import HIDDEN_ITEM_FIELDS, PLACE_FIELDS, PUBLIC_FIELDS, Column

GENERATED = "caunoi"


def _csv(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    handle = io.StringIO()
    writer = cells.csv_writer(handle)
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + handle.getvalue()).encode("utf-8")  # the BOM: Excel then reads UTF-8


def items_csv(rows: Iterable[dict[str, Any]]) -> bytes:
    return _csv([c.name for c in PUBLIC_FIELDS], ([row[c.name] for c in PUBLIC_FIELDS] for row in rows))


def items_xlsx(rows: Iterable[dict[str, Any]], title: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31] or "items")
    sheet.append(cells.write_only_row(sheet, [c.name for c in PUBLIC_FIELDS]))
    for row in rows:
        sheet.append(cells.write_only_row(sheet, [_xlsx(row[c.name]) for c in PUBLIC_FIELDS]))
    columns = book.create_sheet("columns")
    for line in dictionary_rows():
        columns.append(cells.write_only_row(columns, line))
    # The same rows give the same bytes (a re-published folder rewrites only what changed): fixed document
    # dates, and the archive's entries stamped alike.
    book.properties.created = book.properties.modified = XLSX_STAMP
    out = io.BytesIO()
    book.save(out)
    return _stamped_alike(out.getvalue())


XLSX_STAMP = dt.datetime(2000, 1, 1)
MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _stamped_alike(archive: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for entry in source.infolist():
            stamped = zipfile.ZipInfo(entry.filename, date_time=XLSX_STAMP.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":  # openpyxl dates the file's last change when it saves
                content = MODIFIED.sub(rb"\g<1>" + XLSX_STAMP.isoformat().encode() + rb"Z\2", content)
            copy.writestr(stamped, content)
    return out.getvalue()


def _xlsx(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def items_geojson(items: list[AidItem], rows: list[dict[str, Any]]) -> bytes:
    """One Point feature per item and place with coordinates (an item without any is left out: GeoJSON
    has no feature without a place to be), with the item's fields and the place's."""
    features = []
    for item, row in zip(items, rows, strict=True):
        for share in sorted(item.place_shares.all(), key=lambda s: s.unit.code):
            unit = share.unit
            if unit.latitude is None or unit.longitude is None:
                continue
            properties = {k: _json(v) for k, v in row.items()}
            properties.update(place_code=unit.code, place_name=str(unit), place_share=float(share.share))
            features.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [float(unit.longitude), float(unit.latitude)],
                    },
                    "properties": properties,
                }
            )
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


class PublicActivityBuilder(ActivityBuilder):
    """The IATI exporter's activity, without what the portal keeps private: the item's description and
    objectives (the title stands in, as the exporter does for an item without one) and the transactions'
    references and descriptions. Changed on the item in memory only, never saved."""

    def build(self, item: AidItem) -> etree._Element:
        for name in HIDDEN_ITEM_FIELDS:
            setattr(item, name, "")
        for tx in item.transactions.all():
            tx.reference = ""
            tx.description = ""
        if item.office_id != self.office.pk:
            # A predecessor's item on its successor's portal is reported by its own office, as on its page.
            return ActivityBuilder(item.office).build(item)
        return super().build(item)


def items_iati(office: Office, items: QuerySet[AidItem]) -> bytes:
    """The items as an IATI 2.03 activity file, validated by the exporter; no items, an empty file."""
    if not items.exists():
        root = etree.Element("iati-activities", {"version": "2.03", "generated-datetime": _stamp(items)})
        return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "activities.xml"
        stamp = _stamp(items)
        export_office(office, path, items=items, builder=PublicActivityBuilder(office), generated=stamp)
        return path.read_bytes()


def _stamp(items: QuerySet[AidItem]) -> str:
    """The file's date: the last change to its items or their money, not the moment it was drawn, so that the
    same records give the same bytes (a re-published folder rewrites only what changed)."""
    changed = [
        items.aggregate(last=Max("updated_at"))["last"],
        Transaction.objects.filter(item__in=items.values("pk")).aggregate(last=Max("updated_at"))["last"],
    ]
    last = max((day for day in changed if day is not None), default=XLSX_STAMP.replace(tzinfo=dt.UTC))
    return last.replace(microsecond=0).isoformat()


def dictionary_rows() -> list[list[str]]:
    """The column dictionary: each column of the downloads, in Vietnamese and English."""
    columns: list[Column] = [*PUBLIC_FIELDS, *PLACE_FIELDS]
    return [["column", "vi", "en"], *([c.name, c.vi, c.en] for c in columns)]


def dictionary_csv() -> bytes:
    header, *rows = dictionary_rows()
    return _csv(header, rows)
