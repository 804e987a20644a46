"""Each transaction keeps its USD and VND values and the rate rows that gave them (caunoi.aid.converted)."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest

from caunoi.aid import services as aid
from caunoi.aid.converted import fill_converted
from caunoi.aid.corrections import correct_transaction, reverse_transaction
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import Transaction
from caunoi.aid.models import TransactionKind as K
from caunoi.aid.years import items_of_year
from caunoi.core.permissions import SYSTEM
from caunoi.money.convert import RateBook
from caunoi.money.models import ExchangeRate, RateSource
from caunoi.money.services import archive_rate, correct_rate, record_rate, restore_rate
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db
D = dt.date


def _rate(office, base, quote, rate, first=None, last=None):  # type: ignore[no-untyped-def]
    """A rate of the office, in force in 2022 unless told."""
    first, last = first or D(2022, 1, 1), last or D(2022, 12, 31)
    return record_rate(base, quote, Decimal(rate), first, RateSource.STAFF, last, "", office, actor=SYSTEM)


def _common_usd_vnd(year):  # type: ignore[no-untyped-def]
    """The demo's common USD/VND rate of the year (23.500 in 2022, 24.000 in 2023)."""
    return ExchangeRate.objects.get(office=None, base="USD", quote="VND", valid_from=D(year, 1, 1))


def _stored(tx):  # type: ignore[no-untyped-def]
    tx = Transaction.objects.get(pk=tx.pk)
    return (
        tx.usd_value,
        tx.usd_rate_id,
        tx.usd_cross_rate_id,
        tx.vnd_value,
        tx.vnd_rate_id,
        tx.vnd_cross_rate_id,
    )


def test_a_recorded_transaction_keeps_its_values_and_rates(make_item, office, approval):
    eur = _rate(office, "EUR", "USD", "1.10")
    usd_vnd = _rate(office, "USD", "VND", "24000")
    item = make_item(status=Status.APPROVED, decision=approval)
    tx = aid.record_transaction(item, "2", "1000.50", "EUR", D(2022, 3, 1), actor=SYSTEM)
    # VND through the dollar: 1.000,50 × 1,10 × 24.000.
    assert _stored(tx) == (Decimal("1100.55"), eur.pk, None, Decimal("26413200.00"), eur.pk, usd_vnd.pk)
    in_usd = aid.record_transaction(item, "2", "300", "USD", D(2022, 3, 1), actor=SYSTEM)
    assert _stored(in_usd) == (Decimal("300.00"), None, None, Decimal("7200000.00"), usd_vnd.pk, None)
    in_vnd = aid.record_transaction(item, "2", "1000", "VND", D(2022, 3, 1), actor=SYSTEM)
    # 1.000 / 24.000 = 0,041666…: to the cent, half up, as RateBook.convert.
    assert _stored(in_vnd) == (Decimal("0.04"), usd_vnd.pk, None, Decimal("1000.00"), None, None)


def test_no_rate_in_force_leaves_the_values_empty(make_item, office, approval):
    item = make_item(status=Status.APPROVED, decision=approval)
    tx = aid.record_transaction(item, "2", "1000", "CHF", D(2022, 3, 1), actor=SYSTEM)
    assert _stored(tx) == (None, None, None, None, None, None)


def test_correcting_reconverts_and_reversing_keeps_the_values(make_item, office, approval):
    eur = _rate(office, "EUR", "USD", "1.10")
    later = _rate(office, "EUR", "USD", "1.20", D(2023, 1, 1), D(2023, 12, 31))
    usd_vnd = _common_usd_vnd(2023)  # 24.000: the office has none of its own
    item = make_item(status=Status.APPROVED, decision=approval)
    tx = aid.record_transaction(item, "2", "1000", "EUR", D(2022, 3, 1), actor=SYSTEM)
    assert _stored(tx)[:2] == (Decimal("1100.00"), eur.pk)
    fixed = correct_transaction(
        tx,
        actor=SYSTEM,
        amount="2000",
        currency="EUR",
        value_date=D(2023, 2, 1),
        provider=None,
        receiver=None,
    )
    assert _stored(fixed) == (
        Decimal("2400.00"),
        later.pk,
        None,
        Decimal("57600000.00"),
        later.pk,
        usd_vnd.pk,
    )
    in_usd = correct_transaction(
        fixed,
        actor=SYSTEM,
        amount="2000",
        currency="USD",
        value_date=D(2023, 2, 1),
        provider=None,
        receiver=None,
    )
    assert _stored(in_usd) == (Decimal("2000.00"), None, None, Decimal("48000000.00"), usd_vnd.pk, None)
    reverse_transaction(in_usd, actor=SYSTEM, reason="Nhập trùng")
    assert _stored(in_usd) == (Decimal("2000.00"), None, None, Decimal("48000000.00"), usd_vnd.pk, None)


