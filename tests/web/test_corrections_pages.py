"""The pages that correct money, remove participants and close years, on the demo (Lào Cai succeeded Yên
Bái on 1 July 2025; bientap and quantri work for Lào Cai, yenbai stayed a member of Yên Bái)."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from caunoi.aid.models import AidItem, ClosedYear, Transaction
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db


def text(response):  # type: ignore[no-untyped-def]
    return response.content.decode()


@pytest.fixture
def item(yen_bai):  # type: ignore[no-untyped-def]
    return AidItem.objects.get(office=yen_bai, code="YB-2022-15")


def test_a_successors_editor_reverses_a_predecessors_transaction(login, item, yen_bai):
    tx = item.transactions.filter(kind="2").get()
    before = aid_summary(yen_bai, 2022).committed.usd
    client = login("bientap")
    page = text(client.get(f"/aid/{item.pk}/"))
    assert f'href="/aid/{item.pk}/transactions/{tx.pk}/"' in page
    url = f"/aid/{item.pk}/transactions/{tx.pk}/"
    refused = client.post(url, {"action": "reverse", "reverse-reason": ""})
    assert refused.status_code == 400
    client.post(url, {"action": "reverse", "reverse-reason": "Nhập trùng"})
    tx.refresh_from_db()
    assert (tx.reversal_reason, tx.reversed_by.username, tx.office) == ("Nhập trùng", "bientap", yen_bai)
    assert aid_summary(yen_bai, 2022).committed.usd == before - tx.amount
    page = text(client.get(f"/aid/{item.pk}/"))
    assert re.search(r'<tr class="reversed">.*<del>', page)
    assert "Đã hủy: Nhập trùng" in page


def test_a_correction_through_the_page(login, item):
    tx = item.transactions.filter(kind="3").order_by("value_date").first()
    url = f"/aid/{item.pk}/transactions/{tx.pk}/"
    client = login("bientap")
    form = text(client.get(url))
    assert 'name="correct-amount"' in form and 'name="reverse-reason"' in form
    post = {
        "action": "correct",
        "correct-amount": "123.45",
        "correct-currency": tx.currency,
        "correct-value_date": tx.value_date.isoformat(),
        "correct-reference": "CT-1",
        "correct-reason": "Sai số tiền",
    }
    assert client.post(url, post).status_code == 302
    tx.refresh_from_db()
    assert (tx.amount, tx.reference) == (Decimal("123.45"), "CT-1")
    assert tx.history.latest().history_change_reason == "Sai số tiền"


def test_a_former_member_reads_but_edits_nothing(login, item):
    tx = item.transactions.first()
    client = login("yenbai")
    page = text(client.get(f"/aid/{item.pk}/"))
    assert "Sửa, hủy" not in page and 'name="kind"' not in page
    response = client.post(
        f"/aid/{item.pk}/transactions/{tx.pk}/", {"action": "reverse", "reverse-reason": "Thử"}
    )
    assert "Bạn không có quyền" in text(response)
    tx.refresh_from_db()
    assert tx.reversed_at is None


def test_the_administrator_closes_and_reopens_a_year(login, item, yen_bai):
    admin = login("quantri")
    page = text(admin.get("/years/"))
    assert 'id="year-yen-bai-2022"' in page and 'id="year-lao-cai-2025"' in page
    admin.post("/years/", {"office": "yen-bai", "year": "2022", "action": "close"})
    assert ClosedYear.objects.get(office=yen_bai, year=2022).closed_by.username == "quantri"
    tx = item.transactions.filter(value_date__year=2022).first()
    editor = login("bientap")
    refused = editor.post(
        f"/aid/{item.pk}/transactions/{tx.pk}/", {"action": "reverse", "reverse-reason": "x"}
    )
    assert "đã khóa" in text(refused)
    admin = login("quantri")
    admin.post(
        "/years/", {"office": "yen-bai", "year": "2022", "action": "reopen", "reason": ""}, follow=True
    )
    assert ClosedYear.objects.get(office=yen_bai, year=2022).is_closed
    admin.post("/years/", {"office": "yen-bai", "year": "2022", "action": "reopen", "reason": "Sửa số liệu"})
    assert ClosedYear.objects.get(office=yen_bai, year=2022).reason == "Sửa số liệu"
    assert "Bạn không quản trị cơ quan nào" in text(login("bientap").get("/years/"))


def test_a_participant_is_removed_from_the_page(login, item):
    participation = item.participations.first()
    login("bientap").post(f"/aid/{item.pk}/participants/{participation.pk}/remove/")
    assert not item.participations.filter(pk=participation.pk).exists()


def test_sectors_after_approval_need_a_reason_on_the_page(login, item, sectors):
    client = login("bientap")
    url = f"/aid/{item.pk}/sectors/"
    post = {"choice_0": sectors["y-te"].pk, "share_0": "100"}
    response = client.post(url, post)
    assert response.status_code == 200 and "Cần ghi lý do" in text(response)
    assert client.post(url, {**post, "reason": "Điều chỉnh"}).status_code == 302
    item.refresh_from_db()
    assert item.primary_sector == sectors["y-te"]


def test_money_recorded_by_the_successor_keeps_the_predecessors_office(login, yen_bai):
    running = AidItem.objects.filter(office=yen_bai, status="implementing").order_by("code").first()
    client = login("laocai")
    response = client.post(
        f"/aid/{running.pk}/transactions/",
        {"kind": "3", "amount": "500", "currency": "USD", "value_date": "2026-11-20"},
    )
    assert response.status_code == 302
    tx = Transaction.objects.get(item=running, value_date=dt.date(2026, 11, 20))
    assert tx.office == yen_bai and tx.history.latest().history_user.username == "laocai"


def test_the_transaction_list_filters_by_office(login, yen_bai):
    client = login("bientap")
    page = text(client.get("/transactions/"))
    assert '<select id="office" name="office">' in page
    only = client.get("/transactions/", {"office": "lao-cai"})
    assert only.context["result"].total == 0
    assert client.get("/transactions/", {"office": "yen-bai"}).context["result"].total == (
        Transaction.objects.filter(
            office=yen_bai, archived_at__isnull=True, item__archived_at__isnull=True
        ).count()
    )


def test_the_transaction_list_strikes_a_reversed_transaction_and_exports_its_reason(login, item):
    from caunoi.aid.corrections import reverse_transaction
    from caunoi.core.permissions import SYSTEM

    tx = item.transactions.filter(kind="2").get()
    reverse_transaction(tx, actor=SYSTEM, reason="Nhập trùng")
    client = login("bientap")
    query = {"q": item.code, "kind": "2"}

    page = text(client.get("/transactions/", query))
    csv = client.get("/transactions/", {**query, "format": "csv"}).content.decode("utf-8-sig")

    rows = re.findall(r"<tr[^>]*>.*?</tr>", page, flags=re.S)[1:]
    assert len(rows) == 1 and rows[0].startswith('<tr class="reversed"><td><del>')
    assert "Đã hủy: Nhập trùng" in rows[0]
    assert csv.splitlines()[0].endswith(",Đã hủy") and csv.splitlines()[1].endswith(",Nhập trùng")
