"""Recording, correcting and archiving exchange rates.

An office's rates are entered by its editors (as any record of the office); a rate common to every office
(no office) only by a national administrator or the server's operator. Two live rates of one currency pair
(either way round) in one scope never cover the same day: a conversion must never depend on which of two
rates it happened to find. A rate in force in a year whose figures an office has locked does not change
until the year is reopened.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from caunoi.core import audit
from caunoi.core.errors import RuleError, phrase
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, can
from caunoi.core.text import nfc
from caunoi.money import messages as m
from caunoi.money.currencies import clean_currency
from caunoi.money.models import ExchangeRate, RateSource

# No currency is worth more than 10^10 of another (the widest real spread, a dollar in rials, is under 10^6),
# and 10^-10 is the column's smallest step: within these, a ledger amount (currencies.MAX_AMOUNT) converted
# at a rate stays under 10^23, far inside Python's 28-digit decimal context.
MIN_RATE = Decimal("1e-10")
MAX_RATE = Decimal("1e10")
SOURCES = frozenset(RateSource.values)
CHANGEABLE = ("rate", "valid_from", "valid_to", "source", "reference")


def check_rights(office: Office | None, action: Action = Action.EDIT, *, actor: Actor) -> None:
    """An office's rates: `action` in the office. Common rates: above every office."""
    if office is not None:
        authorize(actor, action, office)
    elif not can(actor, Action.MANAGE_OFFICES, Office()):
        raise m.RATE_COMMON_NATIONAL(field="office")


def can_manage_rates(user: Any, office: Office | None) -> bool:
    try:
        check_rights(office, actor=user)
    except RuleError:
        return False
    return True


def _check_value(rate: Decimal) -> None:
    if not rate.is_finite() or rate <= 0:
        raise m.RATE_NOT_POSITIVE(field="rate")
    if not MIN_RATE <= rate <= MAX_RATE:
        raise m.RATE_RANGE(
            field="rate",
            rate=str(rate)[:40],
            low=MIN_RATE,
            high=MAX_RATE,
        )


def _check(row: ExchangeRate) -> None:
    """Every rule a live rate keeps, whether new, corrected or restored."""
    _check_value(row.rate)
    if row.base == row.quote:
        raise m.RATE_SAME_CURRENCY(field="quote", currency=row.base)
    if row.source not in SOURCES:
        raise m.RATE_SOURCE_UNKNOWN(field="source", source=str(row.source)[:40])
    if row.valid_to is not None and row.valid_to < row.valid_from:
        raise m.RATE_DATES(field="valid_to")
    _check_overlap(row)


def _check_overlap(row: ExchangeRate) -> None:
    pair = Q(base=row.base, quote=row.quote) | Q(base=row.quote, quote=row.base)
    others = ExchangeRate.objects.overlapping(row.valid_from, row.valid_to).filter(pair, office=row.office)
    if row.pk is not None:
        others = others.exclude(pk=row.pk)
    other = others.first()
    if other is not None:
        raise m.RATE_OVERLAP(
            field="valid_from",
            base=row.base,
            quote=row.quote,
            existing=describe_period(other),
        )


def describe_period(row: ExchangeRate) -> str:
    """ "1 EUR = 1,1 USD, 01/01/2022–31/12/2022": a rate as its list shows it, in the language of the message
    that shows it (only the number changes, so the template needs no translation)."""
    return phrase(
        "1 {base} = {rate} {quote}, {start}–{end}",
        base=row.base,
        rate=row.rate.normalize(),
        quote=row.quote,
        start=row.valid_from.strftime("%d/%m/%Y"),
        end=row.valid_to.strftime("%d/%m/%Y") if row.valid_to else "…",
    )


