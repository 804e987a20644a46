"""API answers kept under the ledger marks (caunoi.api.kept): read again for a lookup, never served once the
records they show changed, never to another reader; every table they read renews the marks they are kept
under."""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caunoi.aid import services
from caunoi.aid.models import AidItem, TransactionKind
from caunoi.api.front import KeptApiFront
from caunoi.core.models import Membership
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from tests.marks_reads import keeping_served, marked_tables, reading, uncovered
from tests.wsgi_calls import Counted, WsgiClient, connections_kept

pytestmark = pytest.mark.django_db
# Token with its owner, memberships, which offices succeeded which, marks: what a kept answer costs in Django
# (the throttle writes once per lease of requests: caunoi.api.access.admit); the front reads them in one
# statement (caunoi.api.front.read_reader).
KEPT_ANSWER_QUERIES = 4
FRONT_QUERIES = 1
# Read while an answer is computed but named by its key, or not part of the answer at all.
EXEMPT = {
    "api_apitoken": "the token names the reader, who is part of the key",
    "api_throttlecount": "the throttle's count, written before the answer is looked up",
    "auth_user": "the reader (id, superuser) is part of the key",
    "core_membership": "the reader's roles in every office are part of the key",
    "core_ledgermark": "the marks themselves",
}
LISTS = ("/api/v1/aid-items/", "/api/v1/transactions/")


@pytest.fixture(params=["django", "front"])
def api(request, api):  # type: ignore[no-untyped-def]
    """Each behaviour of kept answers holds through the test client (Django and DRF: tests/api/conftest.py's
    callers) and through the front of the production server (caunoi.api.front), which serves kept answers
    without them, to the same callers' tokens."""
    if request.param == "django":
        return api
    stack = ExitStack()
    stack.enter_context(connections_kept())
    request.addfinalizer(stack.close)
    django = Counted()
    front = KeptApiFront(django)

    def caller(username: str | None, scope: str = "read_write") -> WsgiClient:
        return WsgiClient(front, api(username, scope).headers)

    caller.django = django  # type: ignore[attr-defined]
    return caller


DJANGO_ONLY = pytest.mark.parametrize("api", ["django"], indirect=True)


@pytest.fixture
def item(yen_bai):  # type: ignore[no-untyped-def]
    return AidItem.objects.get(office=yen_bai, code="YB-2022-15")


def _read(caller: Any, path: str) -> tuple[Any, int]:
    with CaptureQueriesContext(connection) as captured:
        response = caller.get(path)
    assert response.status_code == 200, (path, response.content[:300])
    return response.json(), len(captured)


def _paths(item: AidItem) -> list[str]:
    tx = item.transactions.order_by("id").first()
    assert tx is not None
    return [*LISTS, f"/api/v1/aid-items/{item.pk}/", f"/api/v1/transactions/{tx.pk}/"]


@DJANGO_ONLY
def test_an_answer_read_again_is_the_same_for_four_queries(api, item):
    caller = api("bientap")
    for path in [*_paths(item), "/api/v1/aid-items/?year=2022&status=approved&page_size=3"]:
        first, computed = _read(caller, path)
        again, kept = _read(caller, path)
        assert again == first, path
        assert kept == KEPT_ANSWER_QUERIES, path
        assert computed > kept, path


def test_a_kept_answer_keeps_its_etag(api, item):
    caller = api("bientap")
    path = f"/api/v1/aid-items/{item.pk}/"
    etag = caller.get(path)["ETag"]
    assert caller.get(path)["ETag"] == etag
    assert caller.get(path, **{"If-None-Match": etag}).status_code == 304


def test_a_changed_item_is_read_changed_in_the_list_and_its_detail(api, item):
    caller = api("bientap")
    detail = f"/api/v1/aid-items/{item.pk}/"
    listed = "/api/v1/aid-items/?office=yen-bai&page_size=500"
    for path in (detail, listed):
        _read(caller, path)
    services.update_item(item, title="Tên mới của khoản viện trợ", actor=SYSTEM)
    assert _read(caller, detail)[0]["title"] == "Tên mới của khoản viện trợ"
    rows = _read(caller, listed)[0]["results"]
    assert [row["title"] for row in rows if row["id"] == item.pk] == ["Tên mới của khoản viện trợ"]


def test_new_money_appears_in_the_item_and_the_transaction_list(api, item):
    caller = api("bientap")
    detail = f"/api/v1/aid-items/{item.pk}/"
    listed = f"/api/v1/transactions/?item={item.pk}"
    before = {tx["reference"] for tx in _read(caller, detail)[0]["transactions"]}
    assert "REF-KEPT-API" not in before
    _read(caller, listed)
    services.record_transaction(
        item,
        TransactionKind.DISBURSEMENT,
        Decimal("1234"),
        "USD",
        dt.date(2022, 6, 1),
        reference="REF-KEPT-API",
        actor=SYSTEM,
    )
    assert "REF-KEPT-API" in {tx["reference"] for tx in _read(caller, detail)[0]["transactions"]}
    assert "REF-KEPT-API" in {tx["reference"] for tx in _read(caller, listed)[0]["results"]}


def test_a_write_through_the_api_is_read_at_once(api, item):
    caller = api("bientap")
    detail = f"/api/v1/aid-items/{item.pk}/"
    _read(caller, detail)
    changed = caller.send("PATCH", detail, {"title": "Đổi qua API"})
    assert changed.status_code == 200, changed.content
    assert _read(caller, detail)[0]["title"] == "Đổi qua API"


