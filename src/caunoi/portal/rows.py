"""One row per public item, with exactly the columns of `PUBLIC_FIELDS`: what every download writes."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from caunoi.aid.models import AidItem
from caunoi.portal.public import PUBLIC_FIELDS
from caunoi.reports.figures import Sums

CENT = Decimal("0.01")


def by_currency(found: Sums | None) -> str:
    if found is None:
        return ""
    return "; ".join(
        f"{amount.quantize(CENT)} {currency}" for currency, amount in sorted(found.by_currency.items())
    )


def approval(item: AidItem) -> Any:
    approvals = getattr(item, "approvals", [])
    return approvals[0] if approvals else None


def item_row(item: AidItem, committed: Sums | None, disbursed: Sums | None, url: str) -> dict[str, Any]:
    decision = approval(item)
    row = {
        "code": item.code,
        "title": item.title,
        "title_en": item.title_en,
        "modality": item.modality,
        "status": item.status,
        "office": item.office.code,
        "donors": "; ".join(sorted(p.organisation.name for p in getattr(item, "funders", []))),
        "sectors": "; ".join(
            f"{s.sector.name} {s.share.normalize():f}%"
            for s in sorted(item.sector_shares.all(), key=lambda s: -s.share)
        ),
        "places": "; ".join(
            f"{p.unit} {p.share.normalize():f}%"
            for p in sorted(item.place_shares.all(), key=lambda p: -p.share)
        ),
        "approved_on": item.approved_on,
        "decision_number": decision.decision_number if decision else "",
        "decision_date": decision.decision_date if decision else None,
        "authority": decision.authority if decision else "",
        "planned_start": item.planned_start,
        "planned_end": item.planned_end,
        "actual_start": item.actual_start,
        "actual_end": item.actual_end,
        "committed": by_currency(committed),
        "committed_usd": committed.usd.quantize(CENT) if committed else Decimal(0),
        "committed_vnd": committed.vnd.quantize(CENT) if committed else Decimal(0),
        "disbursed": by_currency(disbursed),
        "disbursed_usd": disbursed.usd.quantize(CENT) if disbursed else Decimal(0),
        "disbursed_vnd": disbursed.vnd.quantize(CENT) if disbursed else Decimal(0),
        "beneficiaries_count": item.beneficiaries_count,
        "is_illustrative": int(item.is_illustrative),
        "url": url,
    }
    assert list(row) == [c.name for c in PUBLIC_FIELDS]
    return row


def item_rows(
    items: Iterable[AidItem], committed: dict[int, Sums], disbursed: dict[int, Sums], url_of: Any
) -> Iterable[dict[str, Any]]:
    for item in items:
        yield item_row(item, committed.get(item.pk), disbursed.get(item.pk), url_of(item))
