"""The dashboard's figures for chosen offices and years, computed from records in a fixed number of queries.

Every amount is a sum of the transactions' stored USD values (`caunoi.aid.converted`), summed in the
database by `reports.figures` as `reports.aid` does, so the number of queries depends neither on how many
offices or years are chosen nor on how many rows they hold. An amount without a rate is left out, and the
rate to enter is named (`missing_rates`).

What counts, for the years `first`–`last`:
- committed: the commitments of the items approved in those years and not revoked or cancelled by the end
  of their approval year — year by year the aid report's rule (`caunoi.aid.years`), so the figure
  of a year equals the annual report's;
- disbursed: the disbursements dated in those years (archived records and items left out);
- by sector, modality and donor: the same items and commitments (each item in its primary sector, with its
  whole commitment; donors by the commitment's provider, counted by the items they fund);
- pipeline: the current status of every item of the offices, whatever its year (proposals have no year);
- map: the same commitments split by the items' place shares, then carried to the units in force on the
  chosen day (see `dashboard_map`); for more than one office, summed by province;
- reported: the confirmed reported figures (caunoi.reported) whose period lies in those years, as their
  documents state them — a series apart from the ledger's, never added to it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from django.db.models import Q

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import Modality, Sector
from caunoi.core import collector, marks
from caunoi.core.errors import Problem, RuleErrors
from caunoi.core.models import Office
from caunoi.geography.mapping import units_in_force
from caunoi.geography.models import AdminUnit, Level
from caunoi.geography.successions import Successions, load_successions, units_by_pk
from caunoi.money.convert import RateBook, RateUsed, not_converted
from caunoi.money.models import ExchangeRate
from caunoi.reported.services import confirmed_for
from caunoi.reports import figures, kept
from caunoi.reports.map_carry import Carried, Landings, Split, carry, in_era, map_era

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
TOP_DONORS = 10


@dataclass
class Line:
    key: str
    name: str
    name_en: str
    count: int
    committed: Decimal  # USD, to the cent
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class YearLine:
    year: int
    count: int  # items approved in the year
    committed: Decimal
    disbursed: Decimal


@dataclass
class StatusLine:
    key: str
    name: str
    count: int


@dataclass
class MapUnit:
    unit: AdminUnit
    committed: Decimal
    items: int
    # The units as recorded whose amounts were carried here; on a map of provinces only the whole provinces
    # recorded (a province's districts or communes would be hundreds of names).
    sources: list[str]


@dataclass
class MapData:
    on: dt.date
    era: str
    level: str
    split: Split
    provinces: list[AdminUnit]
    units: list[MapUnit]  # every unit in force in the provinces (or the provinces), those with amounts first
    unplaced: list[Line]  # amounts no unit of the map can show (no place; a whole province, below it)
    total: Decimal  # the sum of the units' amounts, exactly
    carried: bool  # some amounts were recorded with units of the other era

    @property
    def with_amounts(self) -> list[MapUnit]:
        return [u for u in self.units if u.committed > 0]

    @property
    def listed(self) -> list[MapUnit]:
        """The units its table lists: those with amounts, or every province on a map of provinces with any
        amount (a few dozen rows; a province holds hundreds of communes)."""
        shown = self.with_amounts
        return self.units if self.level == Level.PROVINCE and shown else shown


@dataclass
class ReportedLine:
    """Confirmed reported figures of one period (summed over the chosen offices), converted to USD."""

    label: str  # "2019", or "2016–2020" for a period of several years
    year: int | None  # the year, for a period of exactly one calendar year
    count: int | None
    committed: Decimal | None
    disbursed: Decimal | None
    sources: list[str]
    unconverted: list[str] = field(default_factory=list)  # currencies without a rate: amounts left out


@dataclass
class Dashboard:
    offices: list[Office]
    first_year: int
    last_year: int
    count: int
    committed: Decimal
    disbursed: Decimal
    years: list[YearLine]
    sectors: list[Line]
    modalities: list[Line]
    donors: list[Line]
    statuses: list[StatusLine]
    map: MapData
    rates: list[RateUsed]
    reported: list[ReportedLine] = field(default_factory=list)
    # Why some amounts are left out of the USD figures: the rates still to enter (one per currency and day).
    missing_rates: list[Problem] = field(default_factory=list)


class _ReportedUsd:
    """Converts reported figures (stated per period, not transactions) to USD with each office's rates."""

    def __init__(self, offices: list[Office]):
        self.offices = offices
        self.books: dict[int, RateBook] = {}
        self.used: dict[tuple[str, str, dt.date], RateUsed] = {}

    def book(self, office_id: int) -> RateBook:
        # The rates of all the offices, loaded once when a figure first needs them.
        if not self.books:
            rates = list(
                ExchangeRate.objects.filter(
                    Q(office__isnull=True) | Q(office__in=[o.pk for o in self.offices]),
                    archived_at__isnull=True,
                ).order_by("-valid_from", "office_id")
            )
            self.books = {o.pk: RateBook(o, rates=rates) for o in self.offices}
        return self.books[office_id]

    def __call__(self, office_id: int, currency: str, day: dt.date, amount: Decimal) -> Decimal:
        factor, rates = self.book(office_id).factor(currency, "USD", day)
        for rate in rates:
            self.used[(rate.base, rate.quote, rate.valid_from)] = replace(rate, inverted=False)
        return amount * factor