def test_a_renamed_donor_is_read_renamed(api, item):
    caller = api("bientap")
    detail = f"/api/v1/aid-items/{item.pk}/"
    _read(caller, detail)
    donor = Organisation.objects.get(pk=item.participations.first().organisation_id)
    donor.name = "Tổ chức đổi tên"
    donor.save()
    names = {p["organisation_name"] for p in _read(caller, detail)[0]["participants"]}
    assert "Tổ chức đổi tên" in names


def test_a_reader_who_lost_the_office_gets_404_not_the_kept_answer(api, item):
    caller = api("xem")
    _read(caller, f"/api/v1/aid-items/{item.pk}/")
    Membership.objects.filter(user__username="xem").delete()
    assert caller.get(f"/api/v1/aid-items/{item.pk}/").status_code == 404


def test_an_answer_kept_for_one_reader_is_never_served_to_another(api, item, stranger):
    _read(api("bientap"), f"/api/v1/aid-items/{item.pk}/")
    listed, _ = _read(api("bientap"), "/api/v1/aid-items/?office=yen-bai")
    assert listed["results"]
    other = api("khac")
    assert other.get(f"/api/v1/aid-items/{item.pk}/").status_code == 404
    assert _read(other, "/api/v1/aid-items/?office=yen-bai")[0]["results"] == []


def test_a_kept_answer_still_counts_against_the_throttle(api, item, settings):
    settings.API_RATE = "2/min"
    caller = api("bientap")
    path = f"/api/v1/aid-items/{item.pk}/"
    assert [caller.get(path).status_code for _ in range(3)] == [200, 200, 429]


def test_a_revoked_token_gets_401_not_the_kept_answer(api, item):
    from caunoi.api.models import ApiToken
    from caunoi.api.tokens import revoke_token

    caller = api("bientap")
    path = f"/api/v1/aid-items/{item.pk}/"
    _read(caller, path)
    token = ApiToken.objects.get(user__username="bientap", revoked_at__isnull=True)
    revoke_token(token, actor=token.user)
    assert caller.get(path).status_code == 401


def test_answers_can_be_turned_off(api, item, settings):
    settings.KEEP_PAGES = False
    caller = api("bientap")
    detail = f"/api/v1/aid-items/{item.pk}/"
    _read(caller, detail)
    # Changed behind the marks' back (no signal): only an answer computed afresh shows it.
    AidItem.objects.filter(pk=item.pk).update(title="Đổi không qua dịch vụ")
    assert _read(caller, detail)[0]["title"] == "Đổi không qua dịch vụ"


@DJANGO_ONLY
@pytest.mark.parametrize("username", ["bientap", "toanquoc"])
def test_every_table_a_kept_answer_reads_renews_its_marks(api, item, username, settings, monkeypatch):
    """Each answer computed with keeping on, its tables recorded, then served kept."""
    served = keeping_served(settings, monkeypatch)
    caller = api(username)
    covered = marked_tables(with_offices=True)
    found = {}
    for path in [*_paths(item), "/api/v1/aid-items/?sector=y-te&donor=1&place=1&year=2022"]:
        with reading() as reads:
            caller.get(path)
        assert not served, path
        _read(caller, path)
        assert len(served) == 1, path
        served.clear()
        missing = uncovered(reads.tables, covered, EXEMPT)
        if missing:
            found[path] = missing
    assert found == {}


@DJANGO_ONLY
def test_other_records_and_refusals_are_not_kept(api):
    """Only lists and details of aid items and transactions are kept; a refusal never is."""
    caller = api("bientap")
    caller.get("/api/v1/offices/")  # the token's first use: recorded
    _, first = _read(caller, "/api/v1/offices/")
    _, second = _read(caller, "/api/v1/offices/")
    assert second == first
    refused = caller.get("/api/v1/aid-items/?year=1")
    assert refused.status_code == 400
    assert caller.get("/api/v1/aid-items/?year=1").status_code == 400


@pytest.mark.parametrize("api", ["front"], indirect=True)
def test_the_front_serves_a_kept_answer_without_django_for_the_same_queries(api, item):
    caller = api("bientap")
    path = f"/api/v1/aid-items/{item.pk}/"
    first, _ = _read(caller, path)
    assert api.django.calls == 1
    again, queries = _read(caller, path)
    assert again == first and api.django.calls == 1
    assert queries == FRONT_QUERIES  # what DRF reads before a kept answer, in one statement, and nothing more
    caller.get(path, **{"If-None-Match": caller.get(path)["ETag"]})
    assert api.django.calls == 2  # a conditional request goes to Django


@pytest.mark.parametrize("api", ["front"], indirect=True)
def test_a_request_the_front_counted_and_django_answered_is_counted_once(api, item, settings):
    settings.API_RATE = "3/min"
    caller = api("bientap")
    path = f"/api/v1/aid-items/{item.pk}/"
    assert caller.get(path).status_code == 200  # drawn: DRF counts 1
    services.update_item(item, title="Đổi sau lần đọc đầu", actor=SYSTEM)
    assert caller.get(path).status_code == 200  # the front counts 2, finds nothing kept, Django answers
    assert api.django.calls == 2
    assert caller.get(path).status_code == 200  # the front counts 3 and serves it
    assert api.django.calls == 2
    refused = caller.get(path)
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
