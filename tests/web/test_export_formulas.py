"""Every CSV and XLSX download writes a record's text that begins like a formula as text (issue 13, item 3):
the list exports, the aid dashboard's CSVs and the relations dashboard's CSVs."""

import csv
import io

import pytest
from openpyxl import load_workbook

from caunoi.aid.models import AidItem
from caunoi.core import marks
from caunoi.directory.models import Organisation
from caunoi.relations.models.events import Event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]
HYPERLINK = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
DDE = "=cmd|' /C calc'!A0"


def csv_of(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_aid_list_csv_and_xlsx_write_formula_titles_as_text(login, yen_bai):
    first, second = AidItem.objects.filter(office=yen_bai).order_by("code")[:2]
    AidItem.objects.filter(pk=first.pk).update(title=HYPERLINK)
    AidItem.objects.filter(pk=second.pk).update(title=DDE)
    client = login("bientap")
    rows = csv_of(client.get("/aid/", {"format": "csv"}))
    title = rows[0].index("Tên khoản viện trợ")
    assert [r[title] for r in rows[1:3]] == ["'" + HYPERLINK, "'" + DDE]
    sheet = load_workbook(io.BytesIO(client.get("/aid/", {"format": "xlsx"}).content)).active
    cells = [sheet.cell(row=r, column=title + 1) for r in (2, 3)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in cells] == [
        (HYPERLINK, "s", True),
        (DDE, "s", True),
    ]


def test_the_aid_dashboard_csv_writes_a_formula_donor_as_text(login):
    client = login("bientap")
    query = "?year=2022&date=2022-06-30"
    donor = csv_of(client.get(f"/dashboard/csv/donors/{query}"))[1][0]
    Organisation.objects.filter(name=donor).update(name=DDE)
    marks.touch_all()  # a raw update bypasses the services that renew the marks the kept figures are under
    rows = csv_of(client.get(f"/dashboard/csv/donors/{query}"))
    assert [r[0] for r in rows if DDE in r[0]] == ["'" + DDE]


def test_the_relations_dashboard_csv_writes_a_formula_partner_as_text(login):
    event = Event.objects.filter(start_on__year=2022, partnership__isnull=False).first()
    assert event is not None
    Organisation.objects.filter(pk=event.partnership.organisation_id).update(name=HYPERLINK)
    rows = csv_of(login("xem").get("/relations/dashboard/csv/partners/", {"year": "2022"}))
    assert [r[0] for r in rows if HYPERLINK in r[0]] == ["'" + HYPERLINK]
