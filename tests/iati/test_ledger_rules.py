"""The import plans items without calling the services (it writes in bulk); these tests hold its replay of
the services' inline checks (ledger._Walk) to the services' own answers, case by case."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.db import transaction

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.iati.ledger import _Walk, split_hundred

DECISION = services.Decision("IATI:X", dt.date(2022, 3, 1), "Donor")
TODAY = dt.date(2026, 11, 27)


def _outcome(call) -> str:
    try:
        with transaction.atomic():
            call()
    except RuleErrors as error:
        return error.problems[0].code
    return "ok"


def _entry(status: str) -> dict:
    if status == Status.APPROVED:
        return {"status": status, "decision": DECISION}
    return {"status": status, "entered_on": dt.date(2022, 3, 1)}


@pytest.mark.parametrize(
    ("status", "kind", "amount", "value_date"),
    list(
        itertools.product(
            [Status.PROPOSAL, Status.APPROVED, Status.CANCELLED],
            ["1", "2", "3", "4"],
            ["100", "0", "-5", "1.234"],
            [dt.date(2022, 5, 1), dt.date(2027, 1, 1)],
        )
    ),
)
def test_transaction_rules_match_the_service(make_item, status, kind, amount, value_date):
    item = make_item(**_entry(status))
    walk = _Walk(item.code, TODAY)
    walk.enter(status, dt.date(2022, 3, 1), DECISION if status == Status.APPROVED else None)

    expected = _outcome(
        lambda: services.record_transaction(item, kind, Decimal(amount), "USD", value_date, actor=SYSTEM)
    )
    found = _outcome(lambda: walk.money(kind, Decimal(amount), "USD", value_date))

    assert found == expected


@pytest.mark.parametrize(
    "steps",
    [
        [(Status.IMPLEMENTING, dt.date(2022, 3, 1)), (Status.COMPLETED, dt.date(2023, 1, 1))],
        [(Status.IMPLEMENTING, dt.date(2022, 2, 1))],
        [(Status.IMPLEMENTING, dt.date(2027, 1, 1))],
        [(Status.IMPLEMENTING, dt.date(2022, 4, 1)), (Status.COMPLETED, dt.date(2022, 3, 15))],
        [(Status.COMPLETED, dt.date(2023, 1, 1))],
        [(Status.CANCELLED, dt.date(2023, 1, 1))],
        [(Status.IMPLEMENTING, dt.date(2022, 4, 1)), (Status.SUSPENDED, dt.date(2024, 1, 1))],
        [(Status.IMPLEMENTING, dt.date(2022, 4, 1)), (Status.CANCELLED, dt.date(2024, 1, 1))],
    ],
)
def test_lifecycle_rules_match_the_service(make_item, steps):
    item = make_item(status=Status.APPROVED, decision=DECISION)
    walk = _Walk(item.code, TODAY)
    walk.enter(Status.APPROVED, DECISION.date, DECISION)

    def by_service() -> None:
        for to_status, on in steps:
            services.transition(item, to_status, on, actor=SYSTEM)

    def by_walk() -> None:
        for to_status, on in steps:
            walk.step(to_status, on)

    outcome = _outcome(by_walk)
    assert outcome == _outcome(by_service)
    if outcome != "ok":  # the service's steps rolled back, the walk's stopped halfway: nothing to compare
        return
    item.refresh_from_db()
    assert (walk.status, walk.actual_start, walk.actual_end, walk.ended_on) == (
        item.status,
        item.actual_start,
        item.actual_end,
        item.ended_on,
    )


def test_split_hundred_rescales_to_exactly_100():
    shares = split_hundred([("a", Decimal(1)), ("b", Decimal(1)), ("c", Decimal(1))])
    assert shares == [("a", Decimal("33.34")), ("b", Decimal("33.33")), ("c", Decimal("33.33"))]
    assert split_hundred([("a", Decimal(30)), ("b", Decimal(30)), ("a", Decimal(0))]) == [
        ("a", Decimal("50.00")),
        ("b", Decimal("50.00")),
    ]
