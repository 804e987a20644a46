"""Web forms: numbers written the Vietnamese way, and the limits said next to their field."""

from decimal import Decimal

import pytest

from caunoi.aid.models import AidItem, Transaction
from caunoi.web.forms import NumberField, WholeNumberField

pytestmark = pytest.mark.django_db

NEW_ITEM = {
    "office": "yen-bai",
    "code": "WEB-LIM-1",
    "modality": "project",
    "title": "Dự án thử giới hạn",
    "entered_on": "2026-11-01",
}


def _errors(response, field):  # type: ignore[no-untyped-def]
    return [str(e) for e in response.context["form"].errors.get(field, [])]


def test_a_count_written_the_vietnamese_way(login):
    response = login("bientap").post("/aid/new/", {**NEW_ITEM, "beneficiaries_count": "1.404.175"})
    assert response.status_code == 302
    assert AidItem.objects.get(code="WEB-LIM-1").beneficiaries_count == 1404175


def test_a_25_digit_count_is_refused_next_to_its_field(login, drawn_pages):
    response = login("bientap").post("/aid/new/", {**NEW_ITEM, "beneficiaries_count": "1" + "0" * 24})
    assert response.status_code == 200
    assert _errors(response, "beneficiaries_count") == [
        "“số người hưởng lợi” phải từ 0 đến 2.147.483.647 (nhận được 1000000000000000000000000)."
    ]
    assert not AidItem.objects.filter(code="WEB-LIM-1").exists()


def test_a_600_character_title_is_refused(login, drawn_pages):
    response = login("bientap").post("/aid/new/", {**NEW_ITEM, "title": "T" * 600})
    assert response.status_code == 200
    assert len(_errors(response, "title")) == 1
    assert not AidItem.objects.filter(code="WEB-LIM-1").exists()


def test_the_english_message_for_an_english_reader(login, drawn_pages):
    client = login("bientap")
    client.post("/language/", {"language": "en", "next": "/"})
    response = client.post("/aid/new/", {**NEW_ITEM, "beneficiaries_count": "1" + "0" * 24})
    assert _errors(response, "beneficiaries_count") == [
        "“number of beneficiaries” must be between 0 and 2,147,483,647 (got 1000000000000000000000000)."
    ]


@pytest.mark.parametrize(
    ("typed", "stored"), [("8612,50", "8612.50"), ("1.404.175", "1404175"), ("8612.5", "8612.5")]
)
def test_a_transaction_amount_written_as_staff_write_it(login, yen_bai, typed, stored):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    data = {"kind": "2", "amount": typed, "currency": "USD", "value_date": "2022-06-01"}
    response = login("bientap").post(f"/aid/{item.pk}/transactions/", data)
    assert response.status_code == 302
    assert Transaction.objects.filter(item=item, value_date="2022-06-01").get().amount == Decimal(stored)


def test_a_40_digit_amount_is_refused_next_to_its_field(login, yen_bai, drawn_pages):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    before = Transaction.objects.count()
    data = {"kind": "2", "amount": "1" * 40, "currency": "USD", "value_date": "2022-06-01"}
    response = login("bientap").post(f"/aid/{item.pk}/transactions/", data)
    assert response.status_code == 400
    errors = [str(e) for e in response.context["transaction_form"].errors["amount"]]
    assert errors == [f"Số tiền {'1' * 40} quá lớn: sổ viện trợ nhận số tiền tối đa 9.999.999.999.999,99."]
    assert Transaction.objects.count() == before


def test_a_rate_too_large_for_any_conversion_is_refused(login, yen_bai, drawn_pages):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    before = Transaction.objects.count()
    data = {
        "kind": "2",
        "amount": "100",
        "currency": "EUR",
        "value_date": "2022-06-01",
        "rate_to_usd": "1e11",
    }
    response = login("bientap").post(f"/aid/{item.pk}/transactions/", data)
    assert response.status_code == 400
    assert [str(e) for e in response.context["transaction_form"].errors["rate_to_usd"]] == [
        "Nhập một số, ví dụ 1.404.175 hoặc 8612,50."
    ]
    data["rate_to_usd"] = "100.000.000.000"
    response = login("bientap").post(f"/aid/{item.pk}/transactions/", data)
    assert [str(e) for e in response.context["transaction_form"].errors["rate_to_usd"]] == [
        "Tỷ giá 100000000000 nằm ngoài khoảng sổ viện trợ nhận (0,0000000001 đến 10.000.000.000)."
    ]
    assert Transaction.objects.count() == before


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("1.404.175", "1404175"),
        ("8612,50", "8612.50"),
        ("8612.50", "8612.50"),
        ("0.0000384615", "0.0000384615"),
    ],
)
def test_number_field_reads_what_the_spreadsheet_reads(typed, number):
    assert NumberField(required=False).clean(typed) == Decimal(number)


@pytest.mark.parametrize("typed", ["1e3", "1,404,175", "abc", "1.40.1"])
def test_number_field_refuses_other_forms(typed):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        NumberField(required=False).clean(typed)


def test_whole_number_field_refuses_decimals():
    from django.core.exceptions import ValidationError

    assert WholeNumberField().clean("1.404.175") == 1404175
    with pytest.raises(ValidationError):
        WholeNumberField().clean("12,5")