def _check_years_open(office: Office | None, first: dt.date, last: dt.date | None) -> None:
    """A rate converts the money of the days it covers: refuse it when they fall in a locked year of the
    office (of any office, for a common rate)."""
    from caunoi.aid.models import ClosedYear  # the ledger's locks; money itself sits below the ledger

    locks = ClosedYear.objects.filter(reopened_at__isnull=True, year__gte=first.year)
    if last is not None:
        locks = locks.filter(year__lte=last.year)
    if office is not None:
        locks = locks.filter(office=office)
    lock = locks.select_related("office").order_by("year", "office__code").first()
    if lock is not None:
        raise m.RATE_YEAR_CLOSED(field="valid_from", year=lock.year, office=lock.office.code)


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
    *,
    actor: Actor,
) -> ExchangeRate:
    check_rights(office, actor=actor)
    row = ExchangeRate(
        base=clean_currency(base, "base"),
        quote=clean_currency(quote, "quote"),
        rate=rate,
        valid_from=valid_from,
        valid_to=valid_to,
        source=source,
        reference=nfc(reference),
        office=office,
    )
    _check(row)
    _check_years_open(office, valid_from, valid_to)
    audit.save(row, actor)
    _reconvert(row, (row.valid_from, row.valid_to))
    return row


def _reconvert(row: ExchangeRate, *periods: tuple[dt.date, dt.date | None]) -> None:
    """Convert again the money of the days a rate covered and covers, which it may now convert or no
    longer does (the ledger's stored values; money itself sits below the ledger)."""
    from caunoi.aid.converted import affected_by_rate, fill_converted

    fill_converted(affected_by_rate(row.base, row.quote, row.office_id, periods))


def rate_for_the_day(
    base: str, quote: str, rate: Decimal, day: dt.date, reference: str, office: Office, *, actor: Actor
) -> ExchangeRate:
    """The rate a staff member typed beside a transaction: the office's live rate of that day when it says
    the same (typing it again changes nothing), else a new rate for that day alone (refused, as any rate, if
    another one covers the day)."""
    check_rights(office, actor=actor)
    base, quote = clean_currency(base, "base"), clean_currency(quote, "quote")
    _check_value(rate)
    same = (
        ExchangeRate.objects.in_force_on(day).filter(base=base, quote=quote, rate=rate, office=office).first()
    )
    if same is not None:
        return same
    return record_rate(base, quote, rate, day, RateSource.STAFF, day, reference, office, actor=actor)


@transaction.atomic
def correct_rate(row: ExchangeRate, *, actor: Actor, reason: str = "", **fields: Any) -> ExchangeRate:
    """Change a rate's value, dates, source or reference; its pair and office stay (enter another rate for
    another pair). The history keeps the old values, who changed them and why."""
    check_rights(row.office, actor=actor)
    if row.archived_at is not None:
        raise m.RATE_ARCHIVED(field=None)
    unknown = set(fields) - set(CHANGEABLE)
    if unknown:
        raise TypeError(f"correct_rate cannot change {sorted(unknown)}")
    old_from, old_to = row.valid_from, row.valid_to
    for name, value in fields.items():
        setattr(row, name, nfc(value) if name == "reference" else value)
    _check(row)
    _check_years_open(row.office, min(old_from, row.valid_from), _later(old_to, row.valid_to))
    audit.save(row, actor, reason=nfc(reason))
    _reconvert(row, (old_from, old_to), (row.valid_from, row.valid_to))
    return row


def _later(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return None if a is None or b is None else max(a, b)


@transaction.atomic
def archive_rate(row: ExchangeRate, *, actor: Actor, reason: str = "") -> None:
    """Take a rate out of conversion; it stays listed and in the history."""
    check_rights(row.office, Action.ARCHIVE, actor=actor)
    if row.archived_at is not None:
        return
    _check_years_open(row.office, row.valid_from, row.valid_to)
    row.archived_at = timezone.now()
    audit.save(row, actor, reason=nfc(reason))
    _reconvert(row, (row.valid_from, row.valid_to))


@transaction.atomic
def restore_rate(row: ExchangeRate, *, actor: Actor) -> None:
    check_rights(row.office, Action.RESTORE, actor=actor)
    if row.archived_at is None:
        raise m.RATE_NOT_ARCHIVED(field=None)
    row.archived_at = None
    _check(row)
    _check_years_open(row.office, row.valid_from, row.valid_to)
    audit.save(row, actor)
    _reconvert(row, (row.valid_from, row.valid_to))
