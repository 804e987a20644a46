"""The staff flows through the web application, with the Django test client on the real database."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from caunoi.aid.models import AidItem, ItemDocument, Transaction
from caunoi.core.permissions import SYSTEM
from caunoi.money.models import ExchangeRate

pytestmark = pytest.mark.django_db
D = dt.date


def text(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


@pytest.fixture
def editor_elsewhere(stranger):  # type: ignore[no-untyped-def]
    return stranger


def test_sign_in_with_the_form_and_throttling(client):
    page = client.get("/login/")
    assert page.status_code == 200 and "Đăng nhập" in text(page)
    ok = client.post("/login/", {"username": "bientap", "password": "caunoi-demo-2026"})
    assert (ok.status_code, ok["Location"]) == (302, "/")
    client.logout()
    statuses = [client.post("/login/", {"username": "xem", "password": "sai"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    locked = client.post("/login/", {"username": "xem", "password": "caunoi-demo-2026"})
    assert locked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in text(locked)


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get("/aid/")
    assert (response.status_code, response["Location"]) == (302, "/login/?next=/aid/")


def test_security_headers(login):
    response = login("xem").get("/aid/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "<script>" not in text(response)


def test_search_finds_with_and_without_diacritics(login):
    client = login("xem")
    for query in ("mu cang chai", "Mù Cang Chải", "MU CANG"):
        page = text(client.get("/aid/", {"q": query}))
        assert "YB-2022-01" in page and "YB-2022-03" not in page, query
    assert "2 bản ghi" in text(client.get("/aid/", {"q": "hoc sinh"}))


def test_filters_sorting_paging_and_bad_query_strings(login):
    client = login("xem")
    assert "2 bản ghi" in text(client.get("/aid/", {"sector": "y-te", "year": "2022"}))
    assert "0 bản ghi" not in text(client.get("/aid/", {"modality": "programme", "status": "implementing"}))
    assert "Không có khoản viện trợ nào khớp" in text(client.get("/aid/", {"year": "2019"}))
    for params in (
        {"year": "abc"},
        {"status": "xyz"},
        {"page": "999"},
        {"sort": "password"},
        {"office": "zz"},
        {"donor": "-1"},
        {"place": "x"},
        {"page": "-3"},
    ):
        assert client.get("/aid/", params).status_code == 200, params
    first = text(client.get("/aid/", {"sort": "code"}))
    assert first.index("YB-2022-01") < first.index("YB-2022-02")
    last = text(client.get("/aid/", {"sort": "-code"}))
    assert last.index("YB-2022-21") < last.index("YB-2022-20")


def test_list_exports_csv_and_xlsx(login):
    client = login("xem")
    csv_text = client.get("/aid/", {"format": "csv", "sector": "van-de-xa-hoi"}).content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("Mã,Tên khoản viện trợ,Hình thức")
    assert len(csv_text.splitlines()) == 8
    xlsx = client.get("/aid/", {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 22 and sheet.cell(1, 1).value == "Mã"
    assert client.get("/transactions/", {"format": "csv"}).status_code == 200
    assert client.get("/organisations/", {"format": "xlsx"}).status_code == 200


def test_a_user_of_another_office_gets_404_for_every_url_of_the_item(client, editor_elsewhere, yen_bai):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-01")
    client.force_login(editor_elsewhere)
    for url in (
        f"/aid/{item.pk}/",
        f"/aid/{item.pk}/edit/",
        f"/aid/{item.pk}/sectors/",
        f"/aid/{item.pk}/places/",
        f"/aid/{item.pk}/history/",
        f"/aid/{item.pk}/documents/1/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (
        f"/aid/{item.pk}/step/implementing/",
        f"/aid/{item.pk}/transactions/",
        f"/aid/{item.pk}/archive/",
        f"/aid/{item.pk}/participants/",
        f"/aid/{item.pk}/documents/",
    ):
        assert client.post(url, {}).status_code == 404, url
    donor = item.participations.first().organisation
    assert client.get(f"/organisations/{donor.pk}/").status_code == 404
    assert "YB-2022-01" not in text(client.get("/aid/", {"q": "YB-2022"}))


def test_create_approve_with_a_eur_commitment_and_rate(login, yen_bai, sectors):
    client = login("lanhdao")
    bad = client.post(
        "/aid/new/",
        {
            "office": "yen-bai",
            "code": "YB-2022-01",
            "modality": "project",
            "title": "Trùng mã",
            "entered_on": "2026-11-01",
        },
    )
    assert bad.status_code == 200
    assert "Mã khoản viện trợ “YB-2022-01” đã có trong cơ quan yen-bai." in text(bad)
    created = client.post(
        "/aid/new/",
        {
            "office": "yen-bai",
            "code": "YB-2026-01",
            "modality": "project",
            "title": "Nước sạch Mù Cang Chải",
            "entered_on": "2026-11-01",
        },
    )
    item = AidItem.objects.get(office=yen_bai, code="YB-2026-01")
    assert created["Location"] == f"/aid/{item.pk}/"
    assert (
        client.post(
            f"/aid/{item.pk}/sectors/",
            {
                "choice_0": sectors["y-te"].pk,
                "share_0": "60",
                "choice_1": sectors["tai-nguyen-moi-truong"].pk,
                "share_1": "30",
            },
        ).status_code
        == 200
    )
    assert (
        client.post(
            f"/aid/{item.pk}/sectors/",
            {
                "choice_0": sectors["y-te"].pk,
                "share_0": "60",
                "choice_1": sectors["tai-nguyen-moi-truong"].pk,
                "share_1": "40",
            },
        ).status_code
        == 302
    )
    for status in ("dossier_submitted", "in_appraisal"):
        client.post(
            f"/aid/{item.pk}/step/{status}/", {f"{status}-to_status": status, f"{status}-on": "2026-11-10"}
        )
    missing = client.post(
        f"/aid/{item.pk}/step/approved/",
        {"approved-to_status": "approved", "approved-on": "2026-11-20"},
        follow=True,
    )
    assert "Phê duyệt phải có số quyết định, ngày quyết định và cơ quan phê duyệt." in text(missing)
    client.post(
        f"/aid/{item.pk}/step/approved/",
        {
            "approved-to_status": "approved",
            "approved-on": "2026-11-20",
            "approved-decision_number": "88/QĐ-UBND",
            "approved-decision_date": "2026-11-20",
            "approved-authority": "Chủ tịch UBND tỉnh",
        },
    )
    item.refresh_from_db()
    assert (item.status, item.approved_on) == ("approved", D(2026, 11, 20))
    response = client.post(
        f"/aid/{item.pk}/transactions/",
        {
            "kind": "2",
            "amount": "10000",
            "currency": "eur",
            "value_date": "2026-11-20",
            "rate_to_usd": "1.08",
        },
    )
    assert response.status_code == 302
    tx = Transaction.objects.get(item=item)
    assert (tx.amount, tx.currency) == (Decimal("10000.00"), "EUR")
    assert (
        ExchangeRate.objects.filter(base="EUR", quote="USD", office=yen_bai, rate=Decimal("1.08")).count()
        == 1
    )
    page = text(client.get(f"/aid/{item.pk}/"))
    assert "10.800 USD" in page and "1 EUR = 1,08 USD" in page
    assert "Chưa có tỷ giá EUR/VND áp dụng cho ngày 20/11/2026" in page


def test_an_editor_cannot_approve_and_sees_no_approve_button(login, yen_bai):
    client = login("bientap")
    item = AidItem.objects.create(
        office=yen_bai, code="E-1", modality="project", title="x", status="in_appraisal"
    )
    page = text(client.get(f"/aid/{item.pk}/"))
    assert f"/aid/{item.pk}/step/approved/" not in page
    response = client.post(
        f"/aid/{item.pk}/step/approved/",
        {
            "approved-to_status": "approved",
            "approved-on": "2026-11-20",
            "approved-decision_number": "1",
            "approved-decision_date": "2026-11-20",
            "approved-authority": "x",
        },
        follow=True,
    )
    assert "Bạn không có quyền “ghi quyết định phê duyệt” trong cơ quan yen-bai." in text(response)
    assert AidItem.objects.get(pk=item.pk).status == "in_appraisal"


def test_a_viewer_sees_no_forms_and_cannot_post(login, yen_bai):
    client = login("xem")
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    page = text(client.get(f"/aid/{item.pk}/"))
    assert "Ghi giao dịch" not in page and "Sửa thông tin" not in page
    response = client.post(
        f"/aid/{item.pk}/transactions/",
        {"kind": "3", "amount": "1", "currency": "USD", "value_date": "2022-06-01"},
    )
    assert response.status_code == 400
    assert "Bạn không có quyền “nhập, sửa dữ liệu”" in text(response)


def test_bad_form_input_gives_messages_next_to_fields(login, yen_bai):
    client = login("bientap")
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    response = client.post(
        f"/aid/{item.pk}/transactions/",
        {"kind": "3", "amount": "-5", "currency": "XXX", "value_date": "hôm nay"},
    )
    assert response.status_code == 400
    page = text(response)
    assert "Nhập một ngày hợp lệ" in page or "Enter a valid date" in page
    response = client.post(
        f"/aid/{item.pk}/transactions/",
        {"kind": "3", "amount": "-5", "currency": "USD", "value_date": "2022-06-01"},
    )
    assert "Số tiền phải lớn hơn 0 (nhận được -5)." in text(response)
    response = client.post(
        f"/aid/{item.pk}/edit/",
        {
            "code": item.code,
            "modality": "programme",
            "title": item.title,
            "planned_start": "2023-01-01",
            "planned_end": "2022-01-01",
        },
    )
    assert re.search(
        r'class="error" id="id_planned_end_error"[^>]*>Ngày kết thúc kế hoạch phải sau', text(response)
    )


def test_uploads_are_checked_for_type_and_size(login, yen_bai, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_MB = 1
    client = login("bientap")
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    exe = client.post(
        f"/aid/{item.pk}/documents/",
        {"kind": "report", "title": "x", "file": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert exe.status_code == 400 and "Chỉ nhận tệp" in text(exe)
    big = client.post(
        f"/aid/{item.pk}/documents/",
        {"kind": "report", "title": "x", "file": SimpleUploadedFile("x.pdf", b"0" * (1024 * 1024 + 1))},
    )
    assert "Tệp lớn hơn 1 MB." in text(big)
    ok = client.post(
        f"/aid/{item.pk}/documents/",
        {"kind": "report", "title": "Báo cáo quý", "file": SimpleUploadedFile("bc.pdf", b"%PDF-1.4 test")},
    )
    assert ok.status_code == 302
    document = ItemDocument.objects.get(item=item)
    download = client.get(f"/aid/{item.pk}/documents/{document.pk}/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"


def test_archive_restore_purge_by_role(login, yen_bai, client):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-21")
    editor = login("bientap")
    editor.post(f"/aid/{item.pk}/archive/")
    assert AidItem.objects.get(pk=item.pk).archived_at is not None
    assert "YB-2022-21" not in text(editor.get("/aid/"))
    assert "YB-2022-21" in text(editor.get("/aid/", {"archived": "on"}))
    refused = editor.post(f"/aid/{item.pk}/restore/", follow=True)
    assert "Bạn không có quyền “khôi phục”" in text(refused)
    admin = login("quantri")
    admin.post(f"/aid/{item.pk}/restore/")
    assert AidItem.objects.get(pk=item.pk).archived_at is None
    admin.post(f"/aid/{item.pk}/archive/")
    admin.post(f"/aid/{item.pk}/purge/")
    assert not AidItem.objects.filter(pk=item.pk).exists()
    deleted = AidItem.history.filter(id=item.pk, history_type="-").get()
    assert deleted.history_user.username == "quantri"


def test_history_per_record_and_per_user(login, yen_bai):
    client = login("bientap")
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    client.post(f"/aid/{item.pk}/edit/", {"code": item.code, "modality": "programme", "title": "Tên mới"})
    page = text(client.get(f"/aid/{item.pk}/history/"))
    assert "bientap" in page and "Tên mới" in page and "Chương trình bảo vệ và phát triển trẻ em" in page
    user_page = text(client.get(f"/history/user/{item.history.latest().history_user_id}/"))
    assert "Tên mới" in user_page


def test_language_switch_and_text_size_are_kept_per_user(login):
    client = login("xem")
    assert "Khoản viện trợ" in text(client.get("/"))
    client.post("/language/", {"language": "en", "next": "/"})
    assert client.get("/")["Content-Language"] == "en"
    client.post("/text-size/", {"size": "130", "next": "/"})
    assert 'class="text-130"' in text(client.get("/"))
    assert client.post("/text-size/", {"size": "500"}).status_code == 404
    assert client.post("/language/", {"language": "fr"}).status_code == 404


def test_the_list_makes_the_same_number_of_queries_for_2_or_7_rows(login, yen_bai):
    client = login("xem")
    client.get("/aid/")  # the first reader of an office creates its ledger mark
    with CaptureQueriesContext(connection) as few:
        assert "2 bản ghi" in text(client.get("/aid/", {"sector": "y-te"}))
    with CaptureQueriesContext(connection) as many:
        assert "7 bản ghi" in text(client.get("/aid/", {"sector": "van-de-xa-hoi"}))
    assert len(few) == len(many)
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    with CaptureQueriesContext(connection) as detail:
        client.get(f"/aid/{item.pk}/")
    assert len(detail) <= 25


def test_reminders_show_approvals_not_started(login, yen_bai):
    AidItem.objects.create(
        office=yen_bai,
        code="OLD-1",
        modality="project",
        title="Chưa triển khai",
        status="approved",
        approved_on=D(2026, 3, 1),
    )
    page = text(login("xem").get("/reminders/"))
    assert "OLD-1 được phê duyệt ngày 01/03/2026 nhưng chưa triển khai sau 6 tháng" in page


def test_history_of_an_item_whose_related_rows_share_its_id(login, yen_bai, sectors):
    from caunoi.aid import services
    from caunoi.aid.models import ItemSector

    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    services.update_item(item, title="Tên sửa một", actor=SYSTEM)
    services.set_sectors(item, [(sectors["y-te"], 100)], reason="Sửa lĩnh vực", actor=SYSTEM)
    ItemSector.history.filter(item_id=item.pk).update(id=item.pk)  # the same id in two tables
    page = login("xem").get(f"/aid/{item.pk}/history/")
    assert page.status_code == 200
    assert "Tên sửa một" in text(page)
