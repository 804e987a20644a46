"""Amounts no service accepts any more, stored before (or behind the services' back), never break a page."""

from decimal import Decimal

import pytest

from caunoi.aid.converted import fill_converted
from caunoi.aid.models import AidItem, Transaction
from caunoi.core import marks
from caunoi.money.models import ExchangeRate, RateSource

pytestmark = pytest.mark.django_db

# 16 digits and cents: the column (max_digits=18) holds it, SQLite's float does not (it reads 10^16).
HUGE = Decimal("9999999999999999.99")


@pytest.fixture
def huge_usd(yen_bai):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    tx = item.transactions.filter(currency="USD").order_by("pk").first()
    # As the old service stored it: the row and its history row ("+") both carry the amount.
    Transaction.objects.filter(pk=tx.pk).update(amount=HUGE)
    Transaction.history.filter(id=tx.pk).update(amount=HUGE)
    # Behind the services' back, so neither the stored conversions nor the marks moved: as a rate service
    # would, convert again and move them, or pages would show what the records no longer say.
    fill_converted(Transaction.objects.filter(pk=tx.pk))
    marks.touch([yen_bai.pk, None])
    return item, tx


def _pages(item):
    return [
        f"/aid/{item.pk}/",
        "/transactions/?sort=-amount",
        f"/aid/{item.pk}/history/",
        "/aid/",
        "/reports/aid/?year=2022&office=yen-bai",
        "/dashboard/",
    ]


def test_a_huge_stored_amount_breaks_no_page_for_a_viewer(login, huge_usd):
    item, _tx = huge_usd
    client = login("xem")
    for url in _pages(item):
        assert client.get(url).status_code == 200, url
    listing = client.get("/transactions/?sort=-amount").content.decode()
    assert "YB-2022-15" in listing


def test_pages_still_answer_after_the_row_is_deleted(login, huge_usd):
    """Its history rows keep the amount: the history page read them and failed for good on SQLite."""
    item, tx = huge_usd
    Transaction.objects.filter(pk=tx.pk).delete()
    marks.touch([item.office_id, None])
    assert Transaction.history.filter(id=tx.pk, amount__gt=Decimal("1e15")).exists()
    client = login("xem")
    for url in _pages(item):
        assert client.get(url).status_code == 200, url


def test_a_conversion_beyond_the_decimal_context_is_shown_as_not_converted(login, huge_usd, drawn_pages):
    """A rate no service accepts (10^13) times the stored amount is over 10^29: more than 28 digits."""
    item, tx = huge_usd
    ExchangeRate.objects.create(
        base="USD",
        quote="VND",
        rate=Decimal("1e13"),
        valid_from=tx.value_date,
        valid_to=tx.value_date,
        source=RateSource.STAFF,
        office=item.office,
    )
    fill_converted(item.transactions.all())
    marks.touch([None])
    response = login("xem").get(f"/aid/{item.pk}/")
    assert response.status_code == 200
    assert "Không quy đổi được" in response.content.decode()
    assert login("xem").get("/reports/aid/?year=2022&office=yen-bai").status_code == 200


def test_the_money_panel_names_the_amount_not_converted(huge_usd):
    from caunoi.web.money_panel import money_panel

    item, tx = huge_usd
    ExchangeRate.objects.create(
        base="USD",
        quote="VND",
        rate=Decimal("1e13"),
        valid_from=tx.value_date,
        valid_to=tx.value_date,
        source=RateSource.STAFF,
        office=item.office,
    )
    fill_converted(item.transactions.all())
    panel = money_panel(item, list(item.transactions.all()))
    assert panel.vnd is None
    assert panel.usd is not None
    day = tx.value_date.strftime("%d/%m/%Y")
    assert any(
        p.startswith("Không quy đổi được ") and f"USD ngày {day} sang VND" in p for p in panel.problems
    )
