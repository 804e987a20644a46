"""IATI tests read the published samples in ../shared/data/iati/samples (see MANIFEST.md there); the
tests that need them skip when that folder is absent."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from django.conf import settings
from lxml import etree

from caunoi.iati.stream import Limits

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "iati" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIMITS = Limits.of_megabytes(settings.IATI_MAX_INPUT_MB, settings.IATI_MAX_ELEMENT_MB)


def sample(relative: str) -> Path:
    path = SAMPLES / relative
    if not path.exists():
        pytest.skip(f"IATI sample {relative} absent (../shared/data/iati/samples not available)")
    return path


def count_in_file(path: Path) -> tuple[int, int]:
    """(activities, transactions) counted independently of caunoi's reader."""
    opener = gzip.open if path.name.endswith(".gz") else open
    activities = transactions = 0
    with opener(path, "rb") as handle:
        for _, element in etree.iterparse(handle, tag="iati-activity", huge_tree=True):
            activities += 1
            transactions += len(element.findall("transaction"))
            element.clear()
    return activities, transactions


def activity(
    identifier: str = "XM-TEST-1",
    *,
    updated: str = "2024-05-01T00:00:00Z",
    title: str = "Nước sạch cho xã Mù Cang Chải",
    status: str = "2",
    value: str = "15000.50",
    percentage: str = "100",
    location: str = "Yen Bai Province",
) -> str:
    """A small valid 2.03 activity written for these tests (not from a publisher)."""
    return f"""
  <iati-activity last-updated-datetime="{updated}" xml:lang="vi" default-currency="USD">
    <iati-identifier>{identifier}</iati-identifier>
    <reporting-org ref="XM-TEST" type="21"><narrative>Test NGO</narrative></reporting-org>
    <title><narrative>{title}</narrative><narrative xml:lang="en">Clean water</narrative></title>
    <description type="1"><narrative>Mô tả</narrative></description>
    <participating-org ref="XM-TEST" type="21" role="1"><narrative>Test NGO</narrative></participating-org>
    <participating-org role="4" type="22"><narrative>Hội Chữ thập đỏ tỉnh Yên Bái</narrative></participating-org>
    <activity-status code="{status}"/>
    <activity-date type="1" iso-date="2022-03-01"/>
    <activity-date type="3" iso-date="2024-12-31"/>
    <recipient-country code="VN" percentage="100"/>
    <location><name><narrative>{location}</narrative></name>
      <point srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><pos>21.7 104.9</pos></point></location>
    <sector vocabulary="1" code="14030" percentage="{percentage}"/>
    <budget type="1" status="1"><period-start iso-date="2022-01-01"/><period-end iso-date="2022-12-31"/>
      <value currency="USD" value-date="2022-01-01">20000</value></budget>
    <transaction><transaction-type code="2"/><transaction-date iso-date="2022-03-05"/>
      <value value-date="2022-03-05">{value}</value></transaction>
    <transaction><transaction-type code="3"/><transaction-date iso-date="2022-04-05"/>
      <value currency="USD" value-date="2022-04-05">5000</value></transaction>
    <transaction><transaction-type code="5"/><transaction-date iso-date="2022-05-05"/>
      <value currency="USD" value-date="2022-05-05">12.5</value></transaction>
  </iati-activity>"""


def activities_file(path: Path, *activities: str, version: str = "2.03") -> Path:
    body = "".join(activities)
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="{version}" '
        f'generated-datetime="2024-05-01T00:00:00Z">{body}\n</iati-activities>\n',
        encoding="utf-8",
    )
    return path


@pytest.fixture(params=["in-process", "reader-process"])
def reader_mode(request, monkeypatch):
    """Run a test both ways: files read and validated in this process, and in the reader process that
    large imports use (importer.PIPELINE_MIN_BYTES lowered to 0)."""
    from caunoi.iati import importer

    if request.param == "reader-process":
        monkeypatch.setattr(importer, "PIPELINE_MIN_BYTES", 0)
    return request.param


@pytest.fixture
def command_keeps_connection(monkeypatch):
    """A command run in the test's process (caunoi.cli.main) closes the database connections as it ends:
    on PostgreSQL that would end the test's transaction. Keep them open."""
    from django.db import connections

    monkeypatch.setattr(connections, "close_all", lambda: None)
