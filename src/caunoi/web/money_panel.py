"""The money of one aid item: committed, disbursed and remaining per currency, and converted with the
rates in force on each transaction's date — every rate named, a missing one said plainly."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from caunoi.aid.models import AidItem, Transaction, TransactionKind
from caunoi.core.errors import RuleErrors
from caunoi.money.convert import RateBook, RateUsed, not_converted
from caunoi.money.models import ExchangeRate
from caunoi.reports.figures import ALL_RATES

ZERO = Decimal(0)


@dataclass
class MoneyRow:
    currency: str
    committed: Decimal = ZERO
    disbursed: Decimal = ZERO
    spent: Decimal = ZERO

    @property
    def remaining(self) -> Decimal:
        return self.committed - self.disbursed


@dataclass(frozen=True)
class TxConversion:
    """What one transaction is worth in the other currency the page shows (USD; VND for a USD amount), and
    the rates that say so — or, with no amount, the rate still missing."""

    amount: Decimal | None
    currency: str
    rates: tuple[RateUsed, ...] = ()
    problem: str = ""


@dataclass
class MoneyPanel:
    rows: list[MoneyRow]
    usd: MoneyRow | None
    vnd: MoneyRow | None
    rates: list[RateUsed] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Every transaction in the order given, with its conversion (None for a reversed one, or one in USD
    # and VND both ways: nothing to convert).
    lines: list[tuple[Transaction, TxConversion | None]] = field(default_factory=list)


def money_panel(item: AidItem, transactions: list[Transaction]) -> MoneyPanel:
    """The panel from each transaction's stored USD and VND values and rate rows (`caunoi.aid.converted`,
    the ones every report sums); only a value not stored asks the rates why, to name the rate to enter."""
    by_currency: dict[str, MoneyRow] = {}
    converted = {"USD": MoneyRow("USD"), "VND": MoneyRow("VND")}
    rate_rows = ExchangeRate.objects.in_bulk(
        {getattr(tx, f"{name}_id") for tx in transactions for name in ALL_RATES} - {None}
    )
    books: list[RateBook] = []  # built only when a value is missing

    def why_not(tx: Transaction, quote: str) -> list[str]:
        if not books:
            books.append(RateBook(item.office, currencies={t.currency for t in transactions}))
        try:
            books[0].convert(tx.amount, tx.currency, quote, tx.value_date)
        except RuleErrors as error:
            return [p.text() for p in error.problems]
        return [not_converted(quote, tx.amount, tx.currency, tx.value_date).problems[0].text()]

    def used(tx: Transaction, quote: str) -> tuple[RateUsed, ...]:
        ids = (getattr(tx, f"{quote.lower()}_rate_id"), getattr(tx, f"{quote.lower()}_cross_rate_id"))
        return tuple(_rate_used(rate_rows[pk]) for pk in ids if pk is not None)

    rates: dict[tuple[str, str, object], RateUsed] = {}
    problems: dict[str, list[str]] = {"USD": [], "VND": []}
    attr = {
        TransactionKind.COMMITMENT: "committed",
        TransactionKind.DISBURSEMENT: "disbursed",
        TransactionKind.EXPENDITURE: "spent",
    }
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    lines: list[tuple[Transaction, TxConversion | None]] = []
    for tx in transactions:
        if tx.counts:
            quote = "VND" if tx.currency == "USD" else "USD"
            value = _stored(tx, quote)
            lines.append(
                (
                    tx,
                    TxConversion(value, quote, used(tx, quote))
                    if value is not None
                    else TxConversion(None, quote, problem=" ".join(why_not(tx, quote))),
                )
            )
        else:
            lines.append((tx, None))
        name = attr.get(TransactionKind(tx.kind))
        if name is None or not tx.counts:
            continue
        row = by_currency.setdefault(tx.currency, MoneyRow(tx.currency))
        setattr(row, name, getattr(row, name) + tx.amount)
        for quote in ("USD", "VND"):
            value = _stored(tx, quote)
            if value is None:
                problems[quote].extend(why_not(tx, quote))
                continue
            sums[(quote, name)] += value
            for rate in used(tx, quote):
                rates[(rate.base, rate.quote, rate.valid_from)] = rate
    for (quote, name), amount in sums.items():
        setattr(converted[quote], name, amount)
    return MoneyPanel(
        rows=sorted(by_currency.values(), key=lambda r: r.currency),
        usd=None if problems["USD"] else converted["USD"],
        vnd=None if problems["VND"] else converted["VND"],
        rates=list(rates.values()),
        problems=sorted(set(problems["USD"] + problems["VND"])),
        lines=lines,
    )


def _stored(tx: Transaction, quote: str) -> Decimal | None:
    """The stored value in `quote`; an amount already in it is itself."""
    if tx.currency == quote:
        return tx.amount
    value: Decimal | None = getattr(tx, f"{quote.lower()}_value")
    return value


def _rate_used(rate: ExchangeRate) -> RateUsed:
    return RateUsed(
        rate.base, rate.quote, rate.rate, rate.valid_from, rate.source, rate.reference, pk=rate.pk
    )
