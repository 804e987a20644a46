"""The USD and VND values a transaction keeps beside its amount, with the rates that gave them.

The rate and the rounding are `RateBook`'s, with the transaction's office's rates (its own before the
common ones): to the cent, half up, as `RateBook.convert`. A value whose rate is missing (or whose result
is beyond the decimal context, which no service lets in) stays empty: the transaction is "not converted".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import connections
from django.db.models import Q, QuerySet

from caunoi.aid.models import CONVERTED_FIELDS, Transaction
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.money.convert import PIVOTS, RateBook
from caunoi.money.models import ExchangeRate

BATCH = 1000
_ATTNAME = {f.name: f.attname for f in Transaction._meta.concrete_fields}
ATTNAMES = [_ATTNAME[name] for name in CONVERTED_FIELDS]
# What a transaction stores for one target currency: its value and its (first, cross) rate rows.
Stored = tuple[Decimal | None, int | None, int | None]
NOTHING: Stored = (None, None, None)


def _value(book: RateBook, amount: Decimal, currency: str, quote: str, day: dt.date) -> Stored:
    try:
        conversion = book.convert(amount, currency, quote, day)
    except RuleErrors:
        return NOTHING
    ids = [r.pk for r in conversion.rates] + [None, None]
    return conversion.amount, ids[0], ids[1]


def converted_values(book: RateBook, amount: Decimal, currency: str, day: dt.date) -> dict[str, Any]:
    """The stored fields (`CONVERTED_FIELDS`, by attname) of one amount."""
    usd = _value(book, amount, currency, "USD", day)
    vnd = _value(book, amount, currency, "VND", day)
    return {
        "usd_value": usd[0],
        "usd_rate_id": usd[1],
        "usd_cross_rate_id": usd[2],
        "vnd_value": vnd[0],
        "vnd_rate_id": vnd[1],
        "vnd_cross_rate_id": vnd[2],
    }


def convert_one(tx: Transaction) -> None:
    """Set `tx`'s converted values in memory (its save writes them); one query for the rates it needs."""
    book = RateBook(Office(pk=tx.office_id), [tx.currency])
    for name, value in converted_values(book, Decimal(tx.amount), tx.currency, tx.value_date).items():
        setattr(tx, name, value)


def fill_converted(transactions: QuerySet[Any]) -> int:
    """Recompute the stored values of `transactions` (the rates of their offices loaded once, each amount
    converted in Decimal: SQLite's arithmetic is binary floating point) and write those that changed, a
    one prepared UPDATE run over all of them. Used by bulk imports and when a rate changes."""
    rows = list(
        transactions.order_by().values_list("pk", "office_id", "amount", "currency", "value_date", *ATTNAMES)
    )
    if not rows:
        return 0
    office_ids = {r[1] for r in rows}
    model = transactions.model
    rate_model = model._meta.get_field("usd_rate").related_model
    rates = list(
        rate_model.objects.filter(Q(office__isnull=True) | Q(office__in=office_ids), archived_at__isnull=True)
    )
    books: dict[int, RateBook] = {}
    changed = []
    for pk, office_id, amount, currency, day, *stored in rows:
        book = books.get(office_id)
        if book is None:
            book = books[office_id] = _book(office_id, rates)
        values = converted_values(book, amount, currency, day)
        if [values[a] for a in ATTNAMES] != stored:
            changed.append((*(values[a] for a in ATTNAMES), pk))
    _write(model, transactions.db, changed)
    return len(changed)


def _write(model: Any, db: str, rows: list[tuple[Any, ...]]) -> None:
    """One UPDATE by primary key, executed for every row: bulk_update's CASE over a batch of ids costs
    SQLite a scan of the batch per row (minutes for a national ledger), a prepared statement does not."""
    if not rows:
        return
    columns = ", ".join(f'"{model._meta.get_field(a).column}" = %s' for a in ATTNAMES)
    sql = f'UPDATE "{model._meta.db_table}" SET {columns} WHERE "id" = %s'
    with connections[db].cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


def _book(office_id: int, rates: list[ExchangeRate]) -> RateBook:
    return RateBook(Office(pk=office_id), rates=rates)


def affected_by_rate(
    base: str, quote: str, office_id: int | None, periods: Iterable[tuple[dt.date, dt.date | None]]
) -> QuerySet[Transaction]:
    """The transactions whose conversion a rate of `base`/`quote` (of the office, or common) may change,
    over the days it covered and covers: those in `base` or `quote` (a cross rate goes through a rate of
    the currency to a pivot), every currency for a rate between the two pivots (the cross of all others)."""
    days = Q()
    for first, last in periods:
        days |= Q(value_date__gte=first) & (Q() if last is None else Q(value_date__lte=last))
    found = Transaction.objects.filter(days)
    if {base, quote} != set(PIVOTS):
        found = found.filter(currency__in=[base, quote])
    if office_id is not None:
        found = found.filter(office_id=office_id)
    return found
