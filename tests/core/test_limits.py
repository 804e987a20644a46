"""core.limits: every column's limit is a rule, the same on SQLite and PostgreSQL."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caunoi.aid.models import AidItem, ItemSector, Transaction
from caunoi.core import audit, limits
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.iati.models import IatiActivity


def _one(model, **values):  # type: ignore[no-untyped-def]
    problems = limits.check(model, values)
    assert len(problems) == 1, problems
    return problems[0]


def test_a_600_character_title():
    problem = _one(AidItem, title="x" * 600)
    assert (problem.code, problem.field) == ("limits.text_too_long", "title")
    assert problem.vi == "“tên” dài 600 ký tự; tối đa 500 ký tự."
    assert problem.en == "“name” is 600 characters long; at most 500 are allowed."


def test_a_74_character_code():
    problem = _one(AidItem, code="M" * 74)
    assert (problem.field, problem.params["length"], problem.params["limit"]) == ("code", 74, 60)


def test_an_identifier_over_200_characters():
    problem = _one(IatiActivity, iati_identifier="XM-" + "9" * 2_000_000)
    assert (problem.field, problem.params["length"], problem.params["limit"]) == (
        "iati_identifier",
        2_000_003,
        200,
    )
    assert problem.vi == "“mã IATI” dài 2.000.003 ký tự; tối đa 200 ký tự."
    assert problem.en == "“IATI identifier” is 2,000,003 characters long; at most 200 are allowed."


def test_a_25_digit_beneficiary_count():
    problem = _one(AidItem, beneficiaries_count=10**24)
    assert (problem.code, problem.field) == ("limits.number_out_of_range", "beneficiaries_count")
    assert problem.vi == (
        "“số người hưởng lợi” phải từ 0 đến 2.147.483.647 (nhận được 1000000000000000000000000)."
    )
    assert problem.en == (
        "“number of beneficiaries” must be between 0 and 2,147,483,647 (got 1000000000000000000000000)."
    )


def test_a_small_integer_column_holds_32767_not_32768():
    assert limits.check(IatiActivity, {"hierarchy": 32767}) == []
    assert _one(IatiActivity, hierarchy=32768).params["high"] == 32767
    assert _one(IatiActivity, hierarchy=-1).field == "hierarchy"


def test_a_40_digit_amount_is_a_problem_not_an_invalid_operation():
    problem = _one(Transaction, amount=Decimal("1" * 40))
    assert (problem.code, problem.field) == ("limits.decimal_too_large", "amount")
    assert problem.params["limit"] == Decimal("1e16")
    assert (
        problem.vi
        == "“số tiền” quá lớn (nhận được 1111111111111111111111111111111111111111); phải nhỏ hơn 10.000.000.000.000.000."
    )
    assert problem.params["value"] == "1" * 40


def test_decimals_beyond_the_column_places():
    problem = _one(ItemSector, share=Decimal("33.333"))
    assert (problem.code, problem.params["places"]) == ("limits.decimal_too_precise", 2)
    assert limits.check(ItemSector, {"share": Decimal("33.330")}) == []
    assert _one(ItemSector, share=Decimal("NaN")).code == "limits.not_a_number"


def test_every_problem_of_a_record_is_named():
    item = AidItem(code="C" * 61, title="T" * 501, modality="project", beneficiaries_count=-5)
    with pytest.raises(RuleErrors) as refused:
        limits.ensure(item)
    assert [p.field for p in refused.value.problems] == ["code", "title", "beneficiaries_count"]


@pytest.mark.django_db
def test_audit_save_refuses_and_writes_nothing(office):
    item = AidItem(office=office, code="X", title="T" * 501, modality="project")
    with pytest.raises(RuleErrors) as refused:
        audit.save(item, SYSTEM)
    assert refused.value.problems[0].field == "title"
    assert item.pk is None and not AidItem.objects.filter(office=office).exists()


@given(st.integers())
def test_integer_range_is_postgresql_s(value):
    found = limits.check(AidItem, {"beneficiaries_count": value})
    assert (found == []) == (0 <= value <= 2**31 - 1)


@given(st.text(max_size=80))
def test_text_length_counts_characters(value):
    found = limits.check(AidItem, {"code": value})
    assert (found == []) == (len(value) <= 60)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimal_limits_agree_with_the_column(value):
    found = limits.check(Transaction, {"amount": value})
    fits = abs(value) < Decimal(10) ** 16 and value == value.quantize(Decimal("0.01"))
    assert (found == []) == fits
