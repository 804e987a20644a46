"""The aid mobilisation summary of an office for a year, computed from records: every total is a sum of
transactions, aggregated in the database and converted with rates that the summary names.

Which items a year counts: those whose approval decision is dated in the year and which had not been
revoked or cancelled by the year's end — "chương trình, dự án được phê duyệt, tiếp nhận mới" of the report.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Count, QuerySet, Sum

from caunoi.aid.models import (
    ItemPlace,
    Modality,
    Participation,
    Role,
    Sector,
    Transaction,
)
from caunoi.aid.models import TransactionKind as K
from caunoi.aid.years import items_of_year
from caunoi.core import marks
from caunoi.core.bulk import rows_by_pk
from caunoi.core.errors import Problem, RuleErrors
from caunoi.core.models import Office
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit, Era
from caunoi.geography.successions import load_successions, successors
from caunoi.money.convert import RateBook, RateUsed, not_converted

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass
class Money:
    """Amounts per currency, and their sum in USD and VND."""

    by_currency: dict[str, Decimal] = field(default_factory=dict)
    usd: Decimal = ZERO
    vnd: Decimal = ZERO
    # Amounts (in by_currency) that no rate converted yet: left out of usd and vnd, and said so.
    unconverted: dict[str, Decimal] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        found = {
            "by_currency": {k: _num(v) for k, v in sorted(self.by_currency.items())},
            "usd": _num(self.usd),
            "vnd": _num(self.vnd),
        }
        if self.unconverted:  # only then: a report whose money all converted reads as it always did
            found["unconverted"] = {k: _num(v) for k, v in sorted(self.unconverted.items())}
        return found


@dataclass
class Line:
    key: str
    name: str
    name_en: str
    count: int
    committed: Money
    modalities: set[str] = field(default_factory=set)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "name_en": self.name_en,
            "count": self.count,
            "committed": self.committed.as_dict(),
            **self.extra,
        }


@dataclass
class AidSummary:
    offices: list[Office]
    year: int
    count: int
    committed: Money
    disbursed: Money
    by_sector: list[Line]
    by_modality: list[Line]
    by_donor: list[Line]
    by_place: list[Line]
    rates: list[RateUsed]
    # What each rate converted: (base, quote, valid_from) → {"committed"/"disbursed": {currency: amount}}.
    converted_by_rate: dict[tuple[str, str, dt.date], dict[str, dict[str, Decimal]]] = field(
        default_factory=dict
    )
    # Why some money is unconverted: the rates still missing (one problem per currency and day).
    missing_rates: list[Problem] = field(default_factory=list)

    def rate_lines(self) -> list[tuple[RateUsed, dict[str, dict[str, Decimal]]]]:
        return [(r, self.converted_by_rate.get((r.base, r.quote, r.valid_from), {})) for r in self.rates]

    def as_dict(self) -> dict[str, Any]:
        found = self._as_dict()
        for entry, (_rate, converted) in zip(found["rates_used"], self.rate_lines(), strict=True):
            entry["converted"] = {
                what: {k: _num(v) for k, v in sorted(amounts.items())}
                for what, amounts in sorted(converted.items())
            }
        if self.missing_rates:
            found["missing_rates"] = [{"vi": p.vi, "en": p.en} for p in self.missing_rates]
        return found

    def _as_dict(self) -> dict[str, Any]:
        return {
            "offices": [o.code for o in self.offices],
            "office_names": [o.name for o in self.offices],
            "year": self.year,
            "count": self.count,
            "committed": self.committed.as_dict(),
            "disbursed_in_year": self.disbursed.as_dict(),
            "by_sector": [line.as_dict() for line in self.by_sector],
            "by_modality": [line.as_dict() for line in self.by_modality],
            "by_donor": [line.as_dict() for line in self.by_donor],
            "by_place": [line.as_dict() for line in self.by_place],
            "rates_used": [
                {
                    "base": r.base,
                    "quote": r.quote,
                    "rate": _num(r.rate),
                    "valid_from": r.valid_from.isoformat(),
                    "source": r.source,
                    "reference": r.reference,
                }
                for r in self.rates
            ],
        }


def _num(value: Decimal) -> int | float:
    """JSON numbers. Amounts carry at most 2 decimals (rates 10): far below the 15 significant digits a
    float's shortest repr keeps, so the printed number is exactly the Decimal."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


