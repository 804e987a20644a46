"""Recording exchange rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.money.currencies import clean_currency
from caunoi.money.messages import RATE_DATES, RATE_NOT_POSITIVE, RATE_RANGE
from caunoi.money.models import ExchangeRate, RateSource
from caunoi.vntext.numbers import format_number

# No currency is worth more than 10^10 of another (the widest real spread, a dollar in rials, is under 10^6),
# and 10^-10 is the column's smallest step: within these, a ledger amount (currencies.MAX_AMOUNT) converted
# at a rate stays under 10^23, far inside Python's 28-digit decimal context.
MIN_RATE = Decimal("1e-10")
MAX_RATE = Decimal("1e10")


@transaction.atomic
def record_rate(
    base: str,
    quote: str,
    rate: Decimal,
    valid_from: dt.date,
    source: str = RateSource.STAFF,
    valid_to: dt.date | None = None,
    reference: str = "",
    office: Office | None = None,
) -> ExchangeRate:
    base = clean_currency(base, "base")
    quote = clean_currency(quote, "quote")
    if not rate.is_finite() or rate <= 0:
        raise RATE_NOT_POSITIVE(field="rate")
    if not MIN_RATE <= rate <= MAX_RATE:
        raise RATE_RANGE(
            field="rate",
            rate=str(rate)[:40],
            low=format_number(MIN_RATE),
            high=format_number(MAX_RATE),
            low_en=format_number(MIN_RATE, locale="en"),
            high_en=format_number(MAX_RATE, locale="en"),
        )
    if valid_to is not None and valid_to < valid_from:
        raise RATE_DATES(field="valid_to")
    row = ExchangeRate(
        base=base,
        quote=quote,
        rate=rate,
        valid_from=valid_from,
        valid_to=valid_to,
        source=RateSource(source),
        reference=reference,
        office=office,
    )
    audit.save(row, None)
    return row
