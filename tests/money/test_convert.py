import datetime as dt
from decimal import Decimal

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.money.convert import RateBook, convert
from caunoi.money.models import RateSource
from caunoi.money.services import record_rate

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def rates(db):  # type: ignore[no-untyped-def]
    record_rate(
        "EUR",
        "VND",
        Decimal("26000"),
        D(2030, 1, 1),
        RateSource.MOF_ACCOUNTING,
        valid_to=D(2030, 1, 31),
        reference="Thông báo tỷ giá hạch toán tháng 01/2030",
        actor=SYSTEM,
    )
    record_rate(
        "USD",
        "VND",
        Decimal("24000"),
        D(2030, 1, 1),
        RateSource.MOF_ACCOUNTING,
        valid_to=D(2030, 1, 31),
        actor=SYSTEM,
    )
    record_rate(
        "USD",
        "VND",
        Decimal("24500"),
        D(2030, 2, 1),
        RateSource.MOF_ACCOUNTING,
        valid_to=D(2030, 2, 28),
        actor=SYSTEM,
    )


def test_direct_rate_names_itself(rates):
    result = convert(Decimal("100"), "EUR", "VND", D(2030, 1, 15))
    assert (result.amount, result.currency) == (Decimal("2600000.00"), "VND")
    assert [(r.base, r.quote, r.rate, r.source) for r in result.rates] == [
        ("EUR", "VND", Decimal("26000"), "mof_accounting")
    ]
    assert result.rates[0].describe() == (
        "1 EUR = 26.000 VND (tỷ giá hạch toán của bộ tài chính, Thông báo tỷ giá hạch toán tháng 01/2030, "
        "áp dụng từ 01/01/2030)"
    )


def test_inverse_rate(rates):
    result = convert(Decimal("4800000"), "VND", "USD", D(2030, 1, 20))
    assert result.amount == Decimal("200.00")
    assert result.rates[0].inverted is True


def test_cross_rate_goes_through_the_dong(rates):
    result = convert(Decimal("1200"), "EUR", "USD", D(2030, 1, 10))
    assert result.amount == Decimal("1300.00")  # 1200 × 26000 / 24000
    assert [(r.base, r.quote) for r in result.rates] == [("EUR", "VND"), ("USD", "VND")]


def test_the_rate_in_force_on_the_day_is_used(rates):
    assert convert(Decimal(1), "USD", "VND", D(2030, 1, 31)).amount == Decimal("24000.00")
    assert convert(Decimal(1), "USD", "VND", D(2030, 2, 1)).amount == Decimal("24500.00")


def test_no_rate_in_force_is_an_explicit_error(rates):
    with pytest.raises(RuleError) as error:
        convert(Decimal(1), "USD", "VND", D(2030, 3, 1))
    assert error.value.code == "money.no_rate"
    assert error.value.vi == (
        "Chưa có tỷ giá USD/VND áp dụng cho ngày 01/03/2030; hãy nhập tỷ giá (kèm nguồn) trước khi quy đổi."
    )
    with pytest.raises(RuleError):
        convert(Decimal(1), "JPY", "USD", D(2030, 1, 15))


def test_same_currency_needs_no_rate(db):
    result = convert(Decimal("12.34"), "JPY", "JPY", D(1999, 1, 1))
    assert (result.amount, result.rates) == (Decimal("12.34"), ())


def test_an_offices_own_rate_wins_over_the_common_one(rates, yen_bai):
    record_rate(
        "USD", "VND", Decimal("23900"), D(2030, 1, 1), RateSource.BANK_BUYING, office=yen_bai, actor=SYSTEM
    )
    assert RateBook(yen_bai).convert(Decimal(1), "USD", "VND", D(2030, 1, 5)).amount == Decimal("23900.00")
    assert RateBook(None).convert(Decimal(1), "USD", "VND", D(2030, 1, 5)).amount == Decimal("24000.00")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("USD", "VND", Decimal(0), D(2030, 1, 1)), "money.rate_not_positive"),
        (("USD", "VND", Decimal("NaN"), D(2030, 1, 1)), "money.rate_not_positive"),
        (("USD", "VNX", Decimal(1), D(2030, 1, 1)), "money.currency_unknown"),
    ],
)
def test_rates_are_checked(db, args, code):
    with pytest.raises(RuleError) as error:
        record_rate(*args, actor=SYSTEM)
    assert error.value.code == code


def test_a_rate_ends_after_it_starts(db):
    with pytest.raises(RuleError) as error:
        record_rate("USD", "VND", Decimal(1), D(2030, 2, 1), valid_to=D(2030, 1, 1), actor=SYSTEM)
    assert error.value.code == "money.rate_dates"


def test_cross_rate_through_the_dollar_when_the_dong_has_none(db):
    record_rate("EUR", "USD", Decimal("1.10"), D(2031, 1, 1), valid_to=D(2031, 1, 31), actor=SYSTEM)
    record_rate("USD", "VND", Decimal("25000"), D(2031, 1, 1), valid_to=D(2031, 1, 31), actor=SYSTEM)
    result = convert(Decimal("100"), "EUR", "VND", D(2031, 1, 10))
    assert result.amount == Decimal("2750000.00")
    assert [(r.base, r.quote) for r in result.rates] == [("EUR", "USD"), ("USD", "VND")]


def test_a_book_limited_to_some_currencies_still_crosses_through_the_pivots(rates):
    record_rate("JPY", "VND", Decimal("170"), D(2030, 1, 1), valid_to=D(2030, 1, 31), actor=SYSTEM)
    book = RateBook(None, currencies={"EUR"})
    assert book.convert(Decimal(1200), "EUR", "USD", D(2030, 1, 10)).amount == Decimal("1300.00")
    with pytest.raises(RuleError):  # JPY is not in this book
        book.convert(Decimal(1), "JPY", "VND", D(2030, 1, 10))
