"""The figures kept per office and year (caunoi.reports.kept) are never stale: after any sequence of ledger
operations through the services, what a read finds equals a computation from the records; and a report of
several offices is the sum of theirs."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caunoi.aid import corrections, services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, Transaction
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.money import services as rates
from caunoi.money.models import ExchangeRate
from caunoi.reports import kept
from caunoi.reports.aid import aid_summary
from caunoi.reports.dashboard import dashboard
from caunoi.reports.models import YearFigures

pytestmark = pytest.mark.django_db
YEARS = (2021, 2022, 2023)
days = st.dates(dt.date(2021, 1, 1), dt.date(2023, 12, 31))
currencies = st.sampled_from(["USD", "VND", "EUR", "GBP"])
amounts = st.integers(1, 10_000_000).map(Decimal)
index = st.integers(0, 50)
operations = st.one_of(
    st.tuples(st.just("item"), days, st.sampled_from(["project", "programme", "non_project"]), st.booleans()),
    st.tuples(st.just("record"), index, st.sampled_from(["2", "3"]), amounts, currencies, days),
    st.tuples(st.just("correct"), index, amounts, currencies, days),
    st.tuples(
        st.just("rate"),
        st.sampled_from(["EUR", "GBP"]),
        st.sampled_from(["USD", "VND"]),
        st.integers(1, 40_000).map(lambda n: Decimal(n) / 1000),
        days,
        st.booleans(),
    ),
    st.tuples(st.just("correct rate"), index, st.integers(1, 40_000).map(lambda n: Decimal(n) / 1000)),
    st.tuples(st.just("archive rate"), index),
    st.tuples(
        st.just("transition"),
        index,
        st.sampled_from([Status.IMPLEMENTING, Status.APPROVAL_REVOKED, Status.CANCELLED]),
        days,
    ),
    st.tuples(st.just("archive"), index),
)


def apply(operation: tuple[Any, ...], office: Office) -> None:
    """One operation through the services; one a rule refuses changes nothing, which is checked too."""
    what, *args = operation
    items = list(AidItem.objects.filter(office=office).order_by("pk"))
    txs = list(Transaction.objects.filter(office=office).order_by("pk"))
    own_rates = list(ExchangeRate.objects.filter(office=office).order_by("pk"))
    try:
        if what == "item":
            day, modality, approved = args
            services.create_item(
                office,
                code=f"K-{len(items) + 1:03d}",
                title="Dự án thử nghiệm",
                modality=modality,
                status=Status.APPROVED if approved else Status.PROPOSAL,
                decision=services.Decision("1/QĐ-UBND", day, "UBND tỉnh") if approved else None,
                actor=SYSTEM,
            )
        elif what == "record" and items:
            n, kind, amount, currency, day = args
            services.record_transaction(items[n % len(items)], kind, amount, currency, day, actor=SYSTEM)
        elif what == "correct" and txs:
            n, amount, currency, day = args
            tx = txs[n % len(txs)]
            corrections.correct_transaction(
                tx,
                actor=SYSTEM,
                amount=amount,
                currency=currency,
                value_date=day,
                provider=None,
                receiver=None,
                reason="thử",
            )
        elif what == "rate":
            base, quote, value, day, own = args
            rates.record_rate(base, quote, value, day, office=office if own else None, actor=SYSTEM)
        elif what == "correct rate" and own_rates:
            n, value = args
            rates.correct_rate(own_rates[n % len(own_rates)], rate=value, actor=SYSTEM, reason="thử")
        elif what == "archive rate" and own_rates:
            rates.archive_rate(own_rates[args[0] % len(own_rates)], actor=SYSTEM, reason="thử")
        elif what == "transition" and items:
            n, status, day = args
            services.transition(items[n % len(items)], status, day, actor=SYSTEM)
        elif what == "archive" and items:
            services.archive_item(items[args[0] % len(items)], actor=SYSTEM)
    except RuleErrors:
        pass


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(operations, min_size=1, max_size=6))
def test_what_a_read_finds_equals_the_records_after_any_operations(office, yen_bai, steps):
    offices = [office.pk, yen_bai.pk]
    kept.figures_of(offices, YEARS)  # kept before the first change: each change must make them stale
    for operation in steps:
        apply(operation, office)
        found = kept.figures_of(offices, YEARS)
        for office_id in offices:
            for year in YEARS:
                assert found[(office_id, year)] == kept.compute(office_id, year), (operation, year)


def test_a_row_whose_stamp_is_not_the_current_mark_is_computed_again(yen_bai, make_item, approval, office):
    kept.figures_of([office.pk], [2022])
    row = YearFigures.objects.get(office=office, year=2022)
    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "USD", dt.date(2022, 3, 1), actor=SYSTEM)
    found = kept.figures_of([office.pk], [2022])[(office.pk, 2022)]
    assert (found.breakdown.count, found.breakdown.committed.usd_any) == (1, Decimal(1000))
    assert YearFigures.objects.get(office=office, year=2022).stamp != row.stamp
    # A change in another office leaves this office's row as it is, and it is read, not computed.
    stamp = YearFigures.objects.get(office=office, year=2022).stamp
    services.record_transaction(
        AidItem.objects.filter(office=yen_bai).first(), "3", "5", "USD", dt.date(2022, 5, 1), actor=SYSTEM
    )
    kept.figures_of([office.pk, yen_bai.pk], [2022])
    assert YearFigures.objects.get(office=office, year=2022).stamp == stamp


def test_a_report_of_several_offices_is_the_sum_of_theirs(yen_bai, make_item, approval, office):
    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "2500", "USD", dt.date(2022, 3, 1), actor=SYSTEM)
    one, other = aid_summary(yen_bai, 2022), aid_summary(office, 2022)
    both = kept.summed([yen_bai.pk, office.pk], [2022])
    assert both.breakdown.count == one.count + other.count == 22
    assert both.breakdown.committed.usd == one.committed.usd + other.committed.usd == Decimal("1406675")
    together = dashboard([yen_bai, office], 2022, 2022, dt.date(2026, 11, 27))
    assert (together.count, together.committed) == (22, Decimal("1406675.00"))


def test_the_rebuild_command_computes_every_office_year_again(yen_bai):
    YearFigures.objects.all().delete()
    out = StringIO()
    call_command("figures", "rebuild", "--office", "yen-bai", "--year", "2022", stdout=out)
    assert "1 office-years computed again" in out.getvalue()
    assert list(YearFigures.objects.values_list("office__code", "year")) == [("yen-bai", 2022)]
    found = kept.figures_of([yen_bai.pk], [2022])[(yen_bai.pk, 2022)]
    assert (found.breakdown.count, found.breakdown.committed.usd) == (21, Decimal(1404175))
    call_command("figures", "rebuild", stdout=out)
    assert YearFigures.objects.filter(office=yen_bai).count() == len(kept.years_with_records([yen_bai.pk]))


@pytest.mark.parametrize("with_map", [True, False])
@pytest.mark.parametrize("with_report", [True, False])
def test_a_read_gives_the_parts_asked_for_and_leaves_the_others_empty(yen_bai, with_map, with_report):
    computed = kept.compute(yen_bai.pk, 2022)
    kept.figures_of([yen_bai.pk], [2022])  # stored
    found = kept.figures_of([yen_bai.pk], [2022], with_map=with_map, with_report=with_report)
    read = found[(yen_bai.pk, 2022)]
    left_out = {*(() if with_map else kept.MAP_FIELDS), *(() if with_report else kept.REPORT_FIELDS)}
    for name in kept.YearFigures.__dataclass_fields__:
        value = getattr(computed, name)
        assert getattr(read, name) == (type(value)() if name in left_out else value), name
    # Every part holds something to lose (the seed's rates are all entered: nothing missing).
    assert [n for n in (*kept.MAP_FIELDS, *kept.REPORT_FIELDS) if not getattr(computed, n)] == ["missing"]


def test_a_read_for_one_map_unpickles_that_map_alone(yen_bai):
    computed = kept.compute(yen_bai.pk, 2022)
    kept.figures_of([yen_bai.pk], [2022])  # stored
    assert len(computed.on_units) == 4  # two eras, each carried two ways
    for key, carried in computed.on_units.items():
        ((_, read),) = kept.each_figures([yen_bai.pk], [2022], with_report=False, map_key=key)
        assert read.on_units == {key: carried}
        assert read.on_provinces == computed.on_provinces  # the provinces' maps are small: all kept together


def _row(**by_place: int) -> kept.YearFigures:
    from caunoi.reports.figures import Sums

    row = kept.empty()
    for key, usd in by_place.items():
        row.by_place[key] = Sums(usd=Decimal(usd))
        row.breakdown.by_provider[key] = Sums(
            usd=Decimal(usd), by_currency=defaultdict(Decimal, {"USD": Decimal(usd)})
        )
    return row


def test_rows_taken_add_up_as_copies_do_where_their_keys_meet():
    """`summed` takes the sums of keys new to the total from each row it reads instead of copying them; a key
    two rows share is still added up."""
    taken, copied = kept.empty(), kept.empty()
    for places in ({"a": 1, "b": 2}, {"b": 10, "c": 20}, {"a": 100, "c": 200}):
        taken.add(_row(**places), take=True)
        copied.add(_row(**places))
    assert taken == copied
    assert {k: s.usd for k, s in taken.by_place.items()} == {"a": 101, "b": 12, "c": 220}


@pytest.mark.django_db
def test_summed_rows_are_left_as_stored():
    offices = list(Office.objects.values_list("pk", flat=True))
    years = range(2019, 2027)
    taken = kept.summed(offices, years)
    copied = kept.empty()
    for row in kept.figures_of(offices, years).values():
        copied.add(row)
    assert taken.breakdown.count > 0 and taken.by_place and taken.breakdown.by_provider
    assert taken == copied == kept.summed(offices, years)
