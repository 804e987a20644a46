"""The sums every report shows, from the transactions' stored USD and VND values (`caunoi.aid.converted`).

Each breakdown is one GROUP BY: the database sums the amounts as recorded (per currency), their USD and VND
values and what no rate converted yet; Python only multiplies by a share and formats. The aid report
(`reports.aid`) and the dashboard (`reports.dashboard`) both read their figures here.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, ItemPlace, Modality, Participation, Role, Transaction
from caunoi.core.errors import Problem, RuleErrors
from caunoi.money.convert import RateBook, RateUsed
from caunoi.money.models import ExchangeRate

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# The aid report counts an amount converted when both its values are: its USD and VND totals then hold
# the same amounts. The dashboard, in USD only, needs only the USD value.
BOTH = Q(usd_value__isnull=False, vnd_value__isnull=False)
MODALITY_EN = {
    Modality.PROGRAMME: "Programmes",
    Modality.PROJECT: "Projects",
    Modality.NON_PROJECT: "Non-project aid",
}
USD_RATES = ("usd_rate", "usd_cross_rate")
ALL_RATES = (*USD_RATES, "vnd_rate", "vnd_cross_rate")


@dataclass
class Sums:
    """What a group of transactions adds up to, unrounded (a share multiplies each group first)."""

    by_currency: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    usd: Decimal = ZERO  # of the amounts converted to both USD and VND
    vnd: Decimal = ZERO
    unconverted: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    usd_any: Decimal = ZERO  # of every amount converted to USD


def sums(
    transactions: QuerySet[Transaction], key: str | None = None, share: str | None = None
) -> dict[Any, Sums]:
    """The sums of `transactions` per value of `key` (one entry, None, without), each group multiplied by
    the percentage in the field `share` when given (an item's sector or place shares)."""
    keys = [k for k in (key, share) if k is not None]
    rows = (
        transactions.values(*keys, "currency")
        .annotate(
            total=Sum("amount"),
            usd=Sum("usd_value", filter=BOTH),
            vnd=Sum("vnd_value", filter=BOTH),
            unconverted=Sum("amount", filter=~BOTH),
            usd_any=Sum("usd_value"),
        )
        .order_by()
    )
    found: dict[Any, Sums] = defaultdict(Sums)
    for r in rows:
        weight = Decimal(1) if share is None else r[share] / HUNDRED
        got = found[r[key] if key is not None else None]
        currency = r["currency"]
        got.by_currency[currency] += r["total"] * weight
        if r["usd"] is not None:
            got.usd += r["usd"] * weight
            got.vnd += r["vnd"] * weight
        if r["unconverted"] is not None:
            got.unconverted[currency] += r["unconverted"] * weight
        if r["usd_any"] is not None:
            got.usd_any += r["usd_any"] * weight
    return found


def count_items(items: QuerySet[AidItem], key: str) -> dict[Any, int]:
    return dict(items.values_list(key).annotate(n=Count("pk")).order_by())


def count_funded(items: QuerySet[AidItem]) -> dict[Any, int]:
    """Per funding organisation, the items it funds."""
    return dict(
        Participation.objects.filter(item__in=items.values("pk"), role=Role.FUNDING)
        .values_list("organisation")
        .annotate(n=Count("item", distinct=True))
        .order_by()
    )


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


def rates_converted(
    transactions: QuerySet[Transaction], fields: Iterable[str] = ALL_RATES
) -> dict[int, dict[str, Decimal]]:
    """Per rate row in `fields` (each counted as often as a transaction names it), the amounts per
    currency it converted, of the transactions converted to both currencies (USD alone with `USD_RATES`)."""
    fields = list(fields)
    done = BOTH if fields != list(USD_RATES) else Q(usd_value__isnull=False)
    rows = (
        transactions.filter(done)
        .values("currency", *(f"{f}_id" for f in fields))
        .annotate(total=Sum("amount"))
        .order_by()
    )
    found: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for r in rows:
        for name in fields:
            if r[f"{name}_id"] is not None:
                found[r[f"{name}_id"]][r["currency"]] += r["total"]
    return found


def rates_used(ids: Iterable[int]) -> dict[int, RateUsed]:
    """The rates as a report names them (as quoted, never inverted)."""
    return {
        r.pk: RateUsed(r.base, r.quote, r.rate, r.valid_from, r.source, r.reference, pk=r.pk)
        for r in ExchangeRate.objects.filter(pk__in=list(ids))
    }


def missing_rates(transactions: QuerySet[Transaction], book: RateBook) -> list[Problem]:
    """Why some money is not converted: the rates still to enter, one problem per currency and day (the
    one `book` names first, to USD before VND), in order of their text."""
    found: dict[str, Problem] = {}
    days: Iterable[tuple[str, dt.date]] = (
        transactions.exclude(BOTH).values_list("currency", "value_date").distinct().order_by()
    )
    for currency, day in days:
        try:
            book.factor(currency, "USD", day)
            book.factor(currency, "VND", day)
        except RuleErrors as error:
            for problem in error.problems:
                found.setdefault(problem.vi, problem)
    return [found[text] for text in sorted(found)]
