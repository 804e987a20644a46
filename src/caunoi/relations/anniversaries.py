"""Upcoming occasions within a lead time, so that a celebration can be planned.

Diplomatic relations and the founding of partnerships and associations count only in round years (5, 10,
15…); national days and new-year festivals come every year. A founding known only to the year (or month)
is placed on the first day of that year (or month) and marked approximate, so that it shows early rather
than late.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from caunoi.core.models import Office
from caunoi.relations.dates import Precision
from caunoi.relations.models import (
    Association,
    Occasion,
    OccasionDate,
    Partnership,
    PartnershipStatus,
    Recurrence,
)

ROUND_EVERY = 5


@dataclass
class Anniversary:
    on: dt.date
    until: dt.date
    title: str
    kind: str  # an OccasionKind, or partnership_founding / association_founding
    country: str
    years: int | None
    is_round: bool
    approximate: bool
    days_until: int
    source_url: str = ""
    record: str = ""  # occasion:12, partnership:3, association:4
    # For the title in English (`caunoi.relations.reminders.anniversary_text`): an occasion's English title,
    # the partner's or association's name (and an association's English name).
    title_en: str = ""
    name: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on.isoformat(),
            "until": self.until.isoformat(),
            "title": self.title,
            "kind": self.kind,
            "country": self.country,
            "years": self.years,
            "is_round": self.is_round,
            "approximate": self.approximate,
            "days_until": self.days_until,
            "source_url": self.source_url,
            "record": self.record,
        }


def _on(year: int, month: int, day: int) -> dt.date:
    """The day in `year`; 29 February falls on 28 February in common years."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return dt.date(year, month, day - 1)


def _years_in(on: dt.date, last: dt.date) -> range:
    return range(on.year, last.year + 1)


def _occasions(office: Office) -> list[Occasion]:
    """The office's occasions and its predecessors', one per title (the office's own first)."""
    seen: dict[str, Occasion] = {}
    for lineage_office in office.lineage():
        for occasion in Occasion.objects.filter(office=lineage_office, archived_at__isnull=True):
            seen.setdefault(occasion.title, occasion)
    return list(seen.values())


def _from_occasion(occasion: Occasion, on: dt.date, last: dt.date) -> list[Anniversary]:
    found = []
    if occasion.recurrence == Recurrence.PER_YEAR_DATES:
        dates = [d.on for d in OccasionDate.objects.filter(occasion=occasion, on__gte=on, on__lte=last)]
    else:
        assert occasion.month and occasion.day
        dates = [_on(y, occasion.month, occasion.day) for y in _years_in(on, last)]
    for day in dates:
        if not on <= day <= last:
            continue
        years = day.year - occasion.origin_year if occasion.origin_year else None
        is_round = bool(years and years % ROUND_EVERY == 0)
        if occasion.recurrence == Recurrence.ROUND and not is_round:
            continue
        found.append(
            Anniversary(
                on=day,
                until=day + dt.timedelta(days=occasion.duration_days - 1),
                title=occasion.title,
                kind=occasion.kind,
                country=occasion.country,
                years=years,
                is_round=is_round,
                approximate=False,
                days_until=(day - on).days,
                source_url=occasion.source_url,
                record=f"occasion:{occasion.pk}",
                title_en=occasion.title_en,
            )
        )
    return found


def _round_of(since: dt.date, precision: str, on: dt.date, last: dt.date) -> list[tuple[dt.date, int]]:
    found = []
    for year in _years_in(on, last):
        years = year - since.year
        if years <= 0 or years % ROUND_EVERY:
            continue
        day = _on(year, since.month, since.day) if precision == Precision.DAY else since.replace(year=year)
        if on <= day <= last:
            found.append((day, years))
    return found


def upcoming_anniversaries(office: Office, on: dt.date, lead_days: int = 90) -> list[Anniversary]:
    """Occasions from `on` to `on + lead_days` (both included), soonest first."""
    last = on + dt.timedelta(days=lead_days)
    found: list[Anniversary] = []
    for occasion in _occasions(office):
        found += _from_occasion(occasion, on, last)
    offices = office.lineage()
    partnerships = Partnership.objects.filter(
        office__in=offices, archived_at__isnull=True, since__isnull=False
    ).exclude(status=PartnershipStatus.ENDED)
    for partnership in partnerships.select_related("organisation"):
        assert partnership.since is not None
        for day, years in _round_of(partnership.since, partnership.since_precision, on, last):
            found.append(
                Anniversary(
                    day,
                    day,
                    f"{years} năm quan hệ hợp tác với {partnership.organisation.name}",
                    "partnership_founding",
                    partnership.organisation.country,
                    years,
                    True,
                    partnership.since_precision != Precision.DAY,
                    (day - on).days,
                    record=f"partnership:{partnership.pk}",
                    name=partnership.organisation.name,
                )
            )
    for association in Association.objects.filter(office__in=offices, archived_at__isnull=True):
        founded = association.founded_on or association.founding_decision_date
        if founded is None:
            continue
        precision = association.founded_precision if association.founded_on else Precision.DAY
        for day, years in _round_of(founded, precision, on, last):
            found.append(
                Anniversary(
                    day,
                    day,
                    f"{years} năm thành lập {association.name}",
                    "association_founding",
                    association.counterpart_country,
                    years,
                    True,
                    precision != Precision.DAY,
                    (day - on).days,
                    record=f"association:{association.pk}",
                    title_en=association.name_en,
                    name=association.name,
                )
            )
    return sorted(found, key=lambda a: (a.on, a.title))


def calendar_gaps(office: Office, on: dt.date, lead_days: int = 90) -> list[tuple[str, int]]:
    """Lunar occasions with no date entered for a year the lead time reaches: (title, year)."""
    last = on + dt.timedelta(days=lead_days)
    gaps = []
    for occasion in _occasions(office):
        if occasion.recurrence != Recurrence.PER_YEAR_DATES:
            continue
        known = set(occasion.dates.values_list("year", flat=True))
        gaps += [(occasion.title, year) for year in _years_in(on, last) if year not in known]
    return gaps
