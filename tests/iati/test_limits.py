"""The issue's samples in an IATI file: each a located problem, the import all or nothing, no traceback."""

from __future__ import annotations

import pytest

from caunoi.aid.models import AidItem, Transaction
from caunoi.core.permissions import SYSTEM
from caunoi.iati import models as im
from caunoi.iati.importer import import_paths
from tests.iati.conftest import activities_file, activity

pytestmark = pytest.mark.usefixtures("reader_mode")


def test_an_identifier_over_200_characters_rejects_the_file(office, tmp_path):
    long_id = (
        "XM-TEST-" + "9" * 2_000_000
    )  # SQLite stored such a 2 MB identifier; PostgreSQL raised DataError
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), activity(long_id))

    summary = import_paths([path], office, actor=SYSTEM)

    assert (summary.committed, summary.imported, summary.rejected) == (False, 1, 1)
    [problem] = summary.errors
    assert (problem.code, problem.field, problem.source, problem.activity) == (
        "limits.text_too_long",
        "iati_identifier",
        "a.xml",
        long_id,
    )
    assert problem.row is not None and problem.row > 1
    assert problem.vi == "“mã IATI” dài 2.000.008 ký tự; tối đa 200 ký tự."
    assert problem.en == "“IATI identifier” is 2,000,008 characters long; at most 200 are allowed."
    assert not AidItem.objects.filter(office=office).exists()
    assert not im.IatiActivity.objects.filter(office=office).exists()


def test_a_hierarchy_beyond_a_small_integer(office, tmp_path):
    body = activity("XM-TEST-H").replace("<iati-activity ", '<iati-activity hierarchy="40000" ', 1)
    summary = import_paths([activities_file(tmp_path / "a.xml", body)], office, actor=SYSTEM)

    assert [(p.code, p.field, p.params["value"]) for p in summary.errors] == [
        ("limits.number_out_of_range", "hierarchy", "40000")
    ]
    assert not summary.committed and not AidItem.objects.filter(office=office).exists()


def test_a_40_digit_amount_is_kept_outside_the_ledger_with_its_reason(office, tmp_path):
    """As every amount a ledger rule refuses (the module's rule): no InvalidOperation, a notice on its line."""
    summary = import_paths(
        [activities_file(tmp_path / "a.xml", activity(value="1" * 40))], office, actor=SYSTEM
    )

    assert summary.committed and summary.errors == []
    [notice] = [p for p in summary.notices if p.code == "iati.outside_ledger"]
    assert notice.column == "transaction" and notice.row is not None
    assert "1" * 40 in notice.en and "ledger accepts amounts up to 9,999,999,999,999.99" in notice.en
    assert list(Transaction.objects.filter(office=office).values_list("kind", flat=True)) == ["3"]
