"""Writing through the API calls the services: a rule refusal is 400 with the rule's code, its field and both
languages, and saves nothing; a create retried with its Idempotency-Key makes no second record."""

import pytest

from caunoi.aid.models import AidItem, Transaction
from caunoi.directory.models import Organisation
from caunoi.relations.models import Event

pytestmark = pytest.mark.django_db
ITEM = {"office": "lao-cai", "code": "LC-API-1", "modality": "project", "title": "Nước sạch cho trường học"}
DECISION = {"number": "15/QĐ-UBND", "date": "2026-03-02", "authority": "Chủ tịch UBND tỉnh Lào Cai"}


def _item(caller, **changes):  # type: ignore[no-untyped-def]
    response = caller.post("/api/v1/aid-items/", {**ITEM, **changes})
    assert response.status_code == 201, response.content
    return response.json()


def test_create_and_update_an_item(api):
    caller = api("bientap")
    body = _item(caller, title_en="Clean water for schools")
    item = AidItem.objects.get(pk=body["id"])
    assert (item.office.code, item.code, item.status) == ("lao-cai", "LC-API-1", "proposal")
    assert body["status_history"][0]["to_status"] == "proposal"
    assert item.history.first().history_user.username == "bientap"
    changed = caller.send("PATCH", f"/api/v1/aid-items/{item.pk}/", {"title": "Nước sạch"})
    assert changed.status_code == 200 and changed.json()["title"] == "Nước sạch"
    assert changed.json()["title_en"] == "Clean water for schools"


def test_a_rule_refusal_is_400_with_code_field_and_both_languages_and_saves_nothing(api):
    caller = api("bientap")
    _item(caller)
    before = AidItem.objects.count()
    response = caller.post("/api/v1/aid-items/", ITEM)
    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "code": "aid.code_taken",
                "field": "code",
                "vi": "Mã khoản viện trợ “LC-API-1” đã có trong cơ quan lao-cai.",
                "en": "Aid item code “LC-API-1” already exists in office lao-cai.",
            }
        ]
    }
    assert AidItem.objects.count() == before


