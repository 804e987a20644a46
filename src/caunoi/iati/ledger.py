"""From an IATI activity to the aid ledger: status, approval, transactions, sectors and places.

The import writes in bulk, so it cannot call the per-record services; it plans each item with the
services' own rule functions instead (check_item_fields, check_shares, check_decision, check_step,
check_money), which `create_item`, `transition` and `record_transaction` call too: the rules exist once.
tests/iati/test_ledger_rules.py holds the plan to the services' answers.

IATI activity-status → caunoi status (S = actual start, else planned start; R = the day of the
activity's last-updated-datetime, else today):
  1 pipeline/identification → proposal, entered on R;
  2 implementation → approved on S, implementing from S;
  3 finalisation → approved, implementing from S, completed on the end date (actual, else planned; R if
    none or in the future);
  4 closed → as 3, then closed on R (not before completion);
  5 cancelled → approved on S then cancelled on the end date or R; without a start date, entered as
    cancelled on R;
  6 suspended → approved, implementing from S, suspended on R.
caunoi needs an approval decision before implementation: the import records it with the IATI start date
as decision date, decision number "IATI:<identifier>" and the reporting organisation as authority.

Transactions are recorded while the item is at its entry status, before the later steps (as staff would
enter them). Types 1–4 go to the ledger; another type, or an amount or date a ledger rule refuses
(negative or zero values, more than 2 decimals, a disbursement before approval or in the future), is
kept in the IATI record outside the ledger with that rule's reason, and reported as a notice.

Sectors: DAC 5-digit (vocabulary 1) codes, else 3-digit (vocabulary 2), each mapped to its report group
with aid.sectors.sector_for_dac. Percentages are added up per group and rescaled to total exactly 100.00
(largest remainder, 2 decimals) when the file's do not: missing percentages count as equal parts,
0% sectors are left out. Places get equal shares of 100 the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Any, TypeVar

from django.utils import timezone

from caunoi.aid import messages as am
from caunoi.aid import services
from caunoi.aid.lifecycle import ENDED_STATUSES, Status
from caunoi.aid.models import AidItem, Modality, Sector, TransactionKind
from caunoi.core import limits
from caunoi.core.errors import Problem, RuleError, RuleErrors
from caunoi.geography.models import AdminUnit
from caunoi.iati import messages as m
from caunoi.iati.activity import ActivityData, Tx
from caunoi.iati.models import IatiActivity

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
HUNDRED_SHARE = Decimal("100.00")
LEDGER_KINDS = frozenset(TransactionKind.values)
CODE_LENGTH = 60  # AidItem.code
T = TypeVar("T")


@dataclass
class Plan:
    fields: dict[str, Any]
    entry_status: str
    entered_on: dt.date
    decision: services.Decision | None
    steps: list[tuple[str, dt.date]]
    status: str
    approved_on: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    ended_on: dt.date | None = None
    ledger: list[tuple[Tx, Decimal, str]] = field(default_factory=list)
    outside: list[tuple[Tx, Problem | None]] = field(default_factory=list)
    sectors: list[tuple[Sector, Decimal]] = field(default_factory=list)
    places: list[tuple[AdminUnit, Decimal]] = field(default_factory=list)
    location_units: list[AdminUnit | None] = field(default_factory=list)


def item_code(identifier: str) -> str:
    if len(identifier) <= CODE_LENGTH:
        return identifier
    digest = hashlib.sha1(identifier.encode()).hexdigest()[:8]
    return f"{identifier[: CODE_LENGTH - 9]}~{digest}"


def _preferred(texts: Sequence[tuple[str, str]]) -> str:
    return next((t for lang, t in texts if lang == "vi" and t), next((t for _, t in texts if t), ""))


def item_fields(data: ActivityData) -> dict[str, Any]:
    general = [(lang, text) for kind, lang, text in data.descriptions if kind in ("", "1")]
    objectives = [(lang, text) for kind, lang, text in data.descriptions if kind == "2"]
    return {
        "code": item_code(data.identifier),
        "modality": Modality.PROJECT,
        "title": _preferred(data.titles)[:500],
        "title_en": data.narrative(data.titles, "en")[:500],
        "description": _preferred(general),
        "objectives": _preferred(objectives),
        "planned_start": data.date_of("1"),
        "planned_end": data.date_of("3"),
        "iati_identifier": data.identifier,
    }


def split_hundred(weights: Sequence[tuple[T, Decimal]]) -> list[tuple[T, Decimal]]:
    """Shares proportional to `weights` (merged per key, zero left out) that total exactly 100.00."""
    merged: dict[T, Decimal] = {}
    for key, weight in weights:
        merged[key] = merged.get(key, Decimal(0)) + weight
    items = [(k, w) for k, w in merged.items() if w > 0]
    if len(items) == 1:
        return [(items[0][0], HUNDRED_SHARE)]  # what the general case below gives for a single weight
    total = sum((w for _, w in items), Decimal(0))
    if not items or total <= 0:
        return []
    raw = [(k, w * HUNDRED / total) for k, w in items]
    floors = [(k, r.quantize(CENT, rounding=ROUND_DOWN)) for k, r in raw]
    left = int((HUNDRED - sum((f for _, f in floors), Decimal(0))) / CENT)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i][1] - floors[i][1]), i))
    shares = [f for _, f in floors]
    for i in order[:left]:
        shares[i] += CENT
    # A share may not be 0 (services refuse it): take the cent from the largest.
    for i, share in enumerate(shares):
        if share <= 0:
            largest = max(range(len(shares)), key=lambda j: shares[j])
            shares[largest] -= CENT
            shares[i] = CENT
    return [(floors[i][0], shares[i]) for i in range(len(shares))]


def _equal(keys: Sequence[T]) -> list[tuple[T, Decimal]]:
    return split_hundred([(k, Decimal(1)) for k in keys])


class _Walk:
    """The lifecycle steps of one item, checked as services.create_item and services.transition do."""

    def __init__(self, code: str, today: dt.date):
        self.code = code
        self.today = today
        self.status = ""
        self.last: dt.date | None = None
        self.approved_on: dt.date | None = None
        self.actual_start: dt.date | None = None
        self.actual_end: dt.date | None = None
        self.ended_on: dt.date | None = None

    def enter(self, status: str, on: dt.date, decision: services.Decision | None) -> None:
        if status == Status.APPROVED:
            services.check_decision(decision)
            assert decision is not None
            on = decision.date
            self.approved_on = decision.date
        if on > self.today:
            raise am.DATE_IN_FUTURE(field="entered_on", on=on)
        if status in ENDED_STATUSES:
            self.ended_on = on
        self.status, self.last = status, on

    def step(self, to_status: str, on: dt.date) -> None:
        services.check_step(
            self.code, self.status, to_status, on, self.last, self.approved_on, None, self.today
        )
        if to_status == Status.IMPLEMENTING:
            self.actual_start = self.actual_start or on
        if to_status == Status.COMPLETED:
            self.actual_end = on
        if to_status in ENDED_STATUSES:
            self.ended_on = on
        self.status, self.last = to_status, on

    def money(self, kind: str, amount: Decimal, currency: str, value_date: dt.date) -> tuple[Decimal, str]:
        """As services.record_transaction checks a transaction on an item at the current status."""
        return services.check_money(self.code, self.status, kind, amount, currency, value_date, self.today)


def reference_day(data: ActivityData, today: dt.date) -> dt.date:
    if data.last_updated is None:
        return today
    return min(timezone.localdate(data.last_updated), today)


def plan(
    data: ActivityData,
    today: dt.date,
    sector_for: Callable[[str], Sector],
    location_units: Sequence[AdminUnit | None],
) -> Plan:
    """The ledger records for `data`, or RuleErrors naming the rule it breaks."""
    fields = services.normalise_fields(item_fields(data))
    services.check_item_fields(fields)
    # The columns' limits, as audit.save holds every record a service saves to them (rows here are written
    # in bulk): an identifier over 200 characters, a hierarchy beyond a small integer.
    problems = limits.check(AidItem, fields) + limits.check(IatiActivity, {"hierarchy": data.hierarchy})
    if problems:
        raise RuleErrors(problems)
    code = fields["code"]
    walk = _Walk(code, today)
    ref_day = reference_day(data, today)
    start = data.date_of("2", "1")
    end = data.date_of("4", "3")
    end = end if end is not None and end <= today else None
    status = data.status_code
    decision = None
    needs_start = status in ("2", "3", "4", "6") or (status == "5" and start is not None)
    if needs_start:
        if start is None:
            raise m.NEEDS_START(field="activity-date", status=status)
        authority = data.reporting_org.name or data.reporting_org.ref or "IATI"
        decision = services.Decision(f"IATI:{data.identifier}"[:80], start, authority[:300])
        walk.enter(Status.APPROVED, start, decision)
    elif status == "5":
        walk.enter(Status.CANCELLED, ref_day, None)
    else:
        walk.enter(Status.PROPOSAL, ref_day, None)
    entry_status, entered_on = walk.status, walk.last
    assert entered_on is not None
    result = Plan(fields, entry_status, entered_on, decision, [], entry_status)
    for tx in data.transactions:
        if tx.kind not in LEDGER_KINDS:
            result.outside.append((tx, None))
            continue
        try:
            value, currency = walk.money(tx.kind, tx.value, tx.currency, tx.value_date)
        except RuleError as refused:
            result.outside.append((tx, refused.problem))
            continue
        result.ledger.append((tx, value, currency))
    steps: list[tuple[str, dt.date]] = []
    if status in ("2", "3", "4", "6"):
        assert start is not None
        steps.append((Status.IMPLEMENTING, start))
    if status in ("3", "4"):
        steps.append((Status.COMPLETED, end or ref_day))
    if status == "4":
        steps.append((Status.CLOSED, max(ref_day, end or ref_day)))
    if status == "6":
        steps.append((Status.SUSPENDED, max(ref_day, start or ref_day)))
    if status == "5" and start is not None:
        steps.append((Status.CANCELLED, max(end or ref_day, start)))
    for to_status, on in steps:
        walk.step(to_status, on)
    result.steps = steps
    result.status = walk.status
    result.approved_on, result.actual_start, result.actual_end, result.ended_on = (
        walk.approved_on,
        walk.actual_start,
        walk.actual_end,
        walk.ended_on,
    )
    result.sectors = _sector_shares(data, sector_for)
    result.location_units = list(location_units)
    result.places = _equal(list(dict.fromkeys(u for u in location_units if u is not None)))
    # The same checks set_sectors and set_places make.
    for sector, _ in result.sectors:
        if sector.archived_at:
            raise am.SECTOR_ARCHIVED(field="sectors", value=sector.name)
    services.check_shares(result.sectors, services.SECTORS, "sectors")
    services.check_shares(result.places, services.PLACES, "places")
    return result


def _sector_shares(data: ActivityData, sector_for: Callable[[str], Sector]) -> list[tuple[Sector, Decimal]]:
    for vocabulary in ("1", "2"):
        rows = [(code, pct) for voc, _, code, pct in data.sectors if voc == vocabulary]
        if rows:
            break
    else:
        return []
    if all(pct is None for _, pct in rows):
        weights = [(sector_for(code), Decimal(1)) for code, _ in rows]
    else:
        weights = [(sector_for(code), pct or Decimal(0)) for code, pct in rows]
        if sum((w for _, w in weights), Decimal(0)) <= 0:
            weights = [(s, Decimal(1)) for s, _ in weights]
    return split_hundred(weights)


def plan_or_problems(*args: Any) -> tuple[Plan | None, list[Problem]]:
    try:
        return plan(*args), []
    except RuleErrors as error:
        return None, error.problems
