"""The sums every report shows, from the transactions' stored USD and VND values (`caunoi.aid.converted`).

Each breakdown is one GROUP BY: the database sums the amounts as recorded (per currency), their USD and VND
values and what no rate converted yet; Python only multiplies by a share and formats. The aid report
(`reports.aid`) and the dashboard (`reports.dashboard`) both read their figures here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import translation
from django.utils.translation import pgettext_lazy

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, ItemPlace, Modality, Participation, Role, Transaction
from caunoi.core.errors import Problem, RuleErrors
from caunoi.directory.models import Organisation
from caunoi.money.convert import RateBook, RateUsed
from caunoi.money.models import ExchangeRate

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# The aid report counts an amount converted when both its values are: its USD and VND totals then hold
# the same amounts. The dashboard, in USD only, needs only the USD value.
BOTH = Q(usd_value__isnull=False, vnd_value__isnull=False)
# A modality's line in a report names a group of items ("Programmes"), not one item's label ("Programme"):
# its English is in the catalog under the context "report line".
MODALITY_LINES = {
    Modality.PROGRAMME: pgettext_lazy("report line", "Chương trình"),
    Modality.PROJECT: pgettext_lazy("report line", "Dự án"),
    Modality.NON_PROJECT: pgettext_lazy("report line", "Phi dự án"),
}


USD_RATES = ("usd_rate", "usd_cross_rate")
ALL_RATES = (*USD_RATES, "vnd_rate", "vnd_cross_rate")


def modality_line(modality: Modality) -> tuple[str, str]:
    """A modality's line as (its Vietnamese name — the label, as reports write it —, its English group name),
    whatever the active language: a report line keeps both (its JSON gives both, its page the reader's)."""
    with translation.override("vi"):
        vi = str(modality.label)
    with translation.override("en"):
        return vi, str(MODALITY_LINES[modality])


@dataclass(slots=True)
class Sums:
    """What a group of transactions adds up to, unrounded (a share multiplies each group first)."""

    by_currency: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    usd: Decimal = ZERO  # of the amounts converted to both USD and VND
    vnd: Decimal = ZERO
    unconverted: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    usd_any: Decimal = ZERO  # of every amount converted to USD
    not_usd: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))  # the others

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled compactly (kept figures hold thousands): plain dicts, no dataclass state or factories.
        return (
            _sums,
            (
                dict(self.by_currency),
                self.usd,
                self.vnd,
                dict(self.unconverted),
                self.usd_any,
                dict(self.not_usd),
            ),
        )

    def add(self, other: Sums) -> None:
        self.usd += other.usd
        self.vnd += other.vnd
        self.usd_any += other.usd_any
        for mine, theirs in (
            (self.by_currency, other.by_currency),
            (self.unconverted, other.unconverted),
            (self.not_usd, other.not_usd),
        ):
            for currency, amount in theirs.items():
                mine[currency] += amount


def _sums(
    by_currency: dict[str, Decimal],
    usd: Decimal,
    vnd: Decimal,
    unconverted: dict[str, Decimal],
    usd_any: Decimal,
    not_usd: dict[str, Decimal],
) -> Sums:
    return Sums(
        defaultdict(Decimal, by_currency),
        usd,
        vnd,
        defaultdict(Decimal, unconverted),
        usd_any,
        defaultdict(Decimal, not_usd),
    )


def rolled_up(found: dict[Any, Sums], position: int) -> dict[Any, Sums]:
    """Sums grouped by a tuple of fields, added up per the field at `position` alone."""
    rolled: dict[Any, Sums] = defaultdict(Sums)
    for key, got in found.items():
        rolled[key[position]].add(got)
    return rolled