def test_an_approval_needs_its_decision(api):
    caller = api("lanhdao")
    item = _item(caller, entered_on="2026-01-10")
    for step in ["dossier_submitted", "in_appraisal"]:
        assert (
            caller.post(
                f"/api/v1/aid-items/{item['id']}/transitions/", {"to_status": step, "on": "2026-02-01"}
            ).status_code
            == 201
        )
    refused = caller.post(
        f"/api/v1/aid-items/{item['id']}/transitions/", {"to_status": "approved", "on": "2026-03-02"}
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "aid.approval_needs_decision"
    assert refused.json()["errors"][0]["field"] == "decision_number"
    done = caller.post(
        f"/api/v1/aid-items/{item['id']}/transitions/",
        {"to_status": "approved", "on": "2026-03-02", "decision": DECISION},
    )
    assert done.status_code == 201 and done.json()["decision_number"] == "15/QĐ-UBND"
    assert AidItem.objects.get(pk=item["id"]).approved_on.isoformat() == "2026-03-02"


def test_an_editor_may_not_approve(api):
    item = _item(api("bientap"))
    refused = api("bientap").post(
        f"/api/v1/aid-items/{item['id']}/transitions/",
        {"to_status": "approved", "on": "2026-03-02", "decision": DECISION},
    )
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["code"] == "permission.denied"


def test_transactions_record_correct_and_reverse(api):
    caller = api("bientap")
    item = _item(caller)
    made = caller.post(
        f"/api/v1/aid-items/{item['id']}/transactions/",
        {"kind": "2", "amount": "1000.00", "currency": "eur", "value_date": "2026-03-02"},
    )
    assert made.status_code == 201, made.content
    assert (made.json()["currency"], made.json()["amount"]) == ("EUR", "1000.00")
    refused = caller.post(
        f"/api/v1/aid-items/{item['id']}/transactions/",
        {"kind": "3", "amount": "10", "currency": "EUR", "value_date": "2026-03-02"},
    )
    assert refused.status_code == 400 and refused.json()["errors"][0]["code"] == "aid.transaction_status"
    tx = made.json()["id"]
    corrected = caller.post(
        f"/api/v1/transactions/{tx}/correction/",
        {"amount": "1200.00", "currency": "EUR", "value_date": "2026-03-02", "reason": "Sai số"},
    )
    assert corrected.status_code == 200 and corrected.json()["amount"] == "1200.00"
    no_reason = caller.post(f"/api/v1/transactions/{tx}/reversal/", {"reason": ""})
    assert no_reason.status_code == 400
    reversed_ = caller.post(f"/api/v1/transactions/{tx}/reversal/", {"reason": "Nhập trùng"})
    assert reversed_.status_code == 200 and reversed_.json()["reversed_at"]
    assert Transaction.objects.get(pk=tx).reversal_reason == "Nhập trùng"


def test_sectors_places_and_participants(api, yen_bai):
    from caunoi.geography.models import AdminUnit

    caller = api("bientap")
    item = _item(caller)
    bad = caller.send(
        "PUT", f"/api/v1/aid-items/{item['id']}/sectors/", {"shares": [{"id": "y-te", "share": "60"}]}
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["code"] == "aid.shares_total"
    good = caller.send(
        "PUT",
        f"/api/v1/aid-items/{item['id']}/sectors/",
        {"shares": [{"id": "y-te", "share": "60"}, {"id": "giao-duc-dao-tao", "share": "40"}]},
    )
    assert good.status_code == 200, good.content
    assert [(s["sector"], s["share"]) for s in good.json()["sectors"]] == [
        ("y-te", "60.00"),
        ("giao-duc-dao-tao", "40.00"),
    ]
    unit = AdminUnit.objects.filter(era="2025", level="province").first()
    places = caller.send(
        "PUT", f"/api/v1/aid-items/{item['id']}/places/", {"shares": [{"id": str(unit.pk), "share": "100"}]}
    )
    assert places.status_code == 200 and places.json()["places"][0]["unit"] == unit.pk
    donor = Organisation.objects.create(office=yen_bai.successor, kind="foreign_ngo", name="Quỹ API")
    added = caller.post(
        f"/api/v1/aid-items/{item['id']}/participants/", {"organisation": donor.pk, "role": "funding"}
    )
    assert added.status_code == 201
    foreign = Organisation.objects.filter(office=yen_bai).first()
    mismatch = caller.post(
        f"/api/v1/aid-items/{item['id']}/participants/", {"organisation": foreign.pk, "role": "funding"}
    )
    assert mismatch.status_code == 400 and mismatch.json()["errors"][0]["code"] == "office.mismatch"
    gone = caller.send("DELETE", f"/api/v1/aid-items/{item['id']}/participants/{added.json()['id']}/", None)
    assert gone.status_code == 204
    assert not AidItem.objects.get(pk=item["id"]).participations.exists()


def test_a_retried_create_with_its_idempotency_key_makes_no_second_item(api):
    caller = api("bientap")
    first = caller.post("/api/v1/aid-items/", ITEM, **{"Idempotency-Key": "k-1"})
    again = caller.post("/api/v1/aid-items/", ITEM, **{"Idempotency-Key": "k-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    assert AidItem.objects.filter(code="LC-API-1").count() == 1
    other = caller.post(
        "/api/v1/organisations/",
        {"office": "lao-cai", "kind": "foreign_ngo", "name": "X"},
        **{"Idempotency-Key": "k-1"},
    )
    assert other.status_code == 400 and other.json()["errors"][0]["code"] == "api.idempotency_key_reused"
    # Another user's same key is theirs alone.
    assert (
        api("quantri")
        .post("/api/v1/aid-items/", {**ITEM, "code": "LC-API-2"}, **{"Idempotency-Key": "k-1"})
        .status_code
        == 201
    )


def test_organisations_and_events(api):
    caller = api("bientap")
    made = caller.post(
        "/api/v1/organisations/",
        {"office": "lao-cai", "kind": "foreign_ngo", "name": "Quỹ Mới", "country": "kr"},
    )
    assert made.status_code == 201 and made.json()["country"] == "KR"
    bad = caller.send("PATCH", f"/api/v1/organisations/{made.json()['id']}/", {"country": "ZZ"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["code"] == "directory.country_unknown"
    assert Organisation.objects.get(pk=made.json()["id"]).country == "KR"
    event = caller.post(
        "/api/v1/events/",
        {
            "office": "lao-cai",
            "title": "Đón đoàn Quỹ Mới",
            "kind": "incoming_delegation",
            "start_on": "2026-05-04",
            "organisers": [made.json()["id"]],
        },
    )
    assert event.status_code == 201, event.content
    assert event.json()["organisers"] == [made.json()["id"]]
    assert (
        caller.get("/api/v1/delegations/", {"year": "2026"}).json()["results"][0]["id"] == event.json()["id"]
    )
    changed = caller.send("PATCH", f"/api/v1/events/{event.json()['id']}/", {"place": "Sa Pa"})
    assert changed.status_code == 200 and Event.objects.get(pk=event.json()["id"]).place == "Sa Pa"


def test_bad_json_types_are_400_in_the_one_shape(api):
    response = api("bientap").post(
        "/api/v1/aid-items/", {**ITEM, "modality": "x", "planned_start": "hôm qua"}
    )
    assert response.status_code == 400
    assert {p["field"] for p in response.json()["errors"]} == {"modality", "planned_start"}
    assert {p["code"] for p in response.json()["errors"]} == {"api.bad_input"}
