"""The portal's downloads: the list with its filters, as CSV, XLSX, GeoJSON and IATI 2.03, and the column
dictionary; a text that begins like a formula stays text."""

import csv
import io
import json

import pytest
from lxml import etree
from openpyxl import load_workbook

from caunoi.aid.models import AidItem
from caunoi.iati.schema import activity_schema, schema_errors
from caunoi.portal.public import PLACE_FIELDS, PUBLIC_FIELDS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]
DDE = "=cmd|' /C calc'!A0"


def _csv(response):  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_has_the_public_columns_and_the_filtered_items(client, yen_bai, all_public):
    rows = _csv(client.get("/cong-khai/yen-bai/tai-ve.csv", {"year": "2022", "modality": "project"}))
    assert rows[0] == [c.name for c in PUBLIC_FIELDS]
    expected = AidItem.objects.filter(office=yen_bai, approved_on__year=2022, modality="project")
    assert sorted(r[0] for r in rows[1:]) == sorted(expected.values_list("code", flat=True))
    assert {r[4] for r in rows[1:]} <= {"approved", "implementing", "completed", "closed", "suspended"}


def test_a_formula_title_is_text_in_csv_and_xlsx(client, all_public):
    item = sorted(all_public, key=lambda i: i.code)[0]
    AidItem.objects.filter(pk=item.pk).update(title=DDE)
    rows = _csv(client.get("/cong-khai/yen-bai/tai-ve.csv"))
    title = rows[0].index("title")
    assert [r[title] for r in rows[1:] if DDE in r[title]] == ["'" + DDE]
    sheet = load_workbook(io.BytesIO(client.get("/cong-khai/yen-bai/tai-ve.xlsx").content))["yen-bai"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value == DDE]
    assert [(c.data_type, c.quotePrefix) for c in cells] == [("s", True)]


def test_the_geojson_places_each_item_at_its_places(client, yen_bai, all_public):
    response = client.get("/cong-khai/yen-bai/tai-ve.geojson", {"year": "2022"})
    document = json.loads(response.content)
    assert document["type"] == "FeatureCollection"
    features = document["features"]
    assert features
    for feature in features:
        assert feature["geometry"]["type"] == "Point"
        longitude, latitude = feature["geometry"]["coordinates"]
        assert 102 < longitude < 110 and 8 < latitude < 24
        assert set(feature["properties"]) == {c.name for c in (*PUBLIC_FIELDS, *PLACE_FIELDS)}
    codes = {f["properties"]["code"] for f in features}
    assert codes == set(
        AidItem.objects.filter(office=yen_bai, approved_on__year=2022).values_list("code", flat=True)
    )


def test_the_iati_file_is_valid_and_holds_only_the_public_items(client, yen_bai, all_public):
    from caunoi.aid import services
    from caunoi.core.permissions import SYSTEM

    hidden = sorted(all_public, key=lambda i: i.code)[0]
    services.set_public(hidden, False, actor=SYSTEM)
    root = etree.fromstring(client.get("/cong-khai/yen-bai/tai-ve.xml").content)
    assert root.get("version") == "2.03"
    activities = root.findall("iati-activity")
    assert len(activities) == len(all_public) - 1
    assert all(schema_errors(activity_schema(), a) == [] for a in activities)
    identifiers = [a.findtext("iati-identifier") for a in activities]
    assert not any(i.endswith(f"-{hidden.code}") for i in identifiers)


def test_an_empty_view_downloads_an_empty_iati_file(client, yen_bai):
    root = etree.fromstring(client.get("/cong-khai/yen-bai/tai-ve.xml").content)
    assert (root.tag, len(root)) == ("iati-activities", 0)


def test_the_column_dictionary_lists_every_column_in_both_languages(client):
    rows = _csv(client.get("/cong-khai/cot-du-lieu.csv"))
    assert rows[0] == ["column", "vi", "en"]
    assert [r[0] for r in rows[1:]] == [c.name for c in (*PUBLIC_FIELDS, *PLACE_FIELDS)]
    assert all(r[1] and r[2] for r in rows[1:])
    page = client.get("/cong-khai/cot-du-lieu.html").content.decode()
    assert all(f"<code>{c.name}</code>" in page for c in PUBLIC_FIELDS)


def test_an_unknown_format_or_office_is_not_found(client):
    assert client.get("/cong-khai/yen-bai/tai-ve.pdf").status_code == 404
    assert client.get("/cong-khai/khong-co/").status_code == 404


@pytest.mark.parametrize("fmt", ["xlsx", "xml", "csv", "geojson"])
def test_the_same_records_download_as_the_same_bytes_at_any_time(client, all_public, fmt):
    # A re-published static folder rewrites only what changed: no file carries the moment it was drawn.
    import time_machine

    url = f"/cong-khai/yen-bai/tai-ve.{fmt}"
    with time_machine.travel("2026-11-27 08:00:00+07:00", tick=False):
        first = client.get(url).content
    with time_machine.travel("2026-11-28 17:31:07+07:00", tick=False):
        again = client.get(url).content
    assert first == again
