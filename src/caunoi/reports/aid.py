"""The aid mobilisation summary of an office for a year, computed from records: every total is a sum of
transactions' amounts and of their stored USD and VND values (`reports.figures`), with the rates that
converted them named.

Which items a year counts: those whose approval decision is dated in the year and which had not been
revoked or cancelled by the year's end — "chương trình, dự án được phê duyệt, tiếp nhận mới" of the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from caunoi.aid.models import Modality, Sector
from caunoi.core import collector, marks, shown
from caunoi.core.errors import Problem
from caunoi.core.models import Office
from caunoi.geography.models import Era, Level
from caunoi.money.convert import RateUsed, not_converted
from caunoi.reports import figures, kept
from caunoi.reports.figures import Sums, modality_line

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(slots=True)
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


@dataclass(slots=True)
class Line:
    key: str
    name: str
    name_en: str
    count: int
    committed: Money
    modalities: set[str] = field(default_factory=set)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def shown_name(self) -> str:
        """The name in the reader's language."""
        return self.name_en if shown.language() == "en" and self.name_en else self.name

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


def _money(found: Sums | None) -> Money:
    """Money of grouped sums: amounts to the cent, USD to the cent, VND to the đồng."""
    found = found or Sums()
    try:
        return Money(
            by_currency={k: v.quantize(CENT) for k, v in found.by_currency.items()},
            usd=found.usd.quantize(CENT),
            vnd=found.vnd.quantize(Decimal(1)),
            unconverted={k: v.quantize(CENT) for k, v in found.unconverted.items()},
        )
    except InvalidOperation:  # totals beyond 28 digits: amounts or rates no service accepts
        raise not_converted("USD, VND") from None


def aid_summary(office: Office, year: int, include_predecessors: bool = False) -> AidSummary:
    """The summary, computed once per state of the offices' records (`caunoi.core.marks`)."""
    offices = office.lineage() if include_predecessors else [office]
    return marks.cached(
        "aid_summary",
        [o.pk for o in offices],
        (office.pk, year, include_predecessors),
        lambda: compute_aid_summary(office, offices, year),
    )


@collector.held_back()
def compute_aid_summary(office: Office, offices: list[Office], year: int) -> AidSummary:
    """The summary of `offices` (`office` and perhaps its predecessors): the sum of each office's figures of
    the year as kept (`reports.kept`), each transaction converted with its own office's rates when it was
    recorded or a rate changed (`caunoi.aid.converted`)."""
    found = kept.summed([o.pk for o in offices], [year], with_map=False)
    converted_by_rate: dict[tuple[str, str, dt.date], dict[str, dict[str, Decimal]]] = {}
    used: dict[tuple[str, str, dt.date], RateUsed] = {}
    for what, rates in sorted(found.converted.items()):
        for rate, amounts in rates.items():
            key = (rate.base, rate.quote, rate.valid_from)
            used[key] = rate
            got = converted_by_rate.setdefault(key, {}).setdefault(what, {})
            for currency, amount in amounts.items():
                got[currency] = (got.get(currency, ZERO) + amount).quantize(CENT)
    breakdown = found.breakdown
    return AidSummary(
        offices=offices,
        year=year,
        count=breakdown.count,
        committed=_money(breakdown.committed),
        disbursed=_money(found.disbursed),
        by_sector=_by_sector(breakdown, found.by_share),
        by_modality=_by_modality(breakdown),
        by_donor=_by_donor(breakdown, found.organisations),
        by_place=_by_place(found.placed, found.by_place, found.places),
        rates=[used[key] for key in sorted(used)],
        converted_by_rate=converted_by_rate,
        missing_rates=found.missing,
    )


def _by_sector(found: figures.Breakdown, by_share: dict[Any, Sums]) -> list[Line]:
    """Each item counted once, in its primary sector, with its whole commitment (as the report writes it);
    `committed_by_share` splits every item's commitment by its sector percentages instead."""
    counts = found.items_by_sector
    lines = []
    for sector in Sector.objects.all():
        if sector.pk not in counts and sector.pk not in by_share:
            continue
        line = Line(
            sector.code,
            sector.name,
            sector.name_en,
            counts.get(sector.pk, 0),
            _money(found.by_sector.get(sector.pk)),
            found.modalities_by_sector.get(sector.pk, set()),
        )
        line.extra["committed_by_share"] = _money(by_share.get(sector.pk)).as_dict()
        lines.append(line)
    if None in counts:
        lines.append(
            Line(
                "",
                "Chưa phân loại lĩnh vực",
                "No sector",
                counts[None],
                _money(found.by_sector.get(None)),
                found.modalities_by_sector[None],
            )
        )
    return lines


def _by_modality(found: figures.Breakdown) -> list[Line]:
    counts = found.items_by_modality
    return [
        Line(m.value, *modality_line(m), counts[m.value], _money(found.by_modality.get(m.value)), {m.value})
        for m in Modality
        if m.value in counts
    ]


def _by_donor(found: figures.Breakdown, orgs: dict[int, figures.OrganisationName]) -> list[Line]:
    """Per funding organisation: the items it funds, and the commitments it made (by transaction provider).
    Each donor's sums are taken out of `found` as its line is made: the national report's peak memory is its
    sums or its lines, not both."""
    counts, money = found.items_by_donor, found.by_provider
    ids = set(counts) | {k for k in money if k is not None}
    lines = [
        Line(
            str(pk),
            orgs[pk].name,
            orgs[pk].name_original or orgs[pk].name,
            counts.get(pk, 0),
            _money(money.pop(pk, None)),
            extra={"country": orgs[pk].country, "illustrative": orgs[pk].is_illustrative},
        )
        for pk in ids
    ]
    if None in money:
        lines.append(Line("", "Không rõ bên cấp", "Provider not recorded", 0, _money(money[None])))
    return sorted(lines, key=lambda line: (-line.committed.usd, line.name))


def _by_place(
    counts: dict[Any, int], money: dict[Any, Sums], units: dict[int, tuple[Any, ...]]
) -> list[Line]:
    """Per place as recorded: the items working there, and commitments split by the places' shares (taken
    out of `money` and `units` as each line is made, as `_by_donor` does)."""
    lines = []
    for pk, n in counts.items():
        era, level, code, name, province, current_level, current_name, current_province = units.pop(pk)
        shown = _unit_name(level, name, province)
        if era == Era.LEGACY and current_name is not None:  # the principal successor stored by the loader
            current = _unit_name(current_level, current_name, current_province)
            of_current = current_province or current_name
        else:
            current, of_current = shown, province or name
        lines.append(
            Line(
                str(pk),
                shown,
                shown,
                n,
                _money(money.pop(pk, None)),
                extra={
                    "era": era,
                    "level": level,
                    "code": code,
                    "current": current,
                    "current_province": of_current,
                },
            )
        )
    return sorted(lines, key=lambda line: (-line.committed.usd, line.name))


def _unit_name(level: str, name: str, province: str | None) -> str:
    """`str(AdminUnit)` from its values."""
    return name if level == Level.PROVINCE or province is None else f"{name}, {province}"
