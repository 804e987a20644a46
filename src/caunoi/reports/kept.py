"""Figures kept per office and year, so that a report of many offices or years sums stored rows instead of
scanning the ledger.

`compute` gathers, for one office and one year, every sum the aid report (`reports.aid`) and the dashboard
(`reports.dashboard`) show — by the same functions of `reports.figures` they used to call on the whole
selection, unrounded so that they add up. `figures_of` reads the stored rows (`reports.models.YearFigures`)
and uses a row only while its stamp is the office's current ledger mark (with the shared one, and this code's
version): a change that renews the mark (`caunoi.core.marking`) makes the next read compute that office-year
again and store it. Nothing is ever served from records that changed since, whatever cache setting is on.

Why the sums of offices and years are exact: an item belongs to one office and counts in its approval year
only; a disbursement to its transaction's office and value-date year; so the selections of two office-years
never share an item or a transaction, and every count and sum of a report is the sum of its office-years'.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

from caunoi.aid.models import Transaction
from caunoi.aid.models import TransactionKind as K
from caunoi.aid.years import items_of_year
from caunoi.core import marks
from caunoi.core.errors import Problem
from caunoi.core.models import Office
from caunoi.money.convert import RateBook, RateUsed
from caunoi.reports import figures
from caunoi.reports.figures import Breakdown, Sums
from caunoi.reports.map_carry import Carried, Landings, added, landings

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# Part of every stamp: rows computed by another version of this module (another shape) are never used.
FORMAT = "7"
# A row's figures are kept in three columns, each read only by the reports that need it: the landings on one
# office's districts or communes (the dashboard of one office), the aid report's place and sector shares and
# rates, and the rest (both). Not unpickling what a report does not show is most of what a national report saves.
# Within the map's column each map (era and split: `map_carry.Landings.key`) is pickled apart, so that a
# dashboard unpickles the one it draws, not all four.
MAP_FIELDS = ("on_units",)
REPORT_FIELDS = ("by_share", "placed", "by_place", "converted", "missing", "places")


@dataclass
class YearFigures:
    """What one office-year (or, summed, several) adds up to; see the module docstring."""

    breakdown: Breakdown
    disbursed: Sums
    by_share: dict[Any, Sums]  # commitments by the items' sector shares
    placed: dict[Any, int]  # items per place as recorded
    by_place: dict[Any, Sums]  # commitments by the items' place shares
    # What each rate converted, per "committed"/"disbursed": {rate: {currency: amount}} (USD and VND).
    converted: dict[str, dict[RateUsed, dict[str, Decimal]]]
    rates_usd: set[RateUsed]  # the rates that converted the counted transactions to USD
    missing: list[Problem]  # rates still to enter, for USD and VND
    missing_usd: list[Problem]  # for USD alone
    statuses: dict[str, int]  # every item of the office by current status, whatever its year
    # What the lines print of the donors and places named above: shared reference data, whose changes renew
    # every office's mark (the stamp's "global" part), so they are kept with the sums.
    organisations: dict[int, figures.OrganisationName] = field(default_factory=dict)
    places: dict[int, tuple[Any, ...]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)
    # What the commitments split by place bring to the maps of each era, carried each way
    # (`reports.map_carry.landings`): the provinces (a map of several offices) and one office's districts or
    # communes. A map adds these up instead of carrying the recorded places again.
    on_provinces: dict[str, Carried] = field(default_factory=dict)
    on_units: dict[str, Carried] = field(default_factory=dict)

    @property
    def landed(self) -> Landings:
        return Landings(self.on_provinces, self.on_units)

    def add(self, other: YearFigures, *, take: bool = False) -> None:
        """Add `other` in. With `take`, `other` is a row just read and thrown away after: the sums of keys
        new here are taken as they are instead of copied (offices name mostly their own places and donors,
        so most keys are new; copying them was a third of the national report)."""
        b, o = self.breakdown, other.breakdown
        b.count += o.count
        for mine, theirs in (
            (b.items_by_sector, o.items_by_sector),
            (b.items_by_modality, o.items_by_modality),
            (b.items_by_donor, o.items_by_donor),
            (self.placed, other.placed),
        ):
            for key, n in theirs.items():
                mine[key] = mine.get(key, 0) + n
        for key, modalities in o.modalities_by_sector.items():
            b.modalities_by_sector.setdefault(key, set()).update(modalities)
        b.committed.add(o.committed)
        self.disbursed.add(other.disbursed)
        for mine_sums, theirs_sums in (
            (b.by_sector, o.by_sector),
            (b.by_modality, o.by_modality),
            (b.by_provider, o.by_provider),
            (self.by_share, other.by_share),
            (self.by_place, other.by_place),
        ):
            for key, sums in theirs_sums.items():
                held = mine_sums.get(key)
                if held is None:
                    if take:
                        mine_sums[key] = sums
                        continue
                    mine_sums[key] = held = Sums()
                held.add(sums)
        for what, rates in other.converted.items():
            for rate, amounts in rates.items():
                got = self.converted.setdefault(what, {}).setdefault(rate, {})
                for currency, amount in amounts.items():
                    got[currency] = got.get(currency, ZERO) + amount
        self.rates_usd |= other.rates_usd
        self.missing = _problems([*self.missing, *other.missing])
        self.missing_usd = _problems([*self.missing_usd, *other.missing_usd])
        self.organisations.update(other.organisations)
        self.places.update(other.places)
        self.years |= other.years
        added(self.on_provinces, other.on_provinces)
        added(self.on_units, other.on_units)


def _problems(found: Iterable[Problem]) -> list[Problem]:
    """One problem per text, in order of their text (as `figures.missing_rates` gives them)."""
    by_text: dict[str, Problem] = {}
    for p in found:
        by_text.setdefault(p.vi, p)
    return [by_text[text] for text in sorted(by_text)]


def empty() -> YearFigures:
    return YearFigures(
        breakdown=Breakdown(0, {}, {}, {}, {}, Sums(), {}, {}, {}),
        disbursed=Sums(),
        by_share={},
        placed={},
        by_place={},
        converted={},
        rates_usd=set(),
        missing=[],
        missing_usd=[],
        statuses={},
    )


def compute(office_id: int, year: int) -> YearFigures:
    """The figures of one office and year, from its records (about fifteen GROUP BY queries)."""
    office = Office(pk=office_id)
    items = items_of_year([office], year)
    commitments = Transaction.objects.counted().filter(item__in=items.values("pk"), kind=K.COMMITMENT)
    disbursements = Transaction.objects.counted().filter(
        office=office_id, kind=K.DISBURSEMENT, value_date__year=year, item__archived_at__isnull=True
    )
    books: dict[int, RateBook] = {}

    def book_of(pk: int) -> RateBook:
        # Each transaction was converted with its own office's rates. Read only when some money is left
        # unconverted (to say which rate to enter): loading every rate was a tenth of an office-year.
        if pk not in books:
            books[pk] = RateBook(Office(pk=pk))
        return books[pk]

    breakdown = figures.breakdown(items, commitments)
    disbursed = figures.sums(disbursements).get(None) or Sums()
    converted = {
        what: dict(figures.rates_converted(found))
        for what, found in (("committed", commitments), ("disbursed", disbursements))
    }
    rates_usd = {
        *figures.rates_converted(commitments, figures.USD_RATES),
        *figures.rates_converted(disbursements, figures.USD_RATES),
    }
    missing = [
        p
        for found, got in ((commitments, breakdown.committed), (disbursements, disbursed))
        if got.unconverted
        for p in figures.missing_rates(found, book_of)
    ]
    missing_usd = [
        p
        for found, got in ((commitments, breakdown.committed), (disbursements, disbursed))
        if got.not_usd
        for p in figures.missing_rates(found, book_of, usd_only=True)
    ]
    landed = landings(*figures.recorded_places(commitments))
    placed = figures.count_placed(items)
    return YearFigures(
        breakdown=breakdown,
        disbursed=disbursed,
        by_share=dict(
            figures.sums(
                commitments.filter(item__sector_shares__isnull=False),
                "item__sector_shares__sector",
                "item__sector_shares__share",
            )
        ),
        placed=placed,
        by_place=dict(
            figures.sums(
                commitments.filter(item__place_shares__isnull=False),
                "item__place_shares__unit",
                "item__place_shares__share",
            )
        ),
        converted=converted,
        rates_usd=rates_usd,
        missing=_problems(missing),
        missing_usd=_problems(missing_usd),
        statuses=figures.count_statuses([office_id]),
        organisations=figures.organisation_names(
            {*breakdown.items_by_donor, *(pk for pk in breakdown.by_provider if pk is not None)}
        ),
        places=figures.place_rows(placed),
        years={year},
        on_provinces=landed.provinces,
        on_units=landed.units,
    )


def stamp(tokens: str) -> str:
    """What a row is stamped with: the office's marks as read before computing it, and this code's version."""
    return hashlib.sha256(f"{FORMAT}|{marks.code_version()}|{tokens}".encode()).hexdigest()


def store(office_id: int, year: int, stamped: str, found: YearFigures) -> None:
    """Keep an office-year's figures, in their three columns (`MAP_FIELDS`, `REPORT_FIELDS`)."""
    from caunoi.reports.models import YearFigures as Row

    rest = replace(found, **{name: type(getattr(found, name))() for name in (*MAP_FIELDS, *REPORT_FIELDS)})
    columns = {
        "data": rest,
        "map_data": tuple(
            {
                key: pickle.dumps(carried, pickle.HIGHEST_PROTOCOL)
                for key, carried in getattr(found, name).items()
            }
            for name in MAP_FIELDS
        ),
        "report_data": tuple(getattr(found, name) for name in REPORT_FIELDS),
    }
    try:
        with transaction.atomic():
            Row.objects.update_or_create(
                office_id=office_id,
                year=year,
                defaults={
                    "stamp": stamped,
                    **{name: pickle.dumps(value, pickle.HIGHEST_PROTOCOL) for name, value in columns.items()},
                },
            )
    except IntegrityError:  # pragma: no cover - another worker stored the same office-year first
        pass


