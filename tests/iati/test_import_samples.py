"""Every published sample: valid ones import with the file's counts, invalid ones are refused with a
located reason (see ../shared/data/iati/samples/MANIFEST.md)."""

from __future__ import annotations

import pytest

from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Transaction
from caunoi.core.permissions import SYSTEM
from caunoi.iati import models as im
from caunoi.iati.details import Details
from caunoi.iati.importer import import_paths
from tests.iati.conftest import count_in_file, sample

# Every test here runs with the files read in this process and in the reader process.
pytestmark = pytest.mark.usefixtures("reader_mode")

# (file, activities the ledger's rules refuse, and why): the "valid" label of MANIFEST.md is XSD only.
# Locations of the Viet Nam sample whose name matched a caunoi unit.
LOCATED = 20

VALID = [
    ("valid/CAF-ActivityFile-2025-10-10_478acts.xml", {}),
    ("valid/FI-3_finland-mfa_2021_6acts.xml", {}),
    ("valid/IOM_oipa-export_577acts_1VN.xml", {}),
    ("valid/MAEC_IATI_INDONESIA_83acts_v2.01.xml", {}),
    ("valid/acfspain-ph_6acts_v2.02.xml", {}),
    ("valid/dportal-covid-2021_page105_100acts_9VN.xml", {}),
    ("valid/dportal-foodsecurity_7acts.xml", {}),
    ("valid/usaid-la_laos_54acts.xml", {}),
    ("valid/worldbank-679_5acts.xml", {}),
    (
        "vn/vn_activities_valid.xml",
        {
            "CA-3-P007336001": "iati.code_unknown",  # DAC sector 15171 is not in the Sector codelist
            "NL-KVK-27378529-PCB20VN05A": "iati.needs_start",  # in implementation, no start date
            "XI-IATI-EC_INTPA-2020/42250/1": "aid.planned_dates",  # planned end before planned start
        },
    ),
]


@pytest.mark.parametrize(("relative", "refused"), VALID, ids=[v[0].split("/")[-1] for v in VALID])
def test_valid_sample_imports_with_the_files_counts(office, relative, refused):
    path = sample(relative)
    activities, transactions = count_in_file(path)

    summary = import_paths([path], office, skip_invalid=bool(refused), actor=SYSTEM)

    assert summary.adds_up()
    assert summary.read == activities
    assert {p.activity: p.code for p in summary.errors} == refused
    assert summary.rejected == len(refused)
    assert summary.imported == activities - len(refused)
    kept = im.IatiActivity.objects.filter(office=office)
    assert kept.count() == activities - len(refused)
    assert AidItem.objects.filter(office=office).count() == activities - len(refused)
    ledger = Transaction.objects.filter(office=office).count()
    outside = sum(len(Details(a.details).others) for a in kept)
    assert ledger == summary.ledger_transactions
    assert outside == summary.other_transactions
    if not refused:
        assert ledger + outside == transactions == summary.transactions


def test_vn_sample_imports_with_places_and_sectors(office):
    summary = import_paths([sample("vn/vn_activities_valid.xml")], office, skip_invalid=True, actor=SYSTEM)

    assert summary.imported == 66
    places = ItemPlace.objects.filter(item__office=office).select_related("unit")
    assert {p.unit.name for p in places} >= {"Thành phố Hà Nội", "Tỉnh Hà Giang"}
    kept = [Details(a.details) for a in im.IatiActivity.objects.filter(office=office)]
    located = [loc for d in kept for loc in d.locations if loc.unit_id is not None]
    assert len(located) == LOCATED
    assert ItemSector.objects.filter(item__office=office).count() > 60
    for item in AidItem.objects.filter(office=office).prefetch_related("sector_shares"):
        shares = [s.share for s in item.sector_shares.all()]
        assert not shares or sum(shares) == 100


INVALID = [
    ("invalid/GB-GOV-1_albania_8acts_v2.01.xml", "iati.schema", 99),
    ("invalid/dfid-style_complex_example_v1.00_57acts.xml", "iati.version_1x", 2),
    ("invalid/dportal-covid-2021_fixture_401acts_5VN.xml", "iati.schema", 10504),
    ("invalid/dportal-covid-2021_page121.xml", "iati.schema", 45),
    ("invalid/dportal-covid-2021_page18.xml", "iati.schema", 2822),
    ("invalid/dportal-covid-2021_page31.xml", "iati.schema", 695),
    ("invalid/dportal-covid-2021_page56.xml", "iati.schema", 16),
    ("invalid/not-xml_dportal-json-response.xml", "iati.not_well_formed", 1),
    ("invalid/truncated_fixture.xml", "iati.version_1x", 2),
    ("invalid/undp_sample_empty-version.xml", "iati.version_unknown", 2),
    ("invalid/worldbank_v1.0_16acts.xml", "iati.version_1x", 2),
    ("vn/vn_activities_invalid.xml", "iati.schema", 49),
]


@pytest.mark.parametrize(("relative", "code", "line"), INVALID, ids=[v[0].split("/")[-1] for v in INVALID])
def test_invalid_sample_is_refused_with_line_and_reason(office, relative, code, line):
    summary = import_paths([sample(relative)], office, actor=SYSTEM)

    assert not summary.committed
    first = min(summary.errors, key=lambda p: p.row or 0)
    assert (first.code, first.row) == (code, line)
    assert first.source == relative.split("/")[-1]
    assert first.vi and first.en
    assert AidItem.objects.filter(office=office).count() == 0
    assert summary.adds_up()
