"""Reading through the API: every record with its parts, filters, cursor pages, ETags, and records of an
office the caller may not read as 404 — with as many queries at any page size."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caunoi.aid import services
from caunoi.aid.models import AidItem, Transaction
from caunoi.aid.models import Role as ParticipantRole
from caunoi.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db


def _all(caller, path, params=None):  # type: ignore[no-untyped-def]
    """Every row of a list, following its cursor."""
    found, params = [], dict(params or {})
    while True:
        page = caller.get(path, params)
        assert page.status_code == 200, page.content
        found += page.json()["results"]
        if not page.json()["next"]:
            return found
        params["cursor"] = page.json()["next"].split("cursor=")[1].split("&")[0]
        from urllib.parse import unquote

        params["cursor"] = unquote(params["cursor"])


def test_aid_items_list_every_item_the_caller_may_read(api, yen_bai):
    rows = _all(api("bientap"), "/api/v1/aid-items/", {"page_size": 7})
    assert len(rows) == AidItem.objects.count()
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    assert _all(api("yenbai"), "/api/v1/aid-items/", {"office": "lao-cai"}) == []


def test_an_item_reads_whole_with_its_money_converted_and_the_rates_named(api, yen_bai):
    item = AidItem.objects.filter(office=yen_bai, transactions__currency="VND").first()
    body = api("xem").get(f"/api/v1/aid-items/{item.pk}/").json()
    assert body["code"] == item.code and body["office"] == "yen-bai"
    assert {p["role"] for p in body["participants"]} >= {ParticipantRole.FUNDING}
    assert sum(Decimal(s["share"]) for s in body["sectors"]) == 100
    assert sum(Decimal(p["share"]) for p in body["places"]) == 100
    assert [h["to_status"] for h in body["status_history"]][-1] == item.status
    tx = next(t for t in body["transactions"] if t["currency"] == "VND")
    stored = Transaction.objects.get(pk=tx["id"])
    assert Decimal(tx["amount"]) == stored.amount
    assert Decimal(tx["usd_value"]) == stored.usd_value and Decimal(tx["vnd_value"]) == stored.vnd_value
    assert tx["usd_rate"]["id"] == stored.usd_rate_id
    assert (tx["usd_rate"]["base"], tx["usd_rate"]["quote"]) in {("USD", "VND"), ("VND", "USD")}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": "2022"}, lambda q: q.filter(approved_on__year=2022)),
        ({"status": "closed"}, lambda q: q.filter(status="closed")),
        ({"modality": "non_project"}, lambda q: q.filter(modality="non_project")),
        ({"sector": "y-te"}, lambda q: q.filter(sector_shares__sector__code="y-te")),
        (
            {"office": "yen-bai", "year": "2023"},
            lambda q: q.filter(office__code="yen-bai", approved_on__year=2023),
        ),
        ({"updated_since": "2030-01-01"}, lambda q: q.none()),
        ({"updated_since": "2020-01-01T00:00:00+07:00"}, lambda q: q),
    ],
)
def test_aid_item_filters(api, yen_bai, params, expected):
    rows = _all(api("toanquoc"), "/api/v1/aid-items/", params)
    assert sorted(r["id"] for r in rows) == sorted(
        expected(AidItem.objects.all()).values_list("id", flat=True)
    )


def test_donor_and_place_filters(api, yen_bai):
    item = AidItem.objects.filter(office=yen_bai).first()
    donor = item.participations.get(role="funding").organisation
    place = item.place_shares.first().unit
    by_donor = _all(api("xem"), "/api/v1/aid-items/", {"donor": donor.pk})
    assert {r["id"] for r in by_donor} == set(
        AidItem.objects.filter(
            participations__organisation=donor, participations__role="funding"
        ).values_list("id", flat=True)
    )
    assert item.pk in {r["id"] for r in _all(api("xem"), "/api/v1/aid-items/", {"place": place.pk})}


@pytest.mark.parametrize(
    "params", [{"year": "22"}, {"status": "nope"}, {"updated_since": "hôm qua"}, {"donor": "x"}]
)
def test_a_bad_filter_is_400_naming_it(api, params):
    response = api("xem").get("/api/v1/aid-items/", params)
    assert response.status_code == 400
    [problem] = response.json()["errors"]
    assert problem["code"] == "api.filter_invalid" and problem["field"] == next(iter(params))


def test_ordering(api, yen_bai):
    rows = _all(api("xem"), "/api/v1/aid-items/", {"ordering": "-code", "office": "yen-bai"})
    assert [r["code"] for r in rows] == sorted((r["code"] for r in rows), reverse=True)


def test_transactions_filter_by_item_year_and_kind(api, yen_bai):
    rows = _all(api("xem"), "/api/v1/transactions/", {"year": "2022", "kind": "3"})
    expected = Transaction.objects.filter(value_date__year=2022, kind="3")
    assert sorted(r["id"] for r in rows) == sorted(expected.values_list("id", flat=True))


def test_etag_and_if_none_match(api, yen_bai):
    caller = api("xem")
    first = caller.get("/api/v1/aid-items/")
    etag = first["ETag"]
    assert etag.startswith('"') and first.status_code == 200
    again = caller.get("/api/v1/aid-items/", **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    item = AidItem.objects.filter(office=yen_bai).first()
    services.update_item(item, title="Đổi tên", actor=SYSTEM)  # through the service: the office's mark renews
    changed = caller.get("/api/v1/aid-items/", **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_records_of_an_office_the_caller_cannot_read_are_404(api, stranger, token_of, yen_bai):
    from tests.api.conftest import Api

    item = AidItem.objects.filter(office=yen_bai).first()
    tx = Transaction.objects.filter(office=yen_bai).first()
    caller = Api(token_of("khac"))
    for path in [f"/api/v1/aid-items/{item.pk}/", f"/api/v1/transactions/{tx.pk}/"]:
        response = caller.get(path)
        assert response.status_code == 404
        assert response.json()["errors"][0]["code"] == "api.not_found"
    assert caller.get("/api/v1/aid-items/").json()["results"] == []
    assert caller.get("/api/v1/reports/aid/", {"office": "yen-bai", "year": "2022"}).status_code == 404
    # Common exchange rates and the geography are reference data for everyone.
    assert caller.get("/api/v1/exchange-rates/").json()["results"]


def test_personal_fields_only_for_the_offices_staff(api, yen_bai):
    from caunoi.relations.models import Person

    Person.objects.filter(office=yen_bai).update(email="a@example.org", phone="0123")
    staff = api("bientap").get("/api/v1/people/").json()["results"]
    national = api("toanquoc").get("/api/v1/people/").json()["results"]
    assert staff and {p["email"] for p in staff} == {"a@example.org"}
    assert {(p["email"], p["phone"], p["notes"]) for p in national} == {(None, None, None)}
    assert {p["name"] for p in national} == {p["name"] for p in staff}


def test_agreements_carry_their_status_as_of_the_day_asked(api, yen_bai):
    from caunoi.relations.models import Agreement
    from caunoi.relations.status import agreement_status

    agreement = Agreement.objects.filter(office=yen_bai).exclude(signed_on=None).first()
    for day in ["2019-01-01", "2023-06-01", "2026-11-27"]:
        rows = api("xem").get("/api/v1/agreements/", {"on": day}).json()["results"]
        row = next(r for r in rows if r["id"] == agreement.pk)
        assert row["status"] == agreement_status(agreement, dt.date.fromisoformat(day)).value


def test_geography_with_successions(api):
    from caunoi.geography.models import UnitSuccession

    row = UnitSuccession.objects.select_related("old").first()
    body = api("xem").get(f"/api/v1/geography/units/{row.old_id}/").json()
    assert {s["new"] for s in body["successions"]} >= {row.new_id}


LISTS = [
    "/api/v1/aid-items/",
    "/api/v1/transactions/",
    "/api/v1/organisations/",
    "/api/v1/exchange-rates/",
    "/api/v1/geography/units/",
    "/api/v1/partnerships/",
    "/api/v1/agreements/",
    "/api/v1/associations/",
    "/api/v1/events/",
    "/api/v1/plans/",
    "/api/v1/plan-tasks/",
    "/api/v1/people/",
]


@pytest.mark.parametrize("path", LISTS)
def test_queries_do_not_grow_with_the_page(api, path):
    caller = api("quantri")
    caller.get(path)  # the token's first call records its use, the first kept answer makes the marks
    counts = []
    for size in (2, 20):
        with CaptureQueriesContext(connection) as queries:
            response = caller.get(path, {"page_size": size})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_item_detail_queries_do_not_grow_with_its_parts(api, yen_bai):
    caller = api("quantri")
    caller.get("/api/v1/aid-items/")  # the token's first use and the marks: measured apart
    counts = {}
    for item in AidItem.objects.filter(office=yen_bai)[:3]:
        with CaptureQueriesContext(connection) as queries:
            assert caller.get(f"/api/v1/aid-items/{item.pk}/").status_code == 200
        counts[item.pk] = len(queries)
    assert len(set(counts.values())) == 1, counts
