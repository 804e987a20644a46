"""The exchange-rate pages on the demo: bientap (editor) and quantri (administrator) work for Lào Cai, which
carries on Yên Bái's records; xem only reads."""

import datetime as dt
from decimal import Decimal

import pytest

from caunoi.aid import services as aid
from caunoi.aid.models import AidItem
from caunoi.core.permissions import SYSTEM
from caunoi.money.models import ExchangeRate
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db
D = dt.date


def text(response):  # type: ignore[no-untyped-def]
    return response.content.decode()


@pytest.fixture
def item(yen_bai):  # type: ignore[no-untyped-def]
    return AidItem.objects.get(office=yen_bai, code="YB-2022-15")


NEW = {
    "office": "yen-bai",
    "base": "chf",
    "quote": "USD",
    "rate": "1,12",
    "valid_from": "2022-01-01",
    "valid_to": "2022-12-31",
    "source": "donor",
    "reference": "Thỏa thuận tài trợ 2022",
}


def test_an_editor_adds_a_rate_and_the_item_page_names_it(login, item, yen_bai, drawn_pages):
    aid.record_transaction(item, "3", "500", "CHF", D(2022, 6, 1), actor=SYSTEM)
    client = login("bientap")
    waiting = text(client.get(f"/aid/{item.pk}/"))
    assert "Chưa quy đổi" in waiting and "Chưa có tỷ giá CHF/USD áp dụng cho ngày 01/06/2022" in waiting
    before = aid_summary(yen_bai, 2022).disbursed
    assert before.unconverted == {"CHF": Decimal("500.00")}

    assert client.get("/rates/new/").status_code == 200
    assert client.post("/rates/new/", NEW).status_code == 302
    rate = ExchangeRate.objects.get(base="CHF")
    assert (rate.office, rate.rate, rate.history.get().history_user.username) == (
        yen_bai,
        Decimal("1.12"),
        "bientap",
    )

    page = text(client.get(f"/aid/{item.pk}/"))
    assert "560 USD" in page  # 500 CHF × 1,12
    assert (
        "1 CHF = 1,12 USD (tỷ giá do nhà tài trợ báo, Thỏa thuận tài trợ 2022, áp dụng từ 01/01/2022)" in page
    )
    after = aid_summary(yen_bai, 2022).disbursed
    assert (after.unconverted, after.usd) == ({}, before.usd + Decimal("560.00"))
    listed = text(client.get("/rates/?currency=CHF"))
    assert "1 CHF = 1,12 USD" in listed and "bientap" in listed and "Tỷ giá do nhà tài trợ báo" in listed
    assert "1 USD = 23.500 VND" not in listed


def test_a_second_rate_for_the_same_days_is_refused_beside_its_field(login):
    client = login("bientap")
    client.post("/rates/new/", NEW)
    response = client.post("/rates/new/", {**NEW, "rate": "1,2", "valid_from": "2022-06-01"})
    assert response.status_code == 200
    assert (
        "Đã có tỷ giá CHF/USD áp dụng trong thời gian này (1 CHF = 1,12 USD, 01/01/2022–31/12/2022)"
        in text(response)
    )
    assert ExchangeRate.objects.filter(base="CHF").count() == 1


def test_correct_archive_and_restore_through_the_pages(login):
    editor = login("bientap")
    editor.post("/rates/new/", NEW)
    rate = ExchangeRate.objects.get(base="CHF")
    form = {**NEW, "rate": "1,1", "reason": "Sai số"}
    assert editor.post(f"/rates/{rate.pk}/edit/", form).status_code == 302
    rate.refresh_from_db()
    assert (rate.rate, rate.history.latest().history_change_reason) == (Decimal("1.1"), "Sai số")
    editor.post(f"/rates/{rate.pk}/archive/")
    rate.refresh_from_db()
    assert rate.archived_at is not None
    assert f"rate-{rate.pk}" not in text(editor.get("/rates/"))
    assert f"rate-{rate.pk}" in text(editor.get("/rates/?archived=1"))
    editor.post(f"/rates/{rate.pk}/restore/")  # an editor archives; the administrator restores
    rate.refresh_from_db()
    assert rate.archived_at is not None
    login("quantri").post(f"/rates/{rate.pk}/restore/")
    rate.refresh_from_db()
    assert rate.archived_at is None


