"""Which record changes make an office's computed reports stale (see caunoi.core.marks).

Records of an office touch that office's mark; reference data that every office's reports read (rates,
sectors, organisations, geography, the offices themselves) touches the global mark. Bulk loaders that bypass
model signals (the geography loader, the IATI bulk path) call `caunoi.core.marks.touch` themselves.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from caunoi.aid.models import (
    AidItem,
    ItemDocument,
    ItemPlace,
    ItemSector,
    Participation,
    Sector,
    SectorDacCode,
    StatusChange,
    Transaction,
)
from caunoi.core import marks
from caunoi.core.models import Office
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit, UnitSuccession
from caunoi.money.models import ExchangeRate

OFFICE_RECORDS = (AidItem, Transaction)
# Documents change no report, but the item's page, kept under the same marks (caunoi.web.kept_pages), lists them.
ITEM_RECORDS = (StatusChange, ItemSector, ItemPlace, Participation, ItemDocument)
SHARED_RECORDS = (ExchangeRate, Sector, SectorDacCode, Organisation, AdminUnit, UnitSuccession, Office)


def _office_record_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    marks.touch([instance.office_id])


def _item_record_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    item = instance._state.fields_cache.get("item")
    office_id = item.office_id if item is not None else None
    if office_id is None:
        office_id = AidItem.objects.filter(pk=instance.item_id).values_list("office_id", flat=True).first()
    marks.touch([office_id])  # an item already gone: None touches everything, which is never wrong


def _shared_record_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    marks.touch_all()


def connect() -> None:
    for models, handler in (
        (OFFICE_RECORDS, _office_record_changed),
        (ITEM_RECORDS, _item_record_changed),
        (SHARED_RECORDS, _shared_record_changed),
    ):
        for model in models:
            uid = f"caunoi-marks-{model._meta.label}"
            post_save.connect(handler, sender=model, dispatch_uid=uid)
            post_delete.connect(handler, sender=model, dispatch_uid=uid)
