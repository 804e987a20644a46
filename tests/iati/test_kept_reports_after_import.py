"""An IATI import writes its rows in bulk, without model signals: the reports kept under the ledger marks must
still see what it imported."""

from __future__ import annotations

import datetime as dt

from caunoi.core.permissions import SYSTEM
from caunoi.iati.importer import import_paths
from caunoi.reports.dashboard import dashboard

from .conftest import activities_file, activity


def _pipeline(office) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {s.key: s.count for s in dashboard([office], 2022, 2022, dt.date(2026, 11, 27)).statuses}


def test_the_dashboard_sees_an_imported_activity(office, tmp_path):
    before = _pipeline(office)
    summary = import_paths([activities_file(tmp_path / "a.xml", activity())], office, actor=SYSTEM)
    assert summary.imported == 1
    after = _pipeline(office)
    assert sum(after.values()) == sum(before.values()) + 1
