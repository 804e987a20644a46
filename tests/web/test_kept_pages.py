"""Pages kept whole per reader (caunoi.web.kept_pages): served again only while nothing they show changed, to
the reader they were drawn for, with that reader's own CSRF token."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from caunoi.aid import services
from caunoi.aid.models import AidItem, ItemDocument, TransactionKind
from caunoi.core import audit
from caunoi.core.models import Membership, Office, Preference, Role
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
# Session, user, preference, memberships, marks: what a kept page costs.
KEPT_PAGE_QUERIES = 7  # the sixth: which offices succeeded which; the seventh: the bell's unread count


def _get(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(captured)


def _without_tokens(html: str) -> str:
    return TOKEN.sub("TOKEN", html)


@pytest.fixture
def item(yen_bai):  # type: ignore[no-untyped-def]
    return AidItem.objects.get(office=yen_bai, code="YB-2022-15")


@pytest.mark.parametrize("url", ["/aid/", "/aid/?q=mu+cang+chai&sort=code", "/dashboard/?year=2022", "ITEM"])
def test_a_page_read_again_is_the_same_page_for_seven_queries(login, item, url):
    client = login("bientap")
    url = f"/aid/{item.pk}/" if url == "ITEM" else url
    first, drawn = _get(client, url)
    again, kept = _get(client, url)
    assert kept == KEPT_PAGE_QUERIES
    assert drawn > KEPT_PAGE_QUERIES
    assert _without_tokens(again) == _without_tokens(first)


def test_a_changed_item_is_shown_changed_on_the_list_and_its_page(login, item):
    client = login("bientap")
    for url in ("/aid/", f"/aid/{item.pk}/"):
        _get(client, url)
    services.update_item(item, title="Tên mới của khoản viện trợ", actor=SYSTEM)
    assert "Tên mới của khoản viện trợ" in _get(client, f"/aid/{item.pk}/")[0]
    assert "Tên mới của khoản viện trợ" in _get(client, "/aid/?q=ten+moi")[0]


def test_new_money_and_a_new_document_appear_on_the_item_page(login, item):
    client = login("bientap")
    before, _ = _get(client, f"/aid/{item.pk}/")
    assert "REF-KEPT-1" not in before
    services.record_transaction(
        item,
        TransactionKind.DISBURSEMENT,
        Decimal("1234"),
        "USD",
        dt.date(2022, 6, 1),
        reference="REF-KEPT-1",
        actor=SYSTEM,
    )
    assert "REF-KEPT-1" in _get(client, f"/aid/{item.pk}/")[0]
    document = ItemDocument(
        item=item, kind="report", title="Báo cáo giữ trang", file=SimpleUploadedFile("a.pdf", b"%PDF"), size=4
    )
    audit.save(document, None)
    assert "Báo cáo giữ trang" in _get(client, f"/aid/{item.pk}/")[0]


def test_a_renamed_donor_is_shown_renamed(login, item):
    client = login("bientap")
    donor = Organisation.objects.get(pk=item.participations.first().organisation_id)
    _get(client, f"/aid/{item.pk}/")
    donor.name = "Tổ chức đổi tên"
    donor.save()
    assert "Tổ chức đổi tên" in _get(client, f"/aid/{item.pk}/")[0]


def test_a_reader_who_lost_the_office_gets_404_not_the_kept_page(login, item):
    client = login("xem")
    _get(client, f"/aid/{item.pk}/")
    Membership.objects.filter(user__username="xem").delete()
    assert client.get(f"/aid/{item.pk}/").status_code == 404


def test_a_page_kept_for_one_reader_is_never_served_to_another(login, item, stranger):
    _get(login("bientap"), f"/aid/{item.pk}/")
    assert Client().get(f"/aid/{item.pk}/").status_code == 302  # signed out: to the login page
    other = Client()
    other.force_login(stranger)
    assert other.get(f"/aid/{item.pk}/").status_code == 404
    html, _ = _get(other, "/aid/")
    assert "YB-2022-15" not in html


def test_a_new_role_changes_the_buttons_shown(login, item, yen_bai):
    client = login("xem")
    assert f"/aid/{item.pk}/edit/" not in _get(client, f"/aid/{item.pk}/")[0]
    Membership.objects.filter(user__username="xem").update(role=Role.EDITOR)
    assert f"/aid/{item.pk}/edit/" in _get(client, f"/aid/{item.pk}/")[0]


def test_language_and_text_size_are_part_of_the_page(login):
    client = login("bientap")
    assert 'lang="vi"' in _get(client, "/aid/")[0]
    user = get_user_model().objects.get(username="bientap")
    Preference.objects.update_or_create(user=user, defaults={"language": "en", "text_size": 130})
    english, _ = _get(client, "/aid/")
    assert 'lang="en"' in english
    assert 'class="text-130"' in english


def test_a_kept_page_carries_a_token_that_the_readers_own_session_accepts(item):
    user = get_user_model().objects.get(username="bientap")
    drawer = Client()
    drawer.force_login(user)
    _get(drawer, f"/aid/{item.pk}/")
    reader = Client(enforce_csrf_checks=True)
    reader.force_login(user)
    html, queries = _get(reader, f"/aid/{item.pk}/")
    assert queries == KEPT_PAGE_QUERIES  # served from what the other session drew
    token = TOKEN.search(html)
    assert token is not None
    assert "caunoi-kept-csrf-token" not in html
    answer = reader.post(
        "/text-size/", {"size": "115", "next": "/aid/", "csrfmiddlewaretoken": token.group(1)}
    )
    assert answer.status_code == 302
    assert Preference.objects.get(user=user).text_size == 115


def test_a_page_with_a_message_is_drawn_and_not_kept(login, item):
    client = login("bientap")
    _get(client, f"/aid/{item.pk}/")
    response = client.post(f"/aid/{item.pk}/archive/", follow=True)
    assert response.status_code == 200
    assert response.context is not None  # drawn, with its message
    assert len(list(response.context["messages"])) == 1


def test_a_new_office_for_a_national_reader_changes_their_pages(login):
    client = login("toanquoc")
    assert "MOI-1" not in _get(client, "/aid/?q=moi-1")[0]
    office = Office.objects.create(code="moi", name="Liên hiệp mới")
    services.create_item(
        office, code="MOI-1", modality="project", title="Khoản của liên hiệp mới", actor=SYSTEM
    )
    assert "MOI-1" in _get(client, "/aid/?q=moi-1")[0]


def test_kept_pages_can_be_turned_off(login, settings):
    settings.KEEP_PAGES = False
    client = login("bientap")
    _get(client, "/aid/")  # the first reader of an office creates its ledger mark
    _, first = _get(client, "/aid/")
    _, second = _get(client, "/aid/")
    assert second == first > KEPT_PAGE_QUERIES


def test_pages_are_kept_apart_from_the_reports(login):
    from django.core.cache import caches

    from caunoi.core import marks

    client = login("bientap")
    _get(client, "/aid/")
    caches["reports"].clear()
    marks._local.clear()  # as in another worker process
    _, queries = _get(client, "/aid/")
    assert queries == KEPT_PAGE_QUERIES
    caches["pages"].clear()
    marks._local.clear()
    _, queries = _get(client, "/aid/")
    assert queries > KEPT_PAGE_QUERIES