def dashboard(
    offices: list[Office],
    first: int,
    last: int,
    on: dt.date,
    split: Split = Split.EQUAL,
) -> Dashboard:
    """The dashboard of `offices` for the years `first`–`last`, its map for the units in force on `on`;
    computed once per state of the offices' records (`caunoi.core.marks`)."""
    office_ids = sorted(o.pk for o in offices)
    return marks.cached(
        "dashboard",
        office_ids,
        (office_ids, first, last, on, str(split)),
        lambda: compute_dashboard(offices, first, last, on, split),
    )


@dataclass
class _YearSums:
    """What a year's line shows: its items and its commitments and disbursements, all offices added up."""

    count: int = 0
    committed: figures.Sums = field(default_factory=figures.Sums)
    disbursed: figures.Sums = field(default_factory=figures.Sums)

    def add(self, got: kept.YearFigures) -> None:
        self.count += got.breakdown.count
        self.committed.add(got.breakdown.committed)
        self.disbursed.add(got.disbursed)


@collector.held_back()
def compute_dashboard(
    offices: list[Office],
    first: int,
    last: int,
    on: dt.date,
    split: Split = Split.EQUAL,
) -> Dashboard:
    """The dashboard from each office's figures of each year as kept (`reports.kept`), added up."""
    office_ids = [o.pk for o in offices]
    years = range(first, last + 1)
    # One office's map reads its office-years' landings on districts or communes; a map of several offices
    # needs only their landings on the provinces, kept with the rest (`kept_map`).
    # Each office-year is added once into the whole, as it is read; the years' lines need only their counts
    # and sums.
    found = kept.empty()
    by_year = {y: _YearSums() for y in years}
    statuses: dict[str, int] = defaultdict(int)
    era, _level = map_era(on, by_province=len(offices) > 1)
    for (_office_id, year), got in kept.each_figures(
        office_ids, years, with_map=len(offices) == 1, with_report=False, map_key=Landings.key(era, split)
    ):
        by_year[year].add(got)
        found.add(got, take=True)  # each row is read afresh and used once
        if year == first:  # every year's row holds the office's statuses, as of its stamp
            for status, n in got.statuses.items():
                statuses[status] += n
    lines = [
        YearLine(y, by_year[y].count, _usd(by_year[y].committed), _usd(by_year[y].disbursed)) for y in years
    ]
    reported_usd = _ReportedUsd(offices)
    result = Dashboard(
        offices=offices,
        first_year=first,
        last_year=last,
        count=sum(line.count for line in lines),
        committed=_cent(found.breakdown.committed.usd_any),
        disbursed=_cent(found.disbursed.usd_any),
        years=lines,
        sectors=_by_sector(found.breakdown),
        modalities=_by_modality(found.breakdown),
        donors=_by_donor(found.breakdown, found.organisations),
        statuses=[StatusLine(s.value, str(s.label), statuses[s.value]) for s in Status],
        map=kept_map(offices, found.landed, on, split),
        rates=[],
        reported=_reported(office_ids, first, last, reported_usd),
    )
    used = dict(reported_usd.used)
    for rate in found.rates_usd:
        used[(rate.base, rate.quote, rate.valid_from)] = rate
    result.missing_rates = found.missing_usd
    result.rates = sorted(used.values(), key=lambda r: (r.base, r.quote, r.valid_from))
    return result


