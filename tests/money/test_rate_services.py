import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from caunoi.aid import services as aid
from caunoi.aid.closing import close_year, reopen_year
from caunoi.aid.lifecycle import Status
from caunoi.core.errors import RuleError
from caunoi.core.models import Membership, Role
from caunoi.core.permissions import SYSTEM
from caunoi.money.convert import RateBook
from caunoi.money.models import ExchangeRate, RateSource
from caunoi.money.services import archive_rate, correct_rate, rate_for_the_day, record_rate, restore_rate
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def people(office):  # type: ignore[no-untyped-def]
    made = {}
    for name, role in [
        ("bt", Role.EDITOR),
        ("xem1", Role.VIEWER),
        ("qt", Role.OFFICE_ADMIN),
        ("qg", Role.NATIONAL_ADMIN),
    ]:
        user = get_user_model().objects.create(username=name)
        Membership.objects.create(user=user, office=office, role=role)
        made[name] = user
    return made


def _eur(office, actor, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("valid_to", D(2022, 12, 31))
    return record_rate(
        "EUR", "USD", Decimal("1.10"), D(2022, 1, 1), RateSource.DONOR, office=office, actor=actor, **kwargs
    )


def test_a_rate_added_converts_the_transactions_waiting_for_it(make_item, office, approval, people):
    item = make_item(status=Status.APPROVED, decision=approval)
    aid.record_transaction(item, "2", "1000", "USD", D(2022, 3, 1), actor=SYSTEM)
    aid.record_transaction(item, "2", "2000", "EUR", D(2022, 5, 2), actor=SYSTEM)
    waiting = aid_summary(office, 2022)
    assert waiting.committed.usd == Decimal("1000.00")
    assert waiting.committed.unconverted == {"EUR": Decimal("2000.00")}
    assert [p.vi for p in waiting.missing_rates] == [
        "Chưa có tỷ giá EUR/USD áp dụng cho ngày 02/05/2022; hãy nhập tỷ giá (kèm nguồn) trước khi quy đổi."
    ]
    _eur(office, people["bt"], reference="Thỏa thuận tài trợ số 7")
    converted = aid_summary(office, 2022)
    assert converted.committed.usd == Decimal("3200.00")  # 1.000 + 2.000 × 1,10
    assert converted.committed.unconverted == {}
    assert converted.missing_rates == []
    assert [(r.base, r.quote, r.rate, r.source) for r in converted.rates if r.base == "EUR"] == [
        ("EUR", "USD", Decimal("1.10"), "donor")
    ]


def test_editors_enter_their_offices_rates_and_the_history_names_them(office, people):
    rate = _eur(office, people["bt"])
    assert rate.history.get().history_user == people["bt"]
    with pytest.raises(RuleError) as error:
        _eur(office, people["xem1"], valid_to=None)
    assert error.value.code == "permission.denied"


def test_common_rates_belong_to_the_national_administrator(office, people):
    with pytest.raises(RuleError) as error:
        record_rate("EUR", "USD", Decimal("1.1"), D(2040, 1, 1), actor=people["qt"])
    assert error.value.code == "money.rate_common_national"
    rate = record_rate("EUR", "USD", Decimal("1.1"), D(2040, 1, 1), actor=people["qg"])
    assert (rate.office, rate.history.get().history_user) == (None, people["qg"])


def test_two_live_rates_of_a_pair_never_cover_the_same_day(office, people):
    first = _eur(office, people["bt"])
    for base, quote, start in [("EUR", "USD", D(2022, 12, 31)), ("USD", "EUR", D(2021, 6, 1))]:
        with pytest.raises(RuleError) as error:
            record_rate(base, quote, Decimal("0.9"), start, office=office, actor=people["bt"])
        assert error.value.code == "money.rate_overlap"
        assert "1 EUR = 1,1 USD, 01/01/2022–31/12/2022" in error.value.problems[0].vi
    # the next year, and a common rate of the same days: no overlap
    record_rate("EUR", "USD", Decimal("1.2"), D(2023, 1, 1), office=office, actor=people["bt"])
    record_rate("EUR", "USD", Decimal("1.2"), D(2022, 1, 1), actor=people["qg"])
    archive_rate(first, actor=people["bt"], reason="Nhập nhầm nguồn")
    second = _eur(office, people["bt"])
    assert second.pk != first.pk


def test_correct_archive_and_restore_keep_the_history(make_item, office, approval, people):
    item = make_item(status=Status.APPROVED, decision=approval)
    aid.record_transaction(item, "2", "1000", "EUR", D(2022, 3, 1), actor=SYSTEM)
    rate = _eur(office, people["bt"])
    correct_rate(rate, rate=Decimal("1.05"), actor=people["bt"], reason="Sai số")
    assert aid_summary(office, 2022).committed.usd == Decimal("1050.00")
    archive_rate(rate, actor=people["bt"])
    assert aid_summary(office, 2022).committed.unconverted == {"EUR": Decimal("1000.00")}
    assert ("EUR", "USD") not in RateBook(office)._rates
    with pytest.raises(RuleError) as error:
        restore_rate(rate, actor=people["bt"])  # editors archive; restoring is the administrator's
    assert error.value.code == "permission.denied"
    restore_rate(rate, actor=people["qt"])
    assert aid_summary(office, 2022).committed.usd == Decimal("1050.00")
    history = [
        (h.history_user.username, h.rate, h.archived_at is not None) for h in rate.history.order_by("pk")
    ]
    assert history == [
        ("bt", Decimal("1.1000000000"), False),
        ("bt", Decimal("1.0500000000"), False),
        ("bt", Decimal("1.0500000000"), True),
        ("qt", Decimal("1.0500000000"), False),
    ]
    assert rate.history.order_by("pk")[1].history_change_reason == "Sai số"


def test_an_archived_rate_is_restored_only_if_no_other_covers_its_days(office, people):
    rate = _eur(office, people["bt"])
    archive_rate(rate, actor=people["bt"])
    _eur(office, people["bt"])
    with pytest.raises(RuleError) as error:
        restore_rate(rate, actor=people["qt"])
    assert error.value.code == "money.rate_overlap"
    rate.refresh_from_db()
    assert rate.archived_at is not None


def test_a_locked_years_rates_do_not_change_until_it_is_reopened(office, people):
    rate = _eur(office, people["bt"])
    close_year(office, 2022, actor=people["qt"])
    for change in [
        lambda: correct_rate(rate, rate=Decimal("2"), actor=people["bt"]),
        lambda: archive_rate(rate, actor=people["bt"]),
        lambda: record_rate("JPY", "USD", Decimal("0.007"), D(2021, 6, 1), office=office, actor=people["bt"]),
    ]:
        with pytest.raises(RuleError) as error:
            change()
        assert error.value.code == "money.rate_year_closed"
    rate.refresh_from_db()
    assert (rate.rate, rate.archived_at) == (Decimal("1.1000000000"), None)
    record_rate("JPY", "USD", Decimal("0.007"), D(2023, 1, 1), office=office, actor=people["bt"])
    reopen_year(office, 2022, actor=people["qt"], reason="Sửa tỷ giá")
    correct_rate(rate, rate=Decimal("2"), actor=people["bt"])


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"rate": Decimal("-1")}, "money.rate_not_positive"),
        ({"valid_to": D(2021, 1, 1)}, "money.rate_dates"),
        ({"source": "guess"}, "money.rate_source_unknown"),
    ],
)
def test_a_refused_correction_changes_nothing(office, people, fields, code):
    rate = _eur(office, people["bt"])
    with pytest.raises(RuleError) as error:
        correct_rate(rate, actor=people["bt"], **fields)
    assert error.value.code == code
    assert ExchangeRate.objects.get(pk=rate.pk).rate == Decimal("1.1")
    assert rate.history.count() == 1