def figures_of(
    office_ids: Iterable[int], years: Iterable[int], with_map: bool = True, with_report: bool = True
) -> dict[tuple[int, int], YearFigures]:
    """The figures of each office and year: the stored row when its stamp is the office's current mark,
    else computed now (and stored). Without `with_map`, the landings on districts or communes are left empty
    (only one office's dashboard draws them); without `with_report`, the aid report's shares and rates (`REPORT_FIELDS`;
    the dashboard shows none of them)."""
    return dict(each_figures(office_ids, years, with_map, with_report))


def each_figures(
    office_ids: Iterable[int],
    years: Iterable[int],
    with_map: bool = True,
    with_report: bool = True,
    map_key: str | None = None,
) -> Iterator[tuple[tuple[int, int], YearFigures]]:
    """The same, one office-year at a time: a report that adds them up holds one unpickled row besides its
    sums, not every row at once (the national report's memory would grow with the offices and the data).
    With `map_key`, the map of districts or communes is read for that map alone (`map_carry.Landings.key`)."""
    from caunoi.reports.models import YearFigures as Row

    office_ids, years = sorted(set(office_ids)), sorted(set(years))
    stamps = {pk: stamp(t) for pk, t in marks.office_tokens(office_ids).items()}
    parts = [
        (column, names)
        for column, names, wanted in (
            ("map_data", MAP_FIELDS, with_map),
            ("report_data", REPORT_FIELDS, with_report),
        )
        if wanted
    ]
    columns = ("office_id", "year", "stamp", "data", *(column for column, _ in parts))
    seen: set[tuple[int, int]] = set()
    rows = Row.objects.filter(office__in=office_ids, year__in=years).values_list(*columns)
    for office_id, year, stamped, data, *more in rows.iterator(chunk_size=4):
        if stamped == stamps[office_id]:
            # Written by `store` only, from caunoi's own sums (as the report cache's pickles).
            got: YearFigures = pickle.loads(data)
            for (column, names), pickled in zip(parts, more, strict=True):
                for name, value in zip(names, pickle.loads(pickled), strict=True):
                    if column == "map_data":
                        value = {k: pickle.loads(v) for k, v in value.items() if map_key in (None, k)}
                    setattr(got, name, value)
            seen.add((office_id, year))
            yield (office_id, year), got
    for office_id in office_ids:
        for year in years:
            if (office_id, year) not in seen:
                computed = compute(office_id, year)
                store(office_id, year, stamps[office_id], computed)
                yield (office_id, year), computed


