"""An aid item as one spreadsheet describes it — built from rows on import, from records on export, and
compared between the two to tell a re-imported item from a changed one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, Role

PARTICIPANT_ROLES = {
    "funding": Role.FUNDING,
    "line_agency": Role.LINE_AGENCY,
    "owner": Role.OWNER,
    "implementing": Role.IMPLEMENTING,
}


@dataclass(frozen=True)
class TxSpec:
    kind: str
    amount: Decimal
    currency: str
    value_date: dt.date
    provider: str = ""
    receiver: str = ""
    reference: str = ""
    row: int = field(default=0, compare=False)  # of the file it was read from (0: read from the ledger)

    def sort_key(self) -> tuple[Any, ...]:
        return (
            self.value_date,
            self.kind,
            self.currency,
            self.amount,
            self.provider,
            self.receiver,
            self.reference,
        )


@dataclass
class Decision:
    number: str
    date: dt.date
    authority: str


@dataclass
class ItemSpec:
    fields: dict[str, Any]
    status: str = Status.PROPOSAL
    status_date: dt.date | None = None
    decision: Decision | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    participants: dict[str, list[str]] = field(default_factory=dict)
    sectors: list[tuple[str, Decimal]] = field(default_factory=list)
    places: list[tuple[str, Decimal]] = field(default_factory=list)
    transactions: list[TxSpec] = field(default_factory=list)
    first_row: int = 0

    @property
    def code(self) -> str:
        return str(self.fields["code"])

    def comparable(self) -> dict[str, Any]:
        return {
            **{k: v for k, v in self.fields.items()},
            "status": self.status,
            "status_date": self.status_date,
            "decision": (self.decision.number, self.decision.date, self.decision.authority)
            if self.decision
            else None,
            "actual_start": self.actual_start,
            "actual_end": self.actual_end,
            "participants": {k: sorted(v) for k, v in self.participants.items() if v},
            "sectors": sorted((n, s.normalize()) for n, s in self.sectors),
            "places": sorted((n, s.normalize()) for n, s in self.places),
            "transactions": sorted(t.sort_key() for t in self.transactions),
        }

    def differences(self, other: ItemSpec) -> list[str]:
        """What `other` (a file's item) says differently; a status date it leaves empty is not a difference."""
        mine, theirs = self.comparable(), other.comparable()
        if other.status_date is None:
            del mine["status_date"], theirs["status_date"]
        return [key for key in mine if mine[key] != theirs.get(key)]


ITEM_FIELDS = (
    "code",
    "modality",
    "title",
    "title_en",
    "planned_start",
    "planned_end",
    "beneficiaries_count",
    "beneficiary_groups",
    "counterpart_amount",
    "counterpart_currency",
    "is_illustrative",
)


def spec_from_item(item: AidItem) -> ItemSpec:
    changes = list(item.status_changes.order_by("on", "id"))
    approval = next((c for c in changes if c.to_status == Status.APPROVED and c.decision_date), None)
    spec = ItemSpec(
        fields={name: getattr(item, name) for name in ITEM_FIELDS},
        status=item.status,
        status_date=changes[-1].on if changes else None,
        decision=Decision(approval.decision_number, approval.decision_date, approval.authority)
        if approval and approval.decision_date
        else None,
        actual_start=item.actual_start,
        actual_end=item.actual_end,
    )
    for key, role in PARTICIPANT_ROLES.items():
        spec.participants[key] = [p.organisation.name for p in item.participations.all() if p.role == role]
    spec.sectors = [(s.sector.name, s.share) for s in item.sector_shares.all()]
    spec.places = [(str(p.unit), p.share) for p in item.place_shares.all()]
    spec.transactions = sorted(
        (
            TxSpec(t.kind, t.amount, t.currency, t.value_date, t.provider_name, t.receiver_name, t.reference)
            for t in item.transactions.all()
            if t.counts  # a reversed one counts in no figure: a re-imported file must not bring it back
        ),
        key=TxSpec.sort_key,
    )
    return spec


def prefetch_for_specs(queryset: Any) -> Any:
    return queryset.prefetch_related(
        "status_changes",
        "participations__organisation",
        "sector_shares__sector",
        "place_shares__unit__province",
        "transactions",
    )
