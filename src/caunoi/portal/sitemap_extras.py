"""Other apps' public pages in the portal's sitemap.xml: each registers, in its `AppConfig.ready()`, a function
giving an office's public paths with their last change, so that the portal knows no app by name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from caunoi.core.models import Office

Entries = Callable[[Office], list[tuple[str, dt.date | None]]]
REGISTERED: dict[str, Entries] = {}


def register(name: str, entries: Entries) -> None:
    """Add (or, under the same name, replace: `ready()` may run twice in tests) an app's sitemap entries."""
    REGISTERED[name] = entries


def entries_for(office: Office) -> list[tuple[str, dt.date | None]]:
    return [entry for entries in REGISTERED.values() for entry in entries(office)]
