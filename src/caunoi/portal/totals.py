"""The portal's figures, all from `caunoi.reports.figures` over the public items' transactions: the portal
adds no money arithmetic of its own, so its totals for a year are the aid report's for the same items."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from caunoi.aid.models import (
    AidItem,
    ItemPlace,
    ItemSector,
    Modality,
    Participation,
    Role,
    Sector,
    Transaction,
    TransactionKind,
)
from caunoi.core.models import Office
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit
from caunoi.portal.public import Filters, public_items
from caunoi.reports import figures
from caunoi.reports.figures import Sums

CENT = Decimal("0.01")


@dataclass
class Share:
    key: Any
    name: str
    count: int
    sums: Sums

    @property
    def usd(self) -> Decimal:
        return self.sums.usd.quantize(CENT)


@dataclass
class Totals:
    count: int
    committed: Sums
    disbursed: Sums
    by_sector: list[Share]
    by_modality: list[Share]
    by_donor: list[Share]


def commitments_of(items: QuerySet[AidItem]) -> QuerySet[Transaction]:
    return Transaction.objects.counted().filter(item__in=items.values("pk"), kind=TransactionKind.COMMITMENT)


def disbursements_of(office: Office, filters: Filters) -> QuerySet[Transaction]:
    """The disbursements the portal counts: with a year, those dated in it of every public item the other
    filters keep (as the aid report counts a year's disbursements); without, all of the listed items'."""
    items = filters.apply(office, public_items(office), year=False)
    found = Transaction.objects.counted().filter(
        item__in=items.values("pk"), kind=TransactionKind.DISBURSEMENT
    )
    if filters.year is not None:
        found = found.filter(value_date__year=filters.year)
    return found


def item_sums(item: AidItem) -> tuple[Sums | None, Sums | None]:
    """A public item's committed and disbursed sums: what `commitments_of` and `disbursements_of` (no filter)
    count for it, read for the item alone."""
    kinds = (TransactionKind.COMMITMENT, TransactionKind.DISBURSEMENT)
    found = figures.sums(Transaction.objects.counted().filter(item=item, kind__in=kinds), "kind")
    return found.get(TransactionKind.COMMITMENT), found.get(TransactionKind.DISBURSEMENT)


def shown(found: Sums | None) -> dict[str, Any]:
    """What a page prints of sums: plain values (a template would read a defaultdict's missing keys)."""
    found = found or Sums()
    return {
        "by_currency": sorted(found.by_currency.items()),
        "usd": found.usd,
        "vnd": found.vnd,
        "unconverted": bool(found.unconverted),
    }


def per_item(transactions: QuerySet[Transaction]) -> dict[int, Sums]:
    return figures.sums(transactions, "item")


def totals(office: Office, items: QuerySet[AidItem], filters: Filters) -> Totals:
    found = figures.breakdown(items, commitments_of(items))
    sectors = {s.pk: str(s) for s in Sector.objects.filter(pk__in=[k for k in found.by_sector if k])}
    donors = figures.organisation_names(k for k in found.by_provider if k)
    return Totals(
        count=found.count,
        committed=found.committed,
        disbursed=figures.sums(disbursements_of(office, filters)).get(None) or Sums(),
        by_sector=_ranked(
            Share(k, sectors.get(k, "—"), found.items_by_sector.get(k, 0), got)
            for k, got in found.by_sector.items()
        ),
        by_modality=_ranked(
            Share(k, str(Modality(k).label), found.items_by_modality.get(k, 0), got)
            for k, got in found.by_modality.items()
        ),
        by_donor=_ranked(
            Share(k, donors[k].name if k in donors else "—", found.items_by_donor.get(k, 0), got)
            for k, got in found.by_provider.items()
        ),
    )


def _ranked(shares: Any) -> list[Share]:
    return sorted(shares, key=lambda s: (-s.sums.usd, s.name))


def filter_choices(office: Office) -> dict[str, list[tuple[Any, str]]]:
    """What each filter offers: the values the office's public items have."""
    items = public_items(office)
    ids = items.values("pk")
    years = sorted({d.year for d in items.values_list("approved_on", flat=True) if d is not None})
    sectors = Sector.objects.filter(pk__in=ItemSector.objects.filter(item__in=ids).values("sector"))
    donors = Organisation.objects.filter(
        pk__in=Participation.objects.filter(item__in=ids, role=Role.FUNDING).values("organisation")
    ).order_by("name")
    places = (
        AdminUnit.objects.filter(pk__in=ItemPlace.objects.filter(item__in=ids).values("unit"))
        .select_related("province")  # each is named with its province
        .order_by("name")
    )
    return {
        "year": [(y, str(y)) for y in reversed(years)],
        "sector": [(s.pk, str(s)) for s in sectors],
        "donor": [(o.pk, o.name) for o in donors],
        "modality": [(m.value, str(m.label)) for m in Modality],
        "place": [(u.pk, str(u)) for u in places],
    }
