"""An office administrator's zip of the office's records: every table of the office, CSV (BOM, RFC 4180,
formula cells neutralised) and JSON, nothing of another office, refused to anyone else."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.test import Client

from caunoi.aid.models import AidItem, Transaction
from caunoi.backup.office_export import export_office, safe_cell
from caunoi.core.errors import RuleError
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation

pytestmark = pytest.mark.django_db


def _zip(office: Office) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(export_office(office, actor=User.objects.get(username="quantri"))))


def _csv(archive: zipfile.ZipFile, table: str) -> list[list[str]]:
    raw = archive.read(f"{table}.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_the_office_s_items_and_their_transactions(yen_bai: Office) -> None:
    archive = _zip(yen_bai)
    rows = _csv(archive, "aid_aiditem")
    codes = sorted(AidItem.objects.filter(office=yen_bai).values_list("code", flat=True))
    assert rows[0][:6] == ["id", "created_at", "updated_at", "archived_at", "office_id", "code"]
    assert sorted(r[5] for r in rows[1:]) == codes
    assert {r[4] for r in rows[1:]} == {str(yen_bai.pk)}
    money = json.loads(archive.read("aid_transaction.json"))
    expected = Transaction.objects.filter(office=yen_bai).order_by("pk")
    assert [(t["id"], Decimal(t["amount"]), t["currency"]) for t in money] == [
        (t.pk, t.amount, t.currency) for t in expected
    ]
    raw = archive.read("aid_aiditem.csv")
    assert raw.split(b"\r\n", 1)[0].endswith(b",is_illustrative,is_public,search_text") and raw.endswith(
        b"\r\n"
    )


def test_every_file_is_described_and_nothing_of_another_office(yen_bai: Office) -> None:
    archive = _zip(yen_bai)
    names = archive.namelist()
    readme = archive.read("README.txt").decode()
    tables = sorted(n.removesuffix(".csv") for n in names if n.endswith(".csv"))
    assert sorted(n.removesuffix(".json") for n in names if n.endswith(".json")) == tables
    assert {"aid_aiditem", "aid_transaction", "core_office", "relations_event", "aid_statuschange"} <= set(
        tables
    )
    assert not [t for t in tables if "historical" in t or t.startswith(("auth_", "geography_"))]
    assert all(f"{t}.csv / .json" in readme for t in tables)
    offices = json.loads(archive.read("core_office.json"))
    assert [o["code"] for o in offices] == ["yen-bai"]
    for table in ("aid_aiditem", "aid_transaction", "directory_organisation", "relations_event"):
        assert {row["office_id"] for row in json.loads(archive.read(f"{table}.json"))} <= {yen_bai.pk}


def test_formula_cells_are_neutralised_in_csv_only(yen_bai: Office) -> None:
    Organisation.objects.create(
        office=yen_bai, kind="foreign_ngo", name='=HYPERLINK("http://x","Quỹ, “A”")', country="KR"
    )
    archive = _zip(yen_bai)
    rows = _csv(archive, "directory_organisation")
    name_at = rows[0].index("name")
    assert '\'=HYPERLINK("http://x","Quỹ, “A”")' in [r[name_at] for r in rows[1:]]
    names = [o["name"] for o in json.loads(archive.read("directory_organisation.json"))]
    assert '=HYPERLINK("http://x","Quỹ, “A”")' in names
    assert [safe_cell(t) for t in ["+1", "-1", "@a", "\tx", "\rx", "a=b", ""]] == [
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "'\rx",
        "a=b",
        "",
    ]


def test_only_an_office_administrator_exports(yen_bai: Office) -> None:
    for username in ("xem", "lanhdao"):
        with pytest.raises(RuleError) as caught:
            export_office(yen_bai, actor=User.objects.get(username=username))
        assert caught.value.code == "permission.denied"
    assert export_office(yen_bai, actor=SYSTEM).startswith(b"PK")


def test_the_page_and_the_download(yen_bai: Office) -> None:
    client = Client()
    client.force_login(User.objects.get(username="quantri"))
    page = client.get("/office/export/")
    assert page.status_code == 200
    assert b"/office/export/?office=yen-bai" in page.content
    download = client.get("/office/export/?office=yen-bai")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert download["Content-Disposition"] == 'attachment; filename="caunoi-yen-bai-20261127.zip"'
    # The new Lào Cai union's administrator exports its own records and its predecessor's, nothing else.
    assert client.get("/office/export/?office=lao-cai").status_code == 200
    assert client.get("/office/export/?office=khong-co").status_code == 404
    viewer = Client()
    viewer.force_login(User.objects.get(username="xem"))
    assert b"/office/export/?office=" not in viewer.get("/office/export/").content
    assert viewer.get("/office/export/?office=yen-bai").status_code == 302
