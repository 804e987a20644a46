"""Rates the ledger accepts, and conversions that never fail a page."""

import datetime as dt
from decimal import Decimal

import pytest

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.money.convert import RateBook
from caunoi.money.models import ExchangeRate, RateSource
from caunoi.money.services import MAX_RATE, MIN_RATE, record_rate

pytestmark = pytest.mark.django_db
DAY = dt.date(2031, 3, 1)


@pytest.mark.parametrize("rate", [Decimal("1e11"), Decimal("1e-11"), MAX_RATE + 1])
def test_a_rate_outside_the_ledger_s_range_is_refused(rate):
    with pytest.raises(RuleErrors) as refused:
        record_rate("EUR", "USD", rate, DAY, actor=SYSTEM)
    [problem] = refused.value.problems
    assert (problem.code, problem.field) == ("money.rate_range", "rate")
    assert problem.en.endswith("is outside the range the ledger accepts (0.0000000001 to 10,000,000,000).")
    assert not ExchangeRate.objects.filter(valid_from=DAY).exists()


@pytest.mark.parametrize("rate", [MIN_RATE, MAX_RATE])
def test_the_bounds_themselves_are_accepted(rate):
    assert record_rate("EUR", "USD", rate, DAY, actor=SYSTEM).rate == rate


def test_a_long_reference_is_refused_by_the_column_limit():
    with pytest.raises(RuleErrors) as refused:
        record_rate("EUR", "USD", Decimal("1.1"), DAY, reference="R" * 201, actor=SYSTEM)
    assert [(p.code, p.field) for p in refused.value.problems] == [("limits.text_too_long", "reference")]


def test_the_largest_amount_converts_at_the_largest_rate():
    record_rate("EUR", "USD", MAX_RATE, DAY, actor=SYSTEM)
    conversion = RateBook().convert(Decimal("9999999999999.99"), "EUR", "USD", DAY)
    assert conversion.amount == Decimal("99999999999999900000000.00")


def test_a_conversion_beyond_28_digits_is_a_rule_error_not_an_invalid_operation():
    # Behind the service's back: the column holds 14 integer digits.
    ExchangeRate.objects.create(
        base="EUR", quote="USD", rate=Decimal("1e13"), valid_from=DAY, source=RateSource.STAFF
    )
    with pytest.raises(RuleErrors) as refused:
        RateBook().convert(Decimal("9999999999999999.99"), "EUR", "USD", DAY)
    [problem] = refused.value.problems
    assert problem.code == "money.not_converted"
    assert problem.vi.startswith("Không quy đổi được 9.999.999.999.999.999,99 EUR ngày 01/03/2031 sang USD:")
    assert problem.en.startswith(
        "9,999,999,999,999,999.99 EUR of 1 March 2031 could not be converted to USD:"
    )
