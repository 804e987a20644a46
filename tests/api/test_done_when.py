"""The issue's "done when": an item created, its commitment recorded in EUR and approved through the API
alone, then the aid report read through the API equals `aid_summary`'s and the CLI's JSON."""

import io
import json

import pytest
from django.core.management import call_command

from caunoi.core.models import Office
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db


def _cli_report(office: str, year: int) -> dict:
    out = io.StringIO()
    call_command("report", "aid", "--year", str(year), "--office", office, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_create_commit_in_eur_approve_and_read_the_report(api):
    caller = api("lanhdao")
    before = caller.get("/api/v1/reports/aid/", {"office": "lao-cai", "year": "2026"}).json()
    item = caller.post(
        "/api/v1/aid-items/",
        {
            "office": "lao-cai",
            "code": "LC-2026-API",
            "modality": "project",
            "title": "Bếp ăn bán trú cho trẻ em vùng cao",
            "entered_on": "2026-01-10",
        },
        **{"Idempotency-Key": "done-when-1"},
    ).json()
    path = f"/api/v1/aid-items/{item['id']}"
    money = caller.post(
        f"{path}/transactions/",
        {"kind": "2", "amount": "50000.00", "currency": "EUR", "value_date": "2026-02-15"},
    )
    assert money.status_code == 201, money.content
    for step in ("dossier_submitted", "in_appraisal"):
        assert caller.post(f"{path}/transitions/", {"to_status": step, "on": "2026-02-20"}).status_code == 201
    approved = caller.post(
        f"{path}/transitions/",
        {
            "to_status": "approved",
            "on": "2026-03-02",
            "decision": {
                "number": "15/QĐ-UBND",
                "date": "2026-03-02",
                "authority": "Chủ tịch UBND tỉnh Lào Cai",
            },
        },
    )
    assert approved.status_code == 201, approved.content

    report = caller.get("/api/v1/reports/aid/", {"office": "lao-cai", "year": "2026"})
    assert report.status_code == 200
    body = report.json()
    assert body["count"] == before["count"] + 1
    eur_before = before["committed"]["by_currency"].get("EUR", 0)
    assert body["committed"]["by_currency"]["EUR"] == eur_before + 50000
    # The API's report is the summary's own JSON, and the CLI's.
    assert body == json.loads(json.dumps(aid_summary(Office.objects.get(code="lao-cai"), 2026).as_dict()))
    assert body == _cli_report("lao-cai", 2026)
    # The stored converted values the report sums are the ones the item's transaction shows.
    tx = caller.get(f"{path}/").json()["transactions"][0]
    assert tx["currency"] == "EUR" and tx["amount"] == "50000.00"
    if tx["usd_value"] is not None:
        assert tx["usd_rate"] is not None


def test_the_diplomacy_report_is_the_clis(api):
    out = io.StringIO()
    call_command(
        "diplomacy", "report", "--year", "2022", "--office", "yen-bai", "--format", "json", stdout=out
    )
    body = api("xem").get("/api/v1/reports/diplomacy/", {"office": "yen-bai", "year": "2022"}).json()
    assert body == json.loads(out.getvalue())