def summed(office_ids: Iterable[int], years: Iterable[int], with_map: bool = True) -> YearFigures:
    """The figures of the offices and years added up (a fresh object: stored rows are never changed)."""
    total = empty()
    for _key, got in each_figures(office_ids, years, with_map):
        total.add(got, take=True)  # each row is read afresh and used once
    return total


def rebuild(office_ids: Iterable[int], years: Iterable[int]) -> int:
    """Compute and store the figures of each office and year again, whatever their stamps; how many."""
    office_ids, years = sorted(set(office_ids)), sorted(set(years))
    stamps = {pk: stamp(t) for pk, t in marks.office_tokens(office_ids).items()}
    for office_id in office_ids:
        for year in years:
            store(office_id, year, stamps[office_id], compute(office_id, year))
    return len(office_ids) * len(years)


def years_with_records(office_ids: Iterable[int]) -> list[int]:
    """The years in which the offices' items were approved or their transactions dated."""
    from caunoi.aid.models import AidItem

    office_ids = list(office_ids)
    approved = AidItem.objects.filter(office__in=office_ids, approved_on__isnull=False).dates(
        "approved_on", "year"
    )
    dated = Transaction.objects.filter(office__in=office_ids).dates("value_date", "year")
    return sorted({d.year for d in approved} | {d.year for d in dated})
