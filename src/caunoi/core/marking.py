"""Which record changes make computed reports and kept pages stale (see caunoi.core.marks).

Each app declares, on its AppConfig (a `caunoi.core.marked_app.MarkedAppConfig`, whose `ready()` connects
them), which of its models renew which marks:
- `office_marked`: records with an `office` (the office's mark);
- `item_marked`: records of an aid item (the mark of the item's office);
- `shared_marked`: reference data every office's reports read (rates, sectors, organisations, geography,
  the offices themselves), which renews the global mark.
Bulk loaders that bypass model signals (the geography loader, the IATI bulk path) call
`caunoi.core.marks.touch` themselves.
The declarations are checked against the SQL actually run: every table a value kept under marks or a kept
page reads must belong to a model declared here (tests/core/test_marks_cover_reads.py,
tests/web/test_kept_pages_cover_reads.py).
"""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from caunoi.core import marks


def _office_record_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    marks.touch([instance.office_id])


def _item_record_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    item = instance._state.fields_cache.get("item")
    office_id = item.office_id if item is not None else None
    if office_id is None:
        items = apps.get_model("aid", "AidItem").objects
        office_id = items.filter(pk=instance.item_id).values_list("office_id", flat=True).first()
    marks.touch([office_id])  # an item already gone: None touches everything, which is never wrong


def _shared_record_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    marks.touch_all()


HANDLERS = {
    "office_marked": _office_record_changed,
    "item_marked": _item_record_changed,
    "shared_marked": _shared_record_changed,
}


def marked_models(config: AppConfig) -> dict[str, list[type[Model]]]:
    """The app's models under each kind of mark, as its AppConfig declares them (by model name)."""
    return {
        attribute: [config.get_model(name) for name in getattr(config, attribute, ())]
        for attribute in HANDLERS
    }


def connect(config: AppConfig) -> None:
    for attribute, models in marked_models(config).items():
        for model in models:
            uid = f"caunoi-marks-{model._meta.label}"
            post_save.connect(HANDLERS[attribute], sender=model, dispatch_uid=uid)
            post_delete.connect(HANDLERS[attribute], sender=model, dispatch_uid=uid)