def test_a_pair_of_one_currency_is_refused(office, people):
    with pytest.raises(RuleError) as error:
        record_rate("usd", "USD", Decimal(1), D(2022, 1, 1), office=office, actor=people["bt"])
    assert error.value.code == "money.rate_same_currency"


def test_a_rate_typed_beside_a_transaction_reuses_the_same_rate_in_force(office, people):
    kept = _eur(office, people["bt"])
    same = rate_for_the_day("eur", "usd", Decimal("1.1"), D(2022, 6, 1), "YB-1", office, actor=people["bt"])
    assert same.pk == kept.pk
    assert ExchangeRate.objects.filter(office=office).count() == 1
    with pytest.raises(RuleError) as refused:
        rate_for_the_day("EUR", "USD", Decimal("1.2"), D(2022, 6, 1), "YB-1", office, actor=people["bt"])
    assert refused.value.code == "money.rate_overlap"
    new = rate_for_the_day("EUR", "USD", Decimal("1.2"), D(2023, 6, 1), "YB-2", office, actor=people["bt"])
    assert (new.valid_from, new.valid_to, new.source, new.reference) == (
        D(2023, 6, 1),
        D(2023, 6, 1),
        RateSource.STAFF,
        "YB-2",
    )
    with pytest.raises(RuleError):
        rate_for_the_day("EUR", "USD", Decimal("1.1"), D(2022, 6, 1), "YB-1", office, actor=people["xem1"])
    assert ExchangeRate.objects.filter(office=office).count() == 2
