"""The money of one aid item: committed, disbursed and remaining per currency, and converted with the
rates in force on each transaction's date — every rate named, a missing one said plainly."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from caunoi.aid.models import AidItem, Transaction, TransactionKind
from caunoi.core.errors import RuleErrors
from caunoi.money.convert import RateBook, RateUsed

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
    by_currency: dict[str, MoneyRow] = {}
    converted = {"USD": MoneyRow("USD"), "VND": MoneyRow("VND")}
    book = RateBook(item.office, currencies={tx.currency for tx in transactions})
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
        lines.append((tx, _line(book, tx) if tx.counts else None))
        name = attr.get(TransactionKind(tx.kind))
        if name is None or not tx.counts:
            continue
        row = by_currency.setdefault(tx.currency, MoneyRow(tx.currency))
        setattr(row, name, getattr(row, name) + tx.amount)
        for quote in ("USD", "VND"):
            try:
                conversion = book.convert(tx.amount, tx.currency, quote, tx.value_date)
            except RuleErrors as error:
                problems[quote].extend(p.text() for p in error.problems)
                continue
            sums[(quote, name)] += conversion.amount
            for rate in conversion.rates:
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


def _line(book: RateBook, tx: Transaction) -> TxConversion:
    quote = "VND" if tx.currency == "USD" else "USD"
    try:
        conversion = book.convert(tx.amount, tx.currency, quote, tx.value_date)
    except RuleErrors as error:
        return TxConversion(None, quote, problem=" ".join(p.text() for p in error.problems))
    return TxConversion(conversion.amount, quote, conversion.rates)
