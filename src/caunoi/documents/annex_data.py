"""The rows of the Excel annexes, computed from records (no formatting here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, Role, StatusChange, Transaction
from caunoi.aid.models import TransactionKind as K
from caunoi.aid.years import items_of_year
from caunoi.core.models import Office
from caunoi.money.convert import RateBook

ZERO = Decimal(0)
CASH_IN = (K.INCOMING, K.DISBURSEMENT)  # money that reaches the aid owner
CASH_OUT = (K.EXPENDITURE,)


@dataclass
class ItemRow:
    code: str
    title: str
    modality: str
    sector: str
    donors: str
    places: str
    approved_on: dt.date | None
    decision: str
    committed: dict[str, Decimal]
    committed_usd: Decimal
    committed_vnd: Decimal
    disbursed_usd: Decimal


@dataclass
class CashRow:
    """One line of the cash-aid table: an item and one source (the provider of its money), in VND."""

    item: str
    source: str
    decision: str
    opening: Decimal = ZERO
    received: Decimal = ZERO
    used: Decimal = ZERO
    currencies: set[str] = field(default_factory=set)


def _decisions(items: list[AidItem]) -> dict[int, str]:
    changes = StatusChange.objects.filter(item__in=items, to_status=Status.APPROVED).order_by("on", "id")
    return {c.item_id: c.decision_number for c in changes}


def item_rows(office: Office, offices: list[Office], year: int) -> list[ItemRow]:
    book = RateBook(office)
    items = list(
        items_of_year(offices, year)
        .select_related("primary_sector")
        .prefetch_related("participations__organisation", "place_shares__unit", "transactions")
        .order_by("approved_on", "code")
    )
    decisions = _decisions(items)
    rows = []
    for item in items:
        live = [t for t in item.transactions.all() if t.counts]
        committed: dict[str, Decimal] = defaultdict(Decimal)
        usd = vnd = disbursed = ZERO
        for t in live:
            if t.kind == K.COMMITMENT:
                committed[t.currency] += t.amount
                usd += book.convert(t.amount, t.currency, "USD", t.value_date).amount
                vnd += book.convert(t.amount, t.currency, "VND", t.value_date).amount
            elif t.kind == K.DISBURSEMENT and t.value_date.year == year:
                disbursed += book.convert(t.amount, t.currency, "USD", t.value_date).amount
        donors = [p.organisation.name for p in item.participations.all() if p.role == Role.FUNDING]
        places = [f"{p.unit.name} ({p.share.normalize():f}%)" for p in item.place_shares.all()]
        rows.append(
            ItemRow(
                code=item.code,
                title=item.title,
                modality=item.get_modality_display(),
                sector=item.primary_sector.name if item.primary_sector else "",
                donors="; ".join(sorted(donors)),
                places="; ".join(places),
                approved_on=item.approved_on,
                decision=decisions.get(item.pk, ""),
                committed=dict(committed),
                committed_usd=usd,
                committed_vnd=vnd.quantize(Decimal(1)),
                disbursed_usd=disbursed,
            )
        )
    return rows


def transactions(offices: list[Office], year: int) -> list[Transaction]:
    """The year's transactions: every transaction dated in the year, of the offices' live items."""
    return list(
        Transaction.objects.counted()
        .filter(
            office__in=offices,
            item__archived_at__isnull=True,
            value_date__year=year,
        )
        .select_related("item", "provider", "receiver")
        .order_by("value_date", "item__code", "id")
    )


def cash_rows(office: Office, offices: list[Office], year: int) -> list[CashRow]:
    """Opening balance, received, used and closing balance per item and source, converted to VND at the rate
    in force on each transaction's value date."""
    book = RateBook(office)
    end = dt.date(year, 12, 31)
    moves = (
        Transaction.objects.counted()
        .filter(
            office__in=offices,
            item__archived_at__isnull=True,
            kind__in=[*CASH_IN, *CASH_OUT],
            value_date__lte=end,
        )
        .select_related("item", "provider")
        .order_by("item__code", "value_date", "id")
    )
    items = list({t.item_id: t.item for t in moves}.values())
    decisions = _decisions(items)
    rows: dict[tuple[int, str], CashRow] = {}
    for t in moves:
        source = t.provider.name if t.provider else (t.provider_name or "Không rõ nguồn")
        row = rows.setdefault(
            (t.item_id, source),
            CashRow(f"{t.item.code} — {t.item.title}", source, decisions.get(t.item_id, "")),
        )
        vnd = book.convert(t.amount, t.currency, "VND", t.value_date).amount.quantize(Decimal(1))
        row.currencies.add(t.currency)
        sign = 1 if t.kind in CASH_IN else -1
        if t.value_date.year < year:
            row.opening += sign * vnd
        elif sign > 0:
            row.received += vnd
        else:
            row.used += vnd
    return list(rows.values())