def _reported(office_ids: list[int], first: int, last: int, usd: _ReportedUsd) -> list[ReportedLine]:
    """The confirmed reported figures of the offices in first–last, one line per period (one query)."""
    lines: dict[tuple[int, int], ReportedLine] = {}
    for r in confirmed_for(office_ids, first, last):
        start, end = r.period_start.year, r.period_end.year
        label = str(start) if start == end else f"{start}–{end}"
        line = lines.setdefault((start, end), ReportedLine(label, r.single_year, None, None, None, []))
        if r.source_name and r.source_name not in line.sources:
            line.sources.append(r.source_name)
        if r.items is not None:
            line.count = (line.count or 0) + r.items
        for name in ("committed", "disbursed"):
            amount = getattr(r, name)
            if amount is None:
                continue
            try:
                value = usd(r.office_id, r.currency, r.period_end, amount)
            except RuleErrors:  # no rate for the currency: said beside the line, the rest still shown
                if r.currency not in line.unconverted:
                    line.unconverted.append(r.currency)
                continue
            setattr(line, name, _cent((getattr(line, name) or ZERO) + value))
    return [lines[k] for k in sorted(lines)]


def _usd(found: figures.Sums | None) -> Decimal:
    """The USD of the amounts converted to USD (those not converted yet are left out)."""
    return _cent(found.usd_any if found is not None else ZERO)


def _cent(value: Decimal) -> Decimal:
    try:
        return value.quantize(CENT)
    except InvalidOperation:  # beyond 28 digits: amounts or rates no service accepts
        raise not_converted("USD") from None


def _by_sector(found: figures.Breakdown) -> list[Line]:
    """Each item once, in its primary sector, with its whole commitment (as the annual report writes it)."""
    counts = found.items_by_sector
    lines = [
        Line(
            sector.code, sector.name, sector.name_en, counts[sector.pk], _usd(found.by_sector.get(sector.pk))
        )
        for sector in Sector.objects.all()  # in the sectors' order
        if sector.pk in counts
    ]
    if None in counts:
        lines.append(
            Line("", "Chưa phân loại lĩnh vực", "No sector", counts[None], _usd(found.by_sector.get(None)))
        )
    return lines


def _by_modality(found: figures.Breakdown) -> list[Line]:
    counts = found.items_by_modality
    return [
        Line(
            m.value,
            *figures.modality_line(m),
            counts[m.value],
            _usd(found.by_modality.get(m.value)),
        )
        for m in Modality
        if m.value in counts
    ]


def _by_donor(found: figures.Breakdown, orgs: dict[int, figures.OrganisationName]) -> list[Line]:
    """Per funding organisation, the `TOP_DONORS` largest by commitment (by the commitment's provider), the
    items each funds; the rest summed in one line."""
    counts, money = found.items_by_donor, found.by_provider
    lines = [
        Line(
            str(pk),
            org.name,
            org.name_original or org.name,
            counts.get(pk, 0),
            _usd(money.get(pk)),
            extra={"country": org.country},
        )
        for pk, org in orgs.items()
    ]
    if None in money:
        lines.append(Line("", "Không rõ bên cấp", "Provider not recorded", 0, _usd(money[None])))
    lines.sort(key=lambda line: (-line.committed, line.name))
    if len(lines) <= TOP_DONORS:
        return lines
    top, rest = lines[:TOP_DONORS], lines[TOP_DONORS:]
    others = Line(
        "others",
        f"Các nhà tài trợ khác ({len(rest)})",
        f"Other donors ({len(rest)})",
        sum(line.count for line in rest),
        sum((line.committed for line in rest), ZERO),
        extra={"country": ""},
    )
    return [*top, others]


# --- The map ------------------------------------------------------------------------------------------------


