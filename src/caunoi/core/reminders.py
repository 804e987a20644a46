"""What needs attention, by date, gathered from every app that has something to remind of.

Each app registers its providers in its `AppConfig.ready()` (as pretix registers exporters): core knows no
app, and an app that fails to import fails loudly instead of silently dropping its reminders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from caunoi.core.models import Office
from caunoi.core.records import RecordRef


@dataclass(frozen=True)
class Reminder:
    kind: str
    office: Office
    title: str
    due: dt.date
    record: RecordRef | None = None  # the page to open, where the reader may open it
    overdue: bool = False


Provider = Callable[[list[Office], dt.date], list[Reminder]]
PROVIDERS: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """Add (or, under the same name, replace: `ready()` may run twice in tests) a provider of reminders."""
    PROVIDERS[name] = provider


def all_reminders(offices: Iterable[Office], today: dt.date) -> list[Reminder]:
    offices = list(offices)
    found = [reminder for provider in PROVIDERS.values() for reminder in provider(offices, today)]
    return sorted(found, key=lambda r: (r.due, r.office.code, r.title))
