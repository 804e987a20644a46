"""Currency conversion that names the rate it used, and fails loudly when no rate is in force."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db.models import Q
from django.utils.translation import gettext_lazy, gettext_noop

from caunoi.core import shown
from caunoi.core.errors import RuleError, phrase
from caunoi.core.models import Office
from caunoi.money.messages import NO_RATE, NOT_CONVERTED
from caunoi.money.models import ExchangeRate

CENT = Decimal("0.01")
# Vietnamese accounting rates are quoted against the đồng, donors' against the dollar: cross rates go through
# the đồng first, then the dollar.
PIVOTS = ("VND", "USD")


@dataclass(frozen=True)
class RateUsed:
    base: str
    quote: str
    rate: Decimal
    valid_from: dt.date
    source: str
    reference: str
    inverted: bool = False
    # The ExchangeRate row, which transactions store beside their converted values (not part of equality:
    # reports name a rate by its pair and first day).
    pk: int | None = field(default=None, compare=False)

    def describe(self) -> str:
        from django.utils.translation import gettext

        from caunoi.money.models import RateSource

        source = str(RateSource(self.source).label).lower()
        note = f", {self.reference}" if self.reference else ""
        return gettext("1 %(base)s = %(rate)s %(quote)s (%(source)s%(note)s, áp dụng từ %(day)s)") % {
            "base": self.base,
            "rate": shown.number(self.rate.normalize()),
            "quote": self.quote,
            "source": source,
            "note": note,
            "day": self.valid_from.strftime("%d/%m/%Y"),
        }


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    currency: str
    factor: Decimal
    rates: tuple[RateUsed, ...]


class RateBook:
    """The rates of one office (its own first, then the common ones), loaded once for many conversions."""

    def __init__(
        self,
        office: Office | None = None,
        currencies: Iterable[str] | None = None,
        *,
        rates: Iterable[ExchangeRate] | None = None,
    ):
        """`currencies`, when given, limits the book to the rates among them and the pivots (one item's
        page needs a few pairs, not every rate ever entered). `rates`, when given, are read instead of the
        database's, the office's and the common ones among them kept: books of many offices from rates
        loaded once."""
        office_id = office.pk if office is not None else None
        wanted = {*currencies, *PIVOTS} if currencies is not None else None
        if rates is None:
            scope = (
                Q(office__isnull=True) | Q(office=office) if office is not None else Q(office__isnull=True)
            )
            if wanted is not None:
                scope &= Q(base__in=wanted, quote__in=wanted)
            rates = ExchangeRate.objects.live().filter(scope).order_by("-valid_from", "office_id")
        self._rates: dict[tuple[str, str], list[ExchangeRate]] = defaultdict(list)
        self._factors: dict[tuple[str, str, dt.date], tuple[Decimal, tuple[RateUsed, ...]]] = {}
        for rate in rates:
            if rate.archived_at is not None or rate.office_id not in (None, office_id):
                continue  # archived rates convert nothing
            if wanted is None or (rate.base in wanted and rate.quote in wanted):
                self._rates[(rate.base, rate.quote)].append(rate)
        # Office rates win over common ones that start the same day: sort keeps the office's first.
        for same_pair in self._rates.values():
            same_pair.sort(key=lambda r: (r.valid_from, r.office_id is not None), reverse=True)

    def _direct(self, base: str, quote: str, day: dt.date) -> RateUsed | None:
        for rate in self._rates.get((base, quote), ()):
            if rate.in_force_on(day):
                return RateUsed(
                    base, quote, rate.rate, rate.valid_from, rate.source, rate.reference, pk=rate.pk
                )
        for rate in self._rates.get((quote, base), ()):
            if rate.in_force_on(day):
                return RateUsed(
                    quote, base, rate.rate, rate.valid_from, rate.source, rate.reference, True, rate.pk
                )
        return None

    def factor(self, base: str, quote: str, day: dt.date) -> tuple[Decimal, tuple[RateUsed, ...]]:
        """How many `quote` one `base` is worth on `day`, and the rates that say so (remembered: a national
        report asks for the same currency and day many thousands of times)."""
        key = (base, quote, day)
        if key not in self._factors:
            self._factors[key] = self._factor(base, quote, day)
        return self._factors[key]

    def _factor(self, base: str, quote: str, day: dt.date) -> tuple[Decimal, tuple[RateUsed, ...]]:
        if base == quote:
            return Decimal(1), ()
        direct = self._direct(base, quote, day)
        if direct is not None:
            return (Decimal(1) / direct.rate if direct.inverted else direct.rate), (direct,)
        for pivot in PIVOTS:
            if pivot in (base, quote):
                continue
            first = self._direct(base, pivot, day)
            second = self._direct(quote, pivot, day)
            if first is not None and second is not None:
                to_pivot = Decimal(1) / first.rate if first.inverted else first.rate
                from_pivot = second.rate if second.inverted else Decimal(1) / second.rate
                return to_pivot * from_pivot, (first, second)
        raise NO_RATE(field="currency", base=base, quote=quote, day=day)

    def convert(self, amount: Decimal, base: str, quote: str, day: dt.date) -> Conversion:
        factor, rates = self.factor(base, quote, day)
        try:
            value = (amount * factor).quantize(CENT, rounding=ROUND_HALF_UP)
        except InvalidOperation:
            raise not_converted(quote, amount, base, day) from None
        return Conversion(value, quote, factor, rates)


def not_converted(
    quote: str, amount: Decimal | None = None, base: str = "", day: dt.date | None = None
) -> RuleError:
    """The RuleError of a conversion whose result is beyond the decimal context (28 digits): a stored amount
    or rate that no service would have accepted. Pages show it as "not converted", never as a failure."""
    if amount is None:
        return NOT_CONVERTED(field="currency", quote=quote, what=gettext_lazy("tổng"))
    what = phrase(gettext_noop("{amount} {base} ngày {on}"), amount=amount, base=base, on=day or "")
    return NOT_CONVERTED(field="currency", quote=quote, what=what)


def convert(amount: Decimal, base: str, quote: str, day: dt.date, office: Office | None = None) -> Conversion:
    return RateBook(office).convert(amount, base, quote, day)
