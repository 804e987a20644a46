"""An office's own records as a zip of CSV and JSON files, for its administrator to keep or take elsewhere.

Every table whose rows belong to the office is exported: tables with the office's key, and tables whose rows
hang from such a table (an item's transactions, an event's participants …), found by following required
keys. History tables, user accounts and the shared reference data (geography, sectors, rates) are not; keys
to them are exported as their ids. Each table gives `<table>.csv` (UTF-8 with BOM so that Excel reads the
diacritics, RFC 4180: comma-separated, CRLF, quoted when needed) and `<table>.json` (a list of objects);
README.txt lists the files and their columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import uuid
import zipfile
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize

README = """Dữ liệu của {name} ({code}), xuất lúc {at}.
Records of {name} ({code}), exported at {at}.

Mỗi bảng có hai tệp: .csv (UTF-8, dấu phẩy, mở được bằng Excel) và .json (danh sách đối tượng).
Cột *_id là mã số của bản ghi được tham chiếu (trong tệp tương ứng, cột id). Số tiền ghi dạng 1234.50,
ngày dạng YYYY-MM-DD, thời điểm theo ISO 8601 (UTC). Ô văn bản bắt đầu bằng = + - @ được thêm dấu ' ở đầu
trong tệp .csv để bảng tính không coi là công thức; tệp .json giữ nguyên giá trị.

Each table has two files: .csv (UTF-8, comma-separated, opens in Excel) and .json (a list of objects).
*_id columns hold the id of the record referred to (the id column of its file). Amounts are written 1234.50,
dates YYYY-MM-DD, moments in ISO 8601 (UTC). In .csv files a text cell beginning with = + - @ starts with an
added ' so that spreadsheets do not read it as a formula; the .json files keep values as they are.
"""


def _is_history(model: type[models.Model]) -> bool:
    return hasattr(model, "instance_type")  # set by django-simple-history on its history models


def _owner_keys(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """Keys that may name a row's owner: required ones, and the `office` key even where it may be empty
    (an exchange rate of one office, or of all)."""
    return [
        f
        for f in model._meta.concrete_fields
        if (f.many_to_one or f.one_to_one)
        and (not f.null or f.name == "office")
        and not _is_history(f.related_model)  # type: ignore[arg-type]
    ]


def office_tables() -> list[tuple[type[models.Model], str]]:
    """Each model whose rows belong to one office, with the lookup from it to its office, by table name.
    A row belongs to the office of its `office` key, else to that of the first required key (in the
    model's order: the parent, as an event's for its participants) that leads to an office."""
    candidates = [
        m
        for m in apps.get_models(include_auto_created=True)
        if not _is_history(m) and m._meta.managed and not m._meta.proxy
    ]
    owned: set[type[models.Model]] = {Office}
    while True:
        found = {m for m in candidates if any(f.related_model in owned for f in _owner_keys(m))} - owned
        if not found:
            break
        owned |= found
    paths: dict[type[models.Model], str] = {Office: "pk"}

    def path(model: type[models.Model]) -> str:
        if model not in paths:
            keys = _owner_keys(model)
            direct = [f for f in keys if f.name == "office" and f.related_model is Office]
            key = (direct or [f for f in keys if f.related_model in owned])[0]
            target: type[models.Model] = key.related_model  # type: ignore[assignment]
            paths[model] = "office" if key in direct else f"{key.name}__{path(target)}"
        return paths[model]

    return sorted(((m, path(m)) for m in owned), key=lambda pair: pair[0]._meta.db_table)


def _plain(value: Any) -> Any:
    """A value as JSON holds it: decimals, dates and ids as text."""
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def safe_cell(text: str) -> str:
    # TODO: use caunoi.core.cells
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return safe_cell(json.dumps(value, ensure_ascii=False))
    if isinstance(value, str):
        return safe_cell(value)
    return str(value)


def export_office(office: Office, *, actor: Actor) -> bytes:
    """The zip of the office's records (see the module's description)."""
    authorize(actor, Action.EXPORT, office)
    at = timezone.now().astimezone(dt.UTC).replace(microsecond=0).isoformat()
    listing = [README.format(name=office.name, code=office.code, at=at)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for model, path in office_tables():
            meta = model._meta
            fields = meta.concrete_fields
            columns = [f.attname for f in fields]
            rows = list(model._base_manager.filter(**{path: office.pk}).order_by("pk").values_list(*columns))
            text = io.StringIO(newline="")
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerows([_cell(v) for v in row] for row in rows)
            archive.writestr(f"{meta.db_table}.csv", "\ufeff" + text.getvalue())
            objects = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
            archive.writestr(f"{meta.db_table}.json", json.dumps(objects, ensure_ascii=False, indent=1))
            listing.append(f"\n{meta.db_table}.csv / .json — {meta.verbose_name} ({len(rows)})")
            listing.extend(f"  {f.attname}: {f.verbose_name}" for f in fields)
        archive.writestr("README.txt", "\n".join(listing) + "\n")
    return buffer.getvalue()
