"""Which record changes make computed reports and kept pages stale (see caunoi.core.marks).

Each app declares, on its AppConfig (a `caunoi.core.marked_app.MarkedAppConfig`, whose `ready()` connects
them), which of its models renew which marks:
- `office_marked`: records with an `office` (the office's mark);
- `item_marked`: records of an aid item (the mark of the item's office);
- `shared_marked`: reference data every office's reports read (rates, sectors, organisations, geography,
  the offices themselves), which renews the global mark;
- `via_marked`: records that belong to an office through a parent, as (model, field of the parent) pairs
  (an article's photo through its article, a consent through its person): the parent's office's mark.
The many-to-many links of an `office_marked` model (an article's tags) renew the marks of the offices on
both sides when they change (`m2m_changed`).
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
from django.db.models.signals import m2m_changed, post_delete, post_save

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


def _via_handler(field: str) -> Any:
    def changed(sender: Any, instance: Any, **kwargs: Any) -> None:
        parent = instance._state.fields_cache.get(field)
        office_id = getattr(parent, "office_id", None)
        if office_id is None:
            model = instance._meta.get_field(field).related_model
            pk = getattr(instance, f"{field}_id")
            office_id = model.objects.filter(pk=pk).values_list("office_id", flat=True).first()
        marks.touch([office_id])  # a parent already gone: None touches everything, which is never wrong

    return changed


def _links_changed(sender: Any, instance: Any, action: str, model: Any, pk_set: Any, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    offices: set[int | None] = {getattr(instance, "office_id", None)}
    if pk_set and any(f.name == "office" for f in model._meta.concrete_fields):
        offices |= set(model.objects.filter(pk__in=pk_set).values_list("office_id", flat=True))
    marks.touch(offices)  # None (a side without an office) touches everything, which is never wrong


HANDLERS = {
    "office_marked": _office_record_changed,
    "item_marked": _item_record_changed,
    "shared_marked": _shared_record_changed,
}


def links_of(model: type[Model]) -> list[type[Model]]:
    """The auto-created tables of the model's many-to-many fields."""
    through = (f.remote_field.through for f in model._meta.local_many_to_many)
    return [t for t in through if t is not None and t._meta.auto_created]


def marked_models(config: AppConfig) -> dict[str, list[type[Model]]]:
    """The app's models under each kind of mark, as its AppConfig declares them (by model name); the links
    of its office-marked models under "links"."""
    found = {
        attribute: [config.get_model(name) for name in getattr(config, attribute, ())]
        for attribute in HANDLERS
    }
    found["via_marked"] = [config.get_model(name) for name, _field in getattr(config, "via_marked", ())]
    found["links"] = [link for model in found["office_marked"] for link in links_of(model)]
    return found


def connect(config: AppConfig) -> None:
    for attribute, models in marked_models(config).items():
        if attribute not in HANDLERS:
            continue
        for model in models:
            uid = f"caunoi-marks-{model._meta.label}"
            post_save.connect(HANDLERS[attribute], sender=model, dispatch_uid=uid)
            post_delete.connect(HANDLERS[attribute], sender=model, dispatch_uid=uid)
    for name, field in getattr(config, "via_marked", ()):
        model = config.get_model(name)
        uid = f"caunoi-marks-{model._meta.label}"
        handler = _via_handler(field)
        post_save.connect(handler, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(handler, sender=model, dispatch_uid=uid, weak=False)
    for model in marked_models(config)["links"]:
        m2m_changed.connect(_links_changed, sender=model, dispatch_uid=f"caunoi-marks-{model._meta.label}")