class _Converter:
    def __init__(self, office: Office):
        self.book = RateBook(office)
        self.used: dict[tuple[str, str, dt.date, bool], RateUsed] = {}
        self.converted: dict[tuple[str, str, dt.date], dict[str, dict[str, Decimal]]] = {}
        self.missing: dict[str, Problem] = {}

    def money(self, groups: Iterable[tuple[str, dt.date, Decimal]], tally: str = "") -> Money:
        """Sum (currency, value date, amount) groups per currency and into USD and VND; an amount no rate
        converts yet is counted apart (`unconverted`). `tally` names the total whose amounts each rate's
        line in the summary reports ("committed", "disbursed"); the breakdowns repeat them and leave it out."""
        result = Money()
        per_currency: dict[str, Decimal] = defaultdict(Decimal)
        unconverted: dict[str, Decimal] = defaultdict(Decimal)
        for currency, day, amount in groups:
            per_currency[currency] += amount
            try:
                to_usd, usd_rates = self.book.factor(currency, "USD", day)
                to_vnd, vnd_rates = self.book.factor(currency, "VND", day)
            except RuleErrors as error:
                unconverted[currency] += amount
                for problem in error.problems:
                    self.missing.setdefault(problem.vi, problem)
                continue
            for rate in (*usd_rates, *vnd_rates):
                key = (rate.base, rate.quote, rate.valid_from)
                self.used[(*key, False)] = replace(rate, inverted=False)
                if tally:
                    amounts = self.converted.setdefault(key, {}).setdefault(tally, {})
                    amounts[currency] = amounts.get(currency, ZERO) + amount
            result.usd += amount * to_usd
            result.vnd += amount * to_vnd
        try:
            result.by_currency = {k: v.quantize(CENT) for k, v in per_currency.items()}
            result.unconverted = {k: v.quantize(CENT) for k, v in unconverted.items()}
            result.usd = result.usd.quantize(CENT)
            result.vnd = result.vnd.quantize(Decimal(1))
        except InvalidOperation:  # totals beyond 28 digits: amounts or rates no service accepts
            raise not_converted("USD, VND") from None
        return result


def aid_summary(office: Office, year: int, include_predecessors: bool = False) -> AidSummary:
    """The summary, computed once per state of the offices' records (`caunoi.core.marks`)."""
    offices = office.lineage() if include_predecessors else [office]
    return marks.cached(
        "aid_summary",
        [o.pk for o in offices],
        (office.pk, year, include_predecessors),
        lambda: compute_aid_summary(office, offices, year),
    )


def compute_aid_summary(office: Office, offices: list[Office], year: int) -> AidSummary:
    """The summary of `offices` (the office and perhaps its predecessors) converted with `office`'s rates."""
    conv = _Converter(office)
    items = items_of_year(offices, year)
    item_ids = items.values("pk")
    commitments = Transaction.objects.counted().filter(item__in=item_ids, kind=K.COMMITMENT)

    def grouped(qs: QuerySet[Any], *keys: str) -> list[dict[str, Any]]:
        return list(qs.values(*keys, "currency", "value_date").annotate(total=Sum("amount")).order_by())

    committed = conv.money(
        ((r["currency"], r["value_date"], r["total"]) for r in grouped(commitments)), "committed"
    )
    disbursements = Transaction.objects.counted().filter(
        office__in=offices,
        kind=K.DISBURSEMENT,
        value_date__year=year,
        item__archived_at__isnull=True,
    )
    disbursed = conv.money(
        ((r["currency"], r["value_date"], r["total"]) for r in grouped(disbursements)), "disbursed"
    )

    by_sector = _by_sector(items, commitments, conv, grouped)
    by_modality = _by_modality(items, commitments, conv, grouped)
    by_donor = _by_donor(items, commitments, conv, grouped)
    by_place = _by_place(items, commitments, conv, grouped)
    return AidSummary(
        offices=offices,
        year=year,
        count=items.count(),
        committed=committed,
        disbursed=disbursed,
        by_sector=by_sector,
        by_modality=by_modality,
        by_donor=by_donor,
        by_place=by_place,
        rates=sorted(conv.used.values(), key=lambda r: (r.base, r.quote, r.valid_from)),
        converted_by_rate={
            key: {what: {k: v.quantize(CENT) for k, v in amounts.items()} for what, amounts in found.items()}
            for key, found in conv.converted.items()
        },
        missing_rates=[conv.missing[text] for text in sorted(conv.missing)],
    )


def _split(rows: list[dict[str, Any]], key: str) -> dict[Any, list[tuple[str, dt.date, Decimal]]]:
    out: dict[Any, list[tuple[str, dt.date, Decimal]]] = defaultdict(list)
    for r in rows:
        out[r[key]].append((r["currency"], r["value_date"], r["total"]))
    return out