def test_viewers_read_and_common_rates_are_not_an_offices(login):
    common = ExchangeRate.objects.filter(office__isnull=True).first()
    viewer = login("xem")
    page = text(viewer.get("/rates/"))
    assert "1 USD = 23.500 VND" in page and "/rates/new/" not in page and "/edit/" not in page
    assert viewer.get("/rates/new/").status_code == 403
    editor = login("bientap")
    assert editor.get(f"/rates/{common.pk}/edit/").status_code == 403
    assert f"/rates/{common.pk}/edit/" not in text(editor.get("/rates/"))
    editor.post(f"/rates/{common.pk}/archive/")
    common.refresh_from_db()
    assert common.archived_at is None


def test_a_stranger_does_not_see_another_offices_rate(login, stranger):
    lao_cai_rate = ExchangeRate.objects.get(office__code="lao-cai")
    client = login("khac")
    assert f"rate-{lao_cai_rate.pk}" not in text(client.get("/rates/"))
    assert client.get(f"/rates/{lao_cai_rate.pk}/edit/").status_code == 404
    assert client.post(f"/rates/{lao_cai_rate.pk}/archive/").status_code == 404


def test_the_report_page_lists_the_money_waiting_for_a_rate_and_the_rates_used(login, item):
    aid.record_transaction(item, "3", "500", "CHF", D(2022, 6, 1), actor=SYSTEM)
    client = login("bientap")
    page = text(client.get("/reports/aid/?office=yen-bai&year=2022"))
    assert '<h2 id="unconverted-h">Chưa quy đổi</h2>' in page
    assert '<tr><th scope="row">CHF</th><td class="num"></td><td class="num">500 CHF</td></tr>' in page
    assert "Chưa có tỷ giá CHF/USD áp dụng cho ngày 01/06/2022" in page
    assert '<h2 id="rates-h">Tỷ giá đã dùng</h2>' in page
    assert "1.404.175 USD<br>" in page  # the commitments the 2022 rate converted
    client.post("/rates/new/", NEW)
    page = text(client.get("/reports/aid/?office=yen-bai&year=2022"))
    assert "unconverted-h" not in page
    assert "1 CHF = 1,12 USD" in page and "500 CHF<br>" in page


def test_a_month_of_rates_is_imported_from_the_page_whole_or_not_at_all(login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login("bientap")
    header = "Tiền gốc;Tiền quy đổi;Tỷ giá;Nguồn;Căn cứ\r\n"
    bad = header + "EUR;VND;27.450;mof;Thông báo tháng 01/2030\r\nXXX;VND;1;mof;\r\n"
    post = {"office": "yen-bai", "month": "2030-01"}
    refused = client.post("/rates/import/", {**post, "file": SimpleUploadedFile("t1.csv", bad.encode())})
    assert refused.status_code == 400
    assert "Dòng 3, Tiền gốc: “XXX” không phải mã tiền tệ ISO 4217." in text(refused)
    assert not ExchangeRate.objects.filter(valid_from=D(2030, 1, 1)).exists()
    good = header + "EUR;VND;27.450;mof;Thông báo tháng 01/2030\r\n"
    done = client.post("/rates/import/", {**post, "file": SimpleUploadedFile("t1.csv", good.encode())})
    assert done.status_code == 302
    rate = ExchangeRate.objects.get(valid_from=D(2030, 1, 1))
    assert (rate.office.code, rate.valid_to, rate.history.get().history_user.username) == (
        "yen-bai",
        D(2030, 1, 31),
        "bientap",
    )
    assert login("xem").get("/rates/import/").status_code == 403