def test_a_rate_added_corrected_archived_restored_reconverts_exactly_what_it_covers(
    make_item, office, approval
):
    item = make_item(status=Status.APPROVED, decision=approval)
    march = aid.record_transaction(item, "2", "1000", "EUR", D(2022, 3, 1), actor=SYSTEM)
    june = aid.record_transaction(item, "2", "1000", "EUR", D(2022, 6, 1), actor=SYSTEM)
    next_year = aid.record_transaction(item, "2", "1000", "EUR", D(2023, 3, 1), actor=SYSTEM)
    pounds = aid.record_transaction(item, "2", "1000", "GBP", D(2022, 3, 1), actor=SYSTEM)
    dollars = aid.record_transaction(item, "2", "1000", "USD", D(2022, 3, 1), actor=SYSTEM)
    empty = (None, None, None, None, None, None)
    dollar_alone = (Decimal("1000.00"), None, None, Decimal("23500000.00"), _common_usd_vnd(2022).pk, None)

    rate = _rate(office, "EUR", "USD", "1.10")
    assert [_stored(t)[:2] for t in (march, june)] == [(Decimal("1100.00"), rate.pk)] * 2
    assert (_stored(next_year), _stored(pounds), _stored(dollars)) == (empty, empty, dollar_alone)

    correct_rate(rate, actor=SYSTEM, rate=Decimal("1.20"), valid_to=D(2022, 4, 30), reason="Sai số")
    assert _stored(march)[:2] == (Decimal("1200.00"), rate.pk)
    assert (_stored(june), _stored(next_year), _stored(pounds)) == (empty, empty, empty)

    usd_vnd = _rate(office, "USD", "VND", "24000")  # between the pivots: every currency's VND value
    assert _stored(march) == (Decimal("1200.00"), rate.pk, None, Decimal("28800000.00"), rate.pk, usd_vnd.pk)
    assert _stored(dollars) == (Decimal("1000.00"), None, None, Decimal("24000000.00"), usd_vnd.pk, None)
    assert (_stored(june), _stored(pounds)) == (empty, empty)

    archive_rate(rate, actor=SYSTEM, reason="Nhầm nguồn")
    assert _stored(march) == empty
    assert _stored(dollars) == (Decimal("1000.00"), None, None, Decimal("24000000.00"), usd_vnd.pk, None)
    restore_rate(rate, actor=SYSTEM)
    assert _stored(march) == (Decimal("1200.00"), rate.pk, None, Decimal("28800000.00"), rate.pk, usd_vnd.pk)


def test_the_seed_figures_are_the_same_converted_at_report_time(yen_bai):
    """The stored values sum to what converting each (currency, day) group at report time gave."""
    assert fill_converted(Transaction.objects.all()) == 0  # the migration's backfill agrees with save()
    summary = aid_summary(yen_bai, 2022)
    book = RateBook(yen_bai)
    commitments = Transaction.objects.counted().filter(
        item__in=items_of_year([yen_bai], 2022).values("pk"), kind=K.COMMITMENT
    )
    disbursements = Transaction.objects.counted().filter(
        office=yen_bai, kind=K.DISBURSEMENT, value_date__year=2022, item__archived_at__isnull=True
    )
    for found, money in ((commitments, summary.committed), (disbursements, summary.disbursed)):
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for tx in found:
            for quote in ("USD", "VND"):
                totals[quote] += tx.amount * book.factor(tx.currency, quote, tx.value_date)[0]
        assert (money.usd, money.vnd) == (totals["USD"].quantize(Decimal("0.01")), totals["VND"].quantize(1))
    assert (summary.count, summary.committed.usd) == (21, Decimal("1404175"))
    assert summary.disbursed.usd == Decimal("648087.50")