def _by_sector(items, commitments, conv, grouped) -> list[Line]:
    """Each item counted once, in its primary sector, with its whole commitment (as the report writes it);
    `committed_by_share` splits every item's commitment by its sector percentages instead."""
    counts = dict(items.values_list("primary_sector").annotate(n=Count("pk")).order_by())
    modalities: dict[Any, set[str]] = defaultdict(set)
    for sector_id, modality in items.values_list("primary_sector", "modality").distinct().order_by():
        modalities[sector_id].add(modality)
    money = _split(grouped(commitments, "item__primary_sector"), "item__primary_sector")
    shares = grouped(
        commitments.filter(item__sector_shares__isnull=False),
        "item__sector_shares__sector",
        "item__sector_shares__share",
    )
    by_share: dict[Any, list[tuple[str, dt.date, Decimal]]] = defaultdict(list)
    for r in shares:
        by_share[r["item__sector_shares__sector"]].append(
            (r["currency"], r["value_date"], r["total"] * r["item__sector_shares__share"] / HUNDRED)
        )
    lines = []
    for sector in Sector.objects.all():
        if sector.pk not in counts and sector.pk not in by_share:
            continue
        line = Line(
            sector.code,
            sector.name,
            sector.name_en,
            counts.get(sector.pk, 0),
            conv.money(money.get(sector.pk, [])),
            modalities[sector.pk],
        )
        line.extra["committed_by_share"] = conv.money(by_share.get(sector.pk, [])).as_dict()
        lines.append(line)
    if None in counts:
        line = Line(
            "",
            "Chưa phân loại lĩnh vực",
            "No sector",
            counts[None],
            conv.money(money.get(None, [])),
            modalities[None],
        )
        lines.append(line)
    return lines


def _by_modality(items, commitments, conv, grouped) -> list[Line]:
    counts = dict(items.values_list("modality").annotate(n=Count("pk")).order_by())
    money = _split(grouped(commitments, "item__modality"), "item__modality")
    english = {
        Modality.PROGRAMME: "Programmes",
        Modality.PROJECT: "Projects",
        Modality.NON_PROJECT: "Non-project aid",
    }
    return [
        Line(
            m.value, str(m.label), english[m], counts[m.value], conv.money(money.get(m.value, [])), {m.value}
        )
        for m in Modality
        if m.value in counts
    ]


def _by_donor(items, commitments, conv, grouped) -> list[Line]:
    """Per funding organisation: the items it funds, and the commitments it made (by transaction provider)."""
    counts = dict(
        Participation.objects.filter(item__in=items.values("pk"), role=Role.FUNDING)
        .values_list("organisation")
        .annotate(n=Count("item", distinct=True))
        .order_by()
    )
    money = _split(grouped(commitments, "provider"), "provider")
    ids = set(counts) | {k for k in money if k is not None}
    orgs = rows_by_pk(Organisation.objects.all(), ids)
    lines = [
        Line(
            str(pk),
            orgs[pk].name,
            orgs[pk].name_original or orgs[pk].name,
            counts.get(pk, 0),
            conv.money(money.get(pk, [])),
            extra={"country": orgs[pk].country, "illustrative": orgs[pk].is_illustrative},
        )
        for pk in ids
    ]
    if None in money:
        lines.append(Line("", "Không rõ bên cấp", "Provider not recorded", 0, conv.money(money[None])))
    return sorted(lines, key=lambda line: (-line.committed.usd, line.name))


def _by_place(items, commitments, conv, grouped) -> list[Line]:
    """Per place as recorded: the items working there, and commitments split by the places' shares."""
    counts = dict(
        ItemPlace.objects.filter(item__in=items.values("pk"))
        .values_list("unit")
        .annotate(n=Count("item", distinct=True))
        .order_by()
    )
    rows = grouped(
        commitments.filter(item__place_shares__isnull=False),
        "item__place_shares__unit",
        "item__place_shares__share",
    )
    money: dict[Any, list[tuple[str, dt.date, Decimal]]] = defaultdict(list)
    for r in rows:
        money[r["item__place_shares__unit"]].append(
            (r["currency"], r["value_date"], r["total"] * r["item__place_shares__share"] / HUNDRED)
        )
    units = rows_by_pk(AdminUnit.objects.select_related("province"), counts)
    found = load_successions(list(units.values()), Era.REFORM_2025)
    lines = []
    for pk, n in counts.items():
        unit = units[pk]
        current = unit if unit.era == Era.REFORM_2025 else next(iter(successors(unit, found)), unit)
        lines.append(
            Line(
                str(pk),
                str(unit),
                str(unit),
                n,
                conv.money(money.get(pk, [])),
                extra={
                    "era": unit.era,
                    "level": unit.level,
                    "code": unit.code,
                    "current": str(current),
                    "current_province": current.name if current.province is None else current.province.name,
                },
            )
        )
    return sorted(lines, key=lambda line: (-line.committed.usd, line.name))