def dashboard_map(
    offices: list[Office],
    recorded: dict[Any, Decimal],
    recorded_items: dict[Any, set[int]],
    on: dt.date,
    split: Split,
) -> MapData:
    """Commitments by place (`recorded`: by unit as recorded, with their items), on the units in force on
    `on` of the offices' provinces (and of any province an amount lands in); for more than one office, on
    those provinces themselves (thousands of communes can be neither read nor served on one page). How each
    amount is carried across the reform: `reports.map_carry`. The units' amounts are rounded to the cent so
    that they add up exactly to their total.

    Three queries: the recorded units and home provinces, their conversions, the units in force.
    """
    era, level = map_era(on, by_province=len(offices) > 1)
    homes = _homes(offices)
    units = units_by_pk([*recorded, *homes])
    successions = load_successions(
        [units[pk] for pk in recorded if pk is not None], era, [units[pk] for pk in homes], units
    )
    carried, targets = carry(recorded, recorded_items, era, level, split, units, successions)
    return _drawn(carried, targets, [units[pk] for pk in homes], successions, era, level, on, split)


def kept_map(offices: list[Office], landed: Landings, on: dt.date, split: Split) -> MapData:
    """`dashboard_map` of the offices from what their office-years' recorded places brought to the map's
    units, as kept (`map_carry.landings`): the same map without carrying the recorded places again (a
    national map: thousands of communes). Three queries: the units reached and the home provinces, their
    conversions, the units in force."""
    by_province = len(offices) > 1
    era, level = map_era(on, by_province)
    carried = landed.on(era, split, by_province)
    homes = _homes(offices)
    units = units_by_pk([*carried.targets, *homes])
    successions = load_successions([], era, [units[pk] for pk in homes], units)
    targets = {pk: units[pk] for pk in carried.targets}
    return _drawn(carried, targets, [units[pk] for pk in homes], successions, era, level, on, split)


def _homes(offices: list[Office]) -> list[int]:
    return sorted({o.home_province_id for o in offices if o.home_province_id is not None})


def _drawn(
    carried: Carried,
    targets: dict[int, AdminUnit],
    homes: list[AdminUnit],
    successions: Successions,
    era: str,
    level: str,
    on: dt.date,
    split: Split,
) -> MapData:
    """The map: the units in force of the home provinces (in `era`) and of every province reached."""
    provinces = {p.pk: p for p in in_era(homes, era, successions)}
    for unit in targets.values():
        province = unit if level == Level.PROVINCE else unit.province
        if province is not None:
            provinces.setdefault(province.pk, province)
    # The units reached are loaded already: only the others in force are read (most of one office's communes
    # are reached; reading them again built two model instances each).
    if not provinces:
        in_force = []
    elif level == Level.PROVINCE:
        in_force = list(
            units_in_force(on, level).filter(pk__in=list(provinces)).exclude(pk__in=list(targets))
        )
    else:
        in_force = list(
            units_in_force(on, level).filter(province__in=list(provinces)).exclude(pk__in=list(targets))
        )
    in_force += targets.values()

    landed = carried.targets
    rounded = _round_to_total({pk: got.amount for pk, got in landed.items()}, _cent(carried.placed))
    map_units = [
        MapUnit(u, rounded.get(u.pk, ZERO), landed[u.pk].items, sorted(landed[u.pk].sources))
        if u.pk in landed
        else MapUnit(u, ZERO, 0, [])
        for u in in_force
    ]
    map_units.sort(key=lambda m: (-m.committed, m.unit.name, m.unit.code))
    unplaced = [
        Line(str(unit_id or ""), got.name, got.name_en, got.items, _cent(got.amount))
        for unit_id, got in carried.unplaced.items()
    ]
    return MapData(
        on=on,
        era=era,
        level=level,
        split=split,
        provinces=sorted(provinces.values(), key=lambda p: p.code),
        units=map_units,
        unplaced=sorted(unplaced, key=lambda line: (-line.committed, line.name)),
        total=sum(rounded.values(), ZERO),
        carried=carried.carried,
    )


def _round_to_total(amounts: dict[int, Decimal], total: Decimal) -> dict[int, Decimal]:
    """Round each amount to the cent so that they add up to `total` (largest remainders get the cents)."""
    floors = {k: v.quantize(CENT, rounding=ROUND_FLOOR) for k, v in amounts.items()}
    missing = int((total - sum(floors.values(), ZERO)) / CENT)
    by_remainder = sorted(amounts, key=lambda k: (-(amounts[k] - floors[k]), k))
    for k in by_remainder[: max(0, min(missing, len(by_remainder)))]:
        floors[k] += CENT
    return floors