def sums(
    transactions: QuerySet[Transaction], key: str | tuple[str, ...] | None = None, share: str | None = None
) -> dict[Any, Sums]:
    """The sums of `transactions` per value of `key` (per tuple of values of a tuple of fields; one entry,
    None, without), each group multiplied by the percentage in the field `share` when given (an item's
    sector or place shares)."""
    fields = [key] if isinstance(key, str) else list(key or ())
    keys = [*fields, share] if share is not None else fields
    rows = (
        transactions.values(*keys, "currency")
        .annotate(
            total=Sum("amount"),
            usd=Sum("usd_value", filter=BOTH),
            vnd=Sum("vnd_value", filter=BOTH),
            unconverted=Sum("amount", filter=~BOTH),
            usd_any=Sum("usd_value"),
            not_usd=Sum("amount", filter=Q(usd_value__isnull=True)),
        )
        .order_by()
    )
    found: dict[Any, Sums] = defaultdict(Sums)
    for r in rows:
        weight = Decimal(1) if share is None else r[share] / HUNDRED
        got = found[r[key] if isinstance(key, str) else tuple(r[f] for f in fields) if fields else None]
        currency = r["currency"]
        got.by_currency[currency] += r["total"] * weight
        if r["usd"] is not None:
            got.usd += r["usd"] * weight
            got.vnd += r["vnd"] * weight
        if r["unconverted"] is not None:
            got.unconverted[currency] += r["unconverted"] * weight
        if r["usd_any"] is not None:
            got.usd_any += r["usd_any"] * weight
        if r["not_usd"] is not None:
            got.not_usd[currency] += r["not_usd"] * weight
    return found


# What `breakdown` groups the commitments by: the item's primary sector, its modality, the provider.
SECTOR, MODALITY, PROVIDER = 0, 1, 2


@dataclass
class Breakdown:
    """A selection of items and their commitments, by primary sector (each item once, with its whole
    commitment, as the annual report writes it), modality and funding organisation: what both the aid report
    and the dashboard show, from three GROUP BY queries."""

    count: int
    items_by_sector: dict[Any, int]
    items_by_modality: dict[str, int]
    modalities_by_sector: dict[Any, set[str]]
    items_by_donor: dict[Any, int]
    committed: Sums
    by_sector: dict[Any, Sums]
    by_modality: dict[str, Sums]
    by_provider: dict[Any, Sums]


def breakdown(items: QuerySet[AidItem], commitments: QuerySet[Transaction]) -> Breakdown:
    items_by_sector: dict[Any, int] = defaultdict(int)
    items_by_modality: dict[str, int] = defaultdict(int)
    modalities: dict[Any, set[str]] = defaultdict(set)
    for sector, modality, n in (
        items.values_list("primary_sector", "modality").annotate(n=Count("pk")).order_by()
    ):
        items_by_sector[sector] += n
        items_by_modality[modality] += n
        modalities[sector].add(modality)
    grouped = sums(commitments, ("item__primary_sector", "item__modality", "provider"))
    committed = Sums()
    for got in grouped.values():
        committed.add(got)
    return Breakdown(
        count=sum(items_by_modality.values()),
        items_by_sector=dict(items_by_sector),
        items_by_modality=dict(items_by_modality),
        modalities_by_sector=modalities,
        items_by_donor=count_funded(items),
        committed=committed,
        by_sector=rolled_up(grouped, SECTOR),
        by_modality=rolled_up(grouped, MODALITY),
        by_provider=rolled_up(grouped, PROVIDER),
    )


@dataclass(frozen=True)
class OrganisationName:
    name: str
    name_original: str
    country: str
    is_illustrative: bool


def organisation_names(ids: Iterable[int]) -> dict[int, OrganisationName]:
    """What a breakdown prints of each organisation, read in one query."""
    fields = ("pk", "name", "name_original", "country", "is_illustrative")
    return {
        pk: OrganisationName(*rest)
        for pk, *rest in Organisation.objects.filter(pk__in=list(ids)).values_list(*fields)
    }


PLACE_COLUMNS = (
    "pk",
    "era",
    "level",
    "code",
    "name",
    "province__name",
    "current__level",
    "current__name",
    "current__province__name",
)


def place_rows(ids: Iterable[int]) -> dict[int, tuple[Any, ...]]:
    """What a breakdown prints of each place as recorded (`PLACE_COLUMNS` after the pk), read as values in
    one query: a national report names thousands of places, and model instances cost most of it."""
    from caunoi.geography.models import AdminUnit

    return {
        pk: tuple(rest)
        for pk, *rest in AdminUnit.objects.filter(pk__in=list(ids)).values_list(*PLACE_COLUMNS)
    }


def count_items(items: QuerySet[AidItem], key: str) -> dict[Any, int]:
    return dict(items.values_list(key).annotate(n=Count("pk")).order_by())


