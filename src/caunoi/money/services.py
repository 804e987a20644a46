"""Recording exchange rates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from caunoi.core.models import Office
from caunoi.money.currencies import clean_currency
from caunoi.money.messages import RATE_DATES, RATE_NOT_POSITIVE
from caunoi.money.models import ExchangeRate, RateSource


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
    if valid_to is not None and valid_to < valid_from:
        raise RATE_DATES(field="valid_to")
    return ExchangeRate.objects.create(
        base=base,
        quote=quote,
        rate=rate,
        valid_from=valid_from,
        valid_to=valid_to,
        source=RateSource(source),
        reference=reference,
        office=office,
    )
