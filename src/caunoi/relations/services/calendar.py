"""Editing the calendar of occasions, and seeding an office's calendar with sourced facts.

Every write checks that the actor may edit the occasion's office (`actor=SYSTEM`: CLI, demo).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.audit import archive, restore
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.text import nfc
from caunoi.relations import messages as m
from caunoi.relations.calendar_data import OCCASIONS
from caunoi.relations.countries import clean_country
from caunoi.relations.models import Occasion, OccasionDate, OccasionKind, Recurrence
from caunoi.relations.services.common import (
    check_choice,
    not_archived,
    required_text,
    today,
)


def _check_day(month: int | None, day: int | None, recurrence: str) -> None:
    if recurrence == Recurrence.PER_YEAR_DATES:
        return
    if month is None or day is None:
        raise m.OCCASION_NEEDS_DAY(field="day")
    try:
        dt.date(2024, month, day)  # a leap year, so 29 February is a real date
    except ValueError:
        raise m.OCCASION_DATE(field="day", day=day, month=month) from None


OCCASION_FIELDS = (
    "kind",
    "title",
    "title_en",
    "country",
    "recurrence",
    "month",
    "day",
    "origin_year",
    "duration_days",
    "source_url",
    "source_note",
)


def _check_occasion(office: Office, values: dict[str, Any], occasion: Occasion | None) -> dict[str, Any]:
    """The rules of an occasion's fields; returns them cleaned."""
    check_choice(values["kind"], OccasionKind, _("loại dịp"), "kind")
    recurrence = check_choice(values["recurrence"], Recurrence, _("cách lặp lại"), "recurrence")
    values["title"] = required_text(values["title"], _("tên dịp"), "title")
    same = Occasion.objects.filter(office=office, title=values["title"])
    if occasion is not None:
        same = same.exclude(pk=occasion.pk)
    if same.exists():  # the calendar seed matches occasions by title: one title, one occasion
        raise m.DUPLICATE(field="title", name=values["title"])
    values["country"] = clean_country(values["country"])
    _check_day(values.get("month"), values.get("day"), recurrence)
    origin_year = values.get("origin_year")
    if origin_year is not None and not 1000 <= origin_year <= today().year:
        raise m.YEAR_INVALID(field="origin_year", year=origin_year)
    if recurrence == Recurrence.ROUND and origin_year is None:
        raise m.OCCASION_ROUND_NEEDS_YEAR(field="origin_year")
    if values["duration_days"] is None or values["duration_days"] < 1:
        raise m.NEGATIVE(field="duration_days", what=pgettext_lazy("in a rule message", "Số ngày"))
    values["title_en"] = nfc(values.get("title_en"))
    values["source_url"] = (values.get("source_url") or "").strip()
    values["source_note"] = nfc(values.get("source_note"))
    return values


@transaction.atomic
def create_occasion(
    office: Office,
    *,
    kind: str,
    title: str,
    country: str,
    recurrence: str,
    month: int | None = None,
    day: int | None = None,
    origin_year: int | None = None,
    duration_days: int = 1,
    title_en: str = "",
    source_url: str = "",
    source_note: str = "",
    actor: Actor,
) -> Occasion:
    authorize(actor, Action.EDIT, office)
    values = _check_occasion(
        office,
        {
            "kind": kind,
            "title": title,
            "title_en": title_en,
            "country": country,
            "recurrence": recurrence,
            "month": month,
            "day": day,
            "origin_year": origin_year,
            "duration_days": duration_days,
            "source_url": source_url,
            "source_note": source_note,
        },
        None,
    )
    occasion = Occasion(office=office, **values)
    audit.save(occasion, actor)
    return occasion


@transaction.atomic
def update_occasion(occasion: Occasion, *, actor: Actor, **changes: Any) -> Occasion:
    authorize(actor, Action.EDIT, occasion.office)
    not_archived(occasion)
    unknown = set(changes) - set(OCCASION_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    values = {name: getattr(occasion, name) for name in OCCASION_FIELDS}
    values.update(changes)
    for name, value in _check_occasion(occasion.office, values, occasion).items():
        setattr(occasion, name, value)
    audit.save(occasion, actor)
    return occasion


@transaction.atomic
def archive_occasion(occasion: Occasion, *, actor: Actor) -> None:
    """Off the calendar and the reminders; the office administrator can restore it."""
    authorize(actor, Action.ARCHIVE, occasion.office)
    not_archived(occasion)
    archive(occasion, actor=actor)


@transaction.atomic
def restore_occasion(occasion: Occasion, *, actor: Actor) -> None:
    authorize(actor, Action.RESTORE, occasion.office)
    restore(occasion, actor=actor)


@transaction.atomic
def set_occasion_date(
    occasion: Occasion, year: int, on: dt.date, *, source_url: str = "", actor: Actor
) -> OccasionDate:
    """The date of a lunar occasion in one year, as a published calendar gives it."""
    authorize(actor, Action.EDIT, occasion.office)
    not_archived(occasion)
    if occasion.recurrence != Recurrence.PER_YEAR_DATES:
        raise m.OCCASION_NOT_PER_YEAR(field="on", title=occasion.title)
    if not 1990 <= year <= 2100:
        raise m.YEAR_INVALID(field="year", year=year)
    if on.year != year:
        raise m.OCCASION_DATE_YEAR(field="on", on=on, year=year)
    row = OccasionDate.objects.filter(occasion=occasion, year=year).first() or OccasionDate(
        occasion=occasion, year=year
    )
    row.on, row.source_url = on, source_url.strip()
    audit.save(row, actor)
    return row


@transaction.atomic
def remove_occasion_date(row: OccasionDate, *, actor: Actor) -> None:
    """A year's date entered by mistake is removed (its history stays)."""
    authorize(actor, Action.EDIT, row.occasion.office)
    not_archived(row.occasion)
    audit.delete(row, actor)


@transaction.atomic
def seed_calendar(office: Office, *, actor: Actor) -> int:
    """Add the sourced occasions of `calendar_data` the office lacks (matched by title); returns how many."""
    authorize(actor, Action.EDIT, office)
    added = 0
    existing = {o.title: o for o in Occasion.objects.filter(office=office)}
    for spec in OCCASIONS:
        occasion = existing.get(spec.title)
        if occasion is None:
            occasion = create_occasion(
                office,
                kind=spec.kind,
                title=spec.title,
                title_en=spec.title_en,
                country=spec.country,
                recurrence=spec.recurrence,
                month=spec.month,
                day=spec.day,
                origin_year=spec.origin_year,
                duration_days=spec.duration_days,
                source_url=spec.source_url,
                source_note=spec.source_note,
                actor=actor,
            )
            added += 1
        known = set(occasion.dates.values_list("year", flat=True))
        for on in spec.dates:
            if on.year not in known:
                set_occasion_date(occasion, on.year, on, source_url=spec.dates_source_url, actor=actor)
    return added
