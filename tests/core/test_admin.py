import pytest
from django.contrib.auth import get_user_model

from caunoi.aid.models import AidItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_demo(client):  # type: ignore[no-untyped-def]
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/aid/aiditem/",
        "/admin/aid/aiditem/?q=mu+cang+chai",
        "/admin/aid/transaction/",
        "/admin/aid/sector/",
        "/admin/directory/organisation/",
        "/admin/money/exchangerate/",
        "/admin/core/office/",
        "/admin/geography/adminunit/?q=Mù",
    ],
)
def test_admin_pages_show_the_demo_union(admin_client_demo, url):
    assert admin_client_demo.get(url).status_code == 200


def test_the_item_page_shows_its_records(admin_client_demo, yen_bai):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    page = admin_client_demo.get(f"/admin/aid/aiditem/{item.pk}/change/").content.decode()
    assert "Chương trình bảo vệ và phát triển trẻ em" in page
    assert "Mù Căng Chải, Tỉnh Yên Bái" in page and "115/QĐ-UBND" in page


INLINES = ["participations", "sector_shares", "place_shares", "status_changes", "transactions"]
MANAGEMENT = {f"{p}-{k}": "0" for p in INLINES for k in ("TOTAL_FORMS", "INITIAL_FORMS")}


def test_search_without_diacritics_finds_the_place(admin_client_demo):
    page = admin_client_demo.get("/admin/aid/aiditem/?q=mu+cang+chai").content.decode()
    assert "YB-2022-01" in page and "YB-2022-03" not in page


def test_the_admin_form_shows_the_ledgers_rule_message(admin_client_demo, yen_bai):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-01")
    response = admin_client_demo.post(
        f"/admin/aid/aiditem/{item.pk}/change/",
        {
            "office": yen_bai.pk,
            "code": "YB-2022-01",
            "modality": "project",
            "title": item.title,
            "planned_start": "2023-01-01",
            "planned_end": "2022-01-01",
            "counterpart_currency": "",
            **MANAGEMENT,
        },
    )
    assert response.status_code == 200
    assert (
        "Ngày kết thúc kế hoạch phải sau ngày bắt đầu. / The planned end must come after the planned start."
        in (response.content.decode())
    )
    assert AidItem.objects.get(pk=item.pk).planned_end.year == 2023


def test_the_admin_edits_through_the_services_with_history(admin_client_demo, yen_bai):
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-01")
    response = admin_client_demo.post(
        f"/admin/aid/aiditem/{item.pk}/change/",
        {
            "office": yen_bai.pk,
            "code": "YB-2022-01",
            "modality": "project",
            "title": "Tên đã sửa",
            "counterpart_currency": "",
            **MANAGEMENT,
        },
    )
    assert response.status_code == 302
    latest = AidItem.objects.get(pk=item.pk).history.order_by("-history_id").first()
    assert (latest.title, latest.history_user.username) == ("Tên đã sửa", "admin")
