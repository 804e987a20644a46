"""The AppConfig of an app whose records renew report marks: it declares them, `ready()` wires the signals
(caunoi.core.marking). Kept apart from caunoi.core.marking so that apps.py imports no model. An apps.py
imports this module, not the class: Django takes the one AppConfig class an apps.py holds as the app's."""

from __future__ import annotations

from django.apps import AppConfig


class MarkedAppConfig(AppConfig):
    office_marked: tuple[str, ...] = ()
    item_marked: tuple[str, ...] = ()
    shared_marked: tuple[str, ...] = ()
    via_marked: tuple[tuple[str, str], ...] = ()  # (model, its field naming the office-owned parent)

    def ready(self) -> None:
        from caunoi.core import marking

        marking.connect(self)