def count_funded(items: QuerySet[AidItem], *fields: str) -> dict[Any, int]:
    """Per funding organisation (per tuple of it and its `fields` when given), the items it funds."""
    found = (
        Participation.objects.filter(item__in=items.values("pk"), role=Role.FUNDING)
        .values_list("organisation", *fields)
        .annotate(n=Count("item", distinct=True))
        .order_by()
    )
    return {(r[:-1] if fields else r[0]): r[-1] for r in found}


def count_placed(items: QuerySet[AidItem]) -> dict[Any, int]:
    """Per place as recorded, the items working there."""
    return dict(
        ItemPlace.objects.filter(item__in=items.values("pk"))
        .values_list("unit")
        .annotate(n=Count("item", distinct=True))
        .order_by()
    )


def count_statuses(office_ids: list[int]) -> dict[str, int]:
    counts = dict(
        AidItem.objects.filter(office__in=office_ids, archived_at__isnull=True)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {s.value: counts.get(s.value, 0) for s in Status}


def recorded_places(
    commitments: QuerySet[Transaction],
) -> tuple[dict[Any, Decimal], dict[Any, set[int]]]:
    """The commitments' USD values split by their items' place shares, per place as recorded (None: an item
    without a place), and the items of each place: what the dashboard's map carries to the units in force."""
    amounts: dict[Any, Decimal] = defaultdict(Decimal)
    items: dict[Any, set[int]] = defaultdict(set)
    for r in (
        commitments.values("item", "item__place_shares__unit", "item__place_shares__share")
        .annotate(usd=Sum("usd_value"))
        .order_by()
    ):
        unit_id, share = r["item__place_shares__unit"], r["item__place_shares__share"]
        amounts[unit_id] += (r["usd"] or ZERO) * (HUNDRED if share is None else share) / HUNDRED
        items[unit_id].add(r["item"])
    return dict(amounts), dict(items)


RATE_COLUMNS = ("id", "base", "quote", "rate", "valid_from", "source", "reference")


def rates_converted(
    transactions: QuerySet[Transaction], fields: Iterable[str] = ALL_RATES
) -> dict[RateUsed, dict[str, Decimal]]:
    """Per rate in `fields` (as quoted, never inverted; each counted as often as a transaction names it),
    the amounts per currency it converted, of the transactions converted to both currencies (to USD alone
    with `USD_RATES`). Grouped by the rate rows' ids, which the transactions store; the few rates named are
    then read by id (joining four rate tables into the grouping cost more than the sums)."""
    fields = list(fields)
    done = BOTH if fields != list(USD_RATES) else Q(usd_value__isnull=False)
    rows = list(
        transactions.filter(done).values("currency", *fields).annotate(total=Sum("amount")).order_by()
    )
    ids = {r[name] for r in rows for name in fields if r[name] is not None}
    rates = {
        pk: RateUsed(base, quote, rate, valid_from, source, reference, pk=pk)
        for pk, base, quote, rate, valid_from, source, reference in ExchangeRate.objects.filter(
            pk__in=ids
        ).values_list(*RATE_COLUMNS)
    }
    found: dict[RateUsed, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for r in rows:
        for name in fields:
            if r[name] is not None:
                found[rates[r[name]]][r["currency"]] += r["total"]
    return found


def missing_rates(
    transactions: QuerySet[Transaction], book_of: Callable[[int], RateBook], usd_only: bool = False
) -> list[Problem]:
    """Why some money is not converted: the rates still to enter, one problem per currency and day (the
    one the book of the office `book_of` gives names first, to USD before VND), in order of their text."""
    found: dict[str, Problem] = {}
    done = Q(usd_value__isnull=False) if usd_only else BOTH
    days: Iterable[tuple[int, str, dt.date]] = (
        transactions.exclude(done).values_list("office", "currency", "value_date").distinct().order_by()
    )
    for office_id, currency, day in days:
        book = book_of(office_id)
        try:
            book.factor(currency, "USD", day)
            if not usd_only:
                book.factor(currency, "VND", day)
        except RuleErrors as error:
            for problem in error.problems:
                found.setdefault(problem.vi, problem)
    return [found[text] for text in sorted(found)]
