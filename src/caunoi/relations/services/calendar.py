"""Editing the calendar of occasions, and seeding an office's calendar with sourced facts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.text import nfc
from caunoi.relations import messages as m
from caunoi.relations.calendar_data import OCCASIONS
from caunoi.relations.countries import clean_country
from caunoi.relations.dates import vn_date
from caunoi.relations.models import Occasion, OccasionDate, OccasionKind, Recurrence
from caunoi.relations.services.common import check_choice, not_archived, required_text


def _check_day(month: int | None, day: int | None, recurrence: str) -> None:
    if recurrence == Recurrence.PER_YEAR_DATES:
        return
    if month is None or day is None:
        raise m.OCCASION_NEEDS_DAY(field="day")
    try:
        dt.date(2024, month, day)  # a leap year, so 29 February is a real date
    except ValueError:
        raise m.OCCASION_DATE(field="day", day=day, month=month) from None


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
    actor: Any = None,
) -> Occasion:
    check_choice(kind, OccasionKind, "loại dịp", "kind of occasion", "kind")
    check_choice(recurrence, Recurrence, "cách lặp lại", "recurrence", "recurrence")
    _check_day(month, day, recurrence)
    if duration_days < 1:
        raise m.NEGATIVE(field="duration_days", what="Số ngày", what_en="number of days")
    occasion = Occasion(
        office=office,
        kind=kind,
        title=required_text(title, "tên dịp", "occasion title", "title"),
        title_en=nfc(title_en),
        country=clean_country(country),
        recurrence=recurrence,
        month=month,
        day=day,
        origin_year=origin_year,
        duration_days=duration_days,
        source_url=source_url.strip(),
        source_note=nfc(source_note),
    )
    audit.save(occasion, actor)
    return occasion


@transaction.atomic
def set_occasion_date(
    occasion: Occasion, year: int, on: dt.date, *, source_url: str = "", actor: Any = None
) -> OccasionDate:
    """The date of a lunar occasion in one year, as a published calendar gives it."""
    not_archived(occasion)
    if on.year != year:
        raise m.OCCASION_DATE_YEAR(field="on", on=vn_date(on), year=year)
    row = OccasionDate.objects.filter(occasion=occasion, year=year).first() or OccasionDate(
        occasion=occasion, year=year
    )
    row.on, row.source_url = on, source_url.strip()
    audit.save(row, actor)
    return row


@transaction.atomic
def seed_calendar(office: Office, *, actor: Any = None) -> int:
    """Add the sourced occasions of `calendar_data` the office lacks (matched by title); returns how many."""
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
