"""The closed-year rule holds for IATI imports as for the services: money dated in a locked year is neither
added nor changed by a file, and a re-import that leaves that money as it was goes through."""

from __future__ import annotations

import pytest

from caunoi.aid.closing import close_year, reopen_year
from caunoi.aid.models import AidItem, Transaction
from caunoi.core.permissions import SYSTEM
from caunoi.iati.importer import import_paths
from tests.iati.conftest import activities_file, activity

pytestmark = pytest.mark.usefixtures("frozen_2026")


@pytest.fixture
def frozen_2026():
    import time_machine

    with time_machine.travel("2026-03-01 09:00 +07:00", tick=False):
        yield


def _money(office):
    return sorted(
        (t.kind, str(t.amount), str(t.value_date)) for t in Transaction.objects.filter(office=office)
    )


def test_a_new_activity_with_money_in_a_locked_year_is_refused(office, tmp_path):
    close_year(office, 2022, actor=SYSTEM)
    path = activities_file(tmp_path / "a.xml", activity("XM-LOCK-1"))

    summary = import_paths([path], office, actor=SYSTEM)

    assert (summary.committed, summary.rejected) == (False, 1)
    [error] = summary.errors
    assert (error.code, error.activity, error.column) == ("aid.year_closed", "XM-LOCK-1", "transaction")
    assert "Số liệu năm 2022 của cơ quan" in error.vi
    assert not AidItem.objects.filter(office=office).exists()


def test_a_reimport_changing_locked_money_is_refused_until_the_year_is_reopened(office, tmp_path):
    import_paths([activities_file(tmp_path / "a.xml", activity())], office, actor=SYSTEM)
    close_year(office, 2022, actor=SYSTEM)
    before = _money(office)
    changed = activities_file(tmp_path / "b.xml", activity(value="16000", updated="2024-06-01T00:00:00Z"))

    refused = import_paths([changed], office, actor=SYSTEM)

    assert (refused.committed, refused.rejected, [e.code for e in refused.errors]) == (
        False,
        1,
        ["aid.year_closed"],
    )
    assert _money(office) == before
    reopen_year(office, 2022, actor=SYSTEM, reason="Nhà tài trợ sửa số cam kết")
    accepted = import_paths([changed], office, actor=SYSTEM)
    assert (accepted.committed, accepted.updated) == (True, 1)
    assert ("2", "16000.00", "2022-03-05") in _money(office)


def test_a_reimport_leaving_locked_money_alone_goes_through(office, tmp_path):
    import_paths([activities_file(tmp_path / "a.xml", activity())], office, actor=SYSTEM)
    close_year(office, 2022, actor=SYSTEM)
    before = _money(office)
    retitled = activities_file(
        tmp_path / "b.xml", activity(title="Nước sạch Mù Cang Chải", updated="2024-06-01T00:00:00Z")
    )

    summary = import_paths([retitled], office, actor=SYSTEM)

    assert (summary.committed, summary.updated, summary.errors) == (True, 1, [])
    assert AidItem.objects.get(office=office).title == "Nước sạch Mù Cang Chải"
    assert _money(office) == before
