"""Reported figures are drawn on the dashboard, which is kept under its offices' ledger marks
(caunoi.core.marks): a confirmed, corrected or archived reported record makes its office's mark new.

Declared here, apart from caunoi.reports.marking, so that the app carries its own wiring."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from caunoi.core import marks

# The models whose changes renew their office's mark, and how to find the office from a record.
MARKED = {
    "reported.ReportedFigures": lambda record: record.office_id,
    "reported.ReportedSector": lambda record: record.figures.office_id,
}


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    try:
        office_id = MARKED[sender._meta.label](instance)
    except Exception:  # the parent is already gone: touching every mark is never wrong
        office_id = None
    marks.touch([office_id])


def connect() -> None:
    from django.apps import apps

    for label in MARKED:
        model = apps.get_model(label)
        uid = f"caunoi-marks-{label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
