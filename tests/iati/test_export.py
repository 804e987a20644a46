"""Export: valid IATI 2.03, narratives in vi and en, both sector vocabularies; and the round trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from lxml import etree

from caunoi.aid import services
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.iati.codelists import XML_LANG
from caunoi.iati.exporter import export_office
from caunoi.iati.importer import import_paths
from caunoi.iati.schema import activity_schema, organisation_schema
from tests.iati.conftest import activities_file, activity, sample

STAMP = "2026-11-27T03:00:00Z"


def _native_item(office, sectors):
    donor = Organisation.objects.create(
        office=office, kind="foreign_ngo", name="Quỹ Thử Nghiệm", iati_ref="KR-TEST-1", iati_type="21"
    )
    item = services.create_item(
        office,
        code="YB-001",
        modality="project",
        title="Trường mầm non xã Mù Cang Chải",
        title_en="Kindergarten",
        status="approved",
        decision=services.Decision("12/QĐ-UBND", dt.date(2022, 3, 1), "Chủ tịch UBND tỉnh"),
        actor=SYSTEM,
    )
    services.add_participant(item, donor, "funding", actor=SYSTEM)
    services.set_sectors(item, [(sectors["giao-duc-dao-tao"], 60), (sectors["y-te"], 40)], actor=SYSTEM)
    services.record_transaction(
        item, "3", Decimal("1200.50"), "USD", dt.date(2022, 4, 1), provider=donor, actor=SYSTEM
    )
    return item


def test_export_is_valid_with_both_languages_and_vocabularies(office, sectors, tmp_path):
    _native_item(office, sectors)
    path = tmp_path / "out.xml"

    result = export_office(office, path, generated=STAMP, organisation_file=tmp_path / "org.xml")

    assert result.activities == 1
    doc = etree.parse(str(path))
    assert activity_schema().validate(doc)
    assert organisation_schema().validate(etree.parse(str(tmp_path / "org.xml")))
    title = doc.find("iati-activity/title")
    assert [(n.get(XML_LANG), n.text) for n in title] == [
        ("vi", "Trường mầm non xã Mù Cang Chải"),
        ("en", "Kindergarten"),
    ]
    sectors_out = [
        (s.get("vocabulary"), s.get("code"), s.get("percentage")) for s in doc.iterfind(".//sector")
    ]
    assert sectors_out == [
        ("2", "121", "40"),
        ("2", "111", "60"),
        ("99", "y-te", "40"),
        ("99", "giao-duc-dao-tao", "60"),
    ]
    value = doc.find(".//transaction/value")
    assert (value.text, value.get("currency"), value.get("value-date")) == ("1200.5", "USD", "2022-04-01")
    assert doc.find(".//participating-org").attrib == {"ref": "KR-TEST-1", "type": "21", "role": "1"}


def test_invalid_document_is_not_written(office, tmp_path):
    services.create_item(
        office, code="NO-ORG", modality="project", title="Không có bên tham gia", actor=SYSTEM
    )
    path = tmp_path / "out.xml"

    with pytest.raises(RuleErrors) as refused:
        export_office(office, path, generated=STAMP)

    assert refused.value.problems[0].code == "iati.export_invalid"
    assert not path.exists()


def _round_trip(first_office, tmp_path):
    first = tmp_path / "first.xml"
    export_office(first_office, first, generated=STAMP)
    fresh = Office.objects.create(code="fresh", name="Fresh")
    summary = import_paths([first], fresh, actor=SYSTEM)
    assert summary.committed and not summary.errors
    second = tmp_path / "second.xml"
    export_office(fresh, second, generated=STAMP)
    return first.read_bytes(), second.read_bytes()


def test_round_trip_of_a_caunoi_item(office, sectors, tmp_path):
    _native_item(office, sectors)

    first, second = _round_trip(office, tmp_path)

    assert first == second


def test_round_trip_of_imported_activities(office, tmp_path):
    import_paths(
        [activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), activity("XM-TEST-2"))],
        office,
        actor=SYSTEM,
    )

    first, second = _round_trip(office, tmp_path)

    assert first == second


def test_round_trip_of_the_viet_nam_sample(office, tmp_path):
    import_paths([sample("vn/vn_activities_valid.xml")], office, skip_invalid=True, actor=SYSTEM)

    first, second = _round_trip(office, tmp_path)

    assert first == second
