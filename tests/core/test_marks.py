"""Computed reports are kept under the ledger marks of the records they read, and never served stale."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.core import marks
from caunoi.core.models import LedgerMark, Office
from caunoi.core.permissions import SYSTEM
from caunoi.geography.models import AdminUnit, Era, Level
from caunoi.money.services import record_rate
from caunoi.reports.aid import aid_summary
from caunoi.reports.dashboard import dashboard


class Builder:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"value {self.calls}"


@pytest.fixture
def two_offices(db):  # type: ignore[no-untyped-def]
    return (
        Office.objects.create(code="mark-a", name="Văn phòng A"),
        Office.objects.create(code="mark-b", name="Văn phòng B"),
    )


def test_a_value_is_built_once_while_nothing_changes(two_offices):
    a, _b = two_offices
    build = Builder()
    assert marks.cached("t", [a.pk], 1, build) == "value 1"
    assert marks.cached("t", [a.pk], 1, build) == "value 1"
    assert marks.cached("t", [a.pk], 2, build) == "value 2"  # other parameters, another value
    assert build.calls == 2


def test_touching_an_office_makes_only_its_values_stale(two_offices):
    a, b = two_offices
    build_a, build_b = Builder(), Builder()
    marks.cached("t", [a.pk], 1, build_a)
    marks.cached("t", [b.pk], 1, build_b)
    marks.touch([a.pk])
    assert marks.cached("t", [a.pk], 1, build_a) == "value 2"
    assert marks.cached("t", [b.pk], 1, build_b) == "value 1"


def test_touching_the_shared_data_makes_every_value_stale(two_offices):
    a, b = two_offices
    build = Builder()
    marks.cached("t", [a.pk, b.pk], 1, build)
    marks.touch_all()
    assert marks.cached("t", [a.pk, b.pk], 1, build) == "value 2"


def test_a_value_built_in_a_rolled_back_transaction_is_never_served(two_offices):
    a, _b = two_offices
    build = Builder()
    marks.cached("t", [a.pk], 1, build)  # "value 1", from the committed records
    with pytest.raises(RuntimeError), transaction.atomic():
        marks.touch([a.pk])
        assert marks.cached("t", [a.pk], 1, build) == "value 2"  # from records that will not commit
        raise RuntimeError
    assert marks.cached("t", [a.pk], 1, build) == "value 1"
    marks.touch([a.pk])  # a new token, never the rolled-back one
    assert marks.cached("t", [a.pk], 1, build) == "value 3"


def test_tokens_are_created_on_first_use_and_are_random(two_offices):
    a, _b = two_offices
    assert not LedgerMark.objects.filter(scope=f"office:{a.pk}").exists()
    first = marks.tokens([a.pk])
    token = LedgerMark.objects.get(scope=f"office:{a.pk}").token
    assert len(token) == 32 and f"office:{a.pk}={token}" in first
    marks.touch([a.pk])
    assert LedgerMark.objects.get(scope=f"office:{a.pk}").token not in (token, "")


def test_without_the_cache_every_call_builds(two_offices, no_report_cache):
    a, _b = two_offices
    build = Builder()
    marks.cached("t", [a.pk], 1, build)
    marks.cached("t", [a.pk], 1, build)
    assert build.calls == 2


def test_a_warm_report_costs_one_query(yen_bai):
    aid_summary(yen_bai, 2022)
    with CaptureQueriesContext(connection) as queries:
        summary = aid_summary(yen_bai, 2022)
    assert summary.count == 21
    assert len(queries.captured_queries) == 1


# --- Every change the services make reaches the next report -------------------------------------------------


@pytest.fixture
def approved(make_item, office, approval):  # type: ignore[no-untyped-def]
    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "USD", dt.date(2022, 3, 1), actor=SYSTEM)
    return item


def test_a_new_commitment_reaches_the_report(approved, office):
    assert aid_summary(office, 2022).committed.usd == Decimal("1000.00")
    services.record_transaction(approved, "2", "250", "USD", dt.date(2022, 4, 1), actor=SYSTEM)
    assert aid_summary(office, 2022).committed.usd == Decimal("1250.00")


def test_a_revocation_reaches_the_report(approved, office):
    assert aid_summary(office, 2022).count == 1
    services.transition(approved, Status.APPROVAL_REVOKED, dt.date(2022, 10, 1), actor=SYSTEM)
    assert aid_summary(office, 2022).count == 0


def test_archiving_an_item_reaches_the_report(approved, office):
    assert aid_summary(office, 2022).count == 1
    services.archive_item(approved, actor=SYSTEM)
    assert aid_summary(office, 2022).count == 0


def test_sector_and_place_shares_reach_the_report(approved, office, sectors):
    assert [line.count for line in aid_summary(office, 2022).by_sector] == [1]
    assert aid_summary(office, 2022).by_sector[0].key == ""
    services.set_sectors(approved, [(sectors["y-te"], 100)], actor=SYSTEM)
    assert aid_summary(office, 2022).by_sector[0].key == "y-te"
    assert aid_summary(office, 2022).by_place == []
    district = AdminUnit.objects.get(era=Era.LEGACY, level=Level.DISTRICT, name="Huyện Mù Căng Chải")
    services.set_places(approved, [(district, 100)], actor=SYSTEM)
    assert [line.name for line in aid_summary(office, 2022).by_place] == [str(district)]


def test_a_new_rate_reaches_the_report(approved, office):
    services.record_transaction(approved, "2", "100", "EUR", dt.date(2022, 5, 2), actor=SYSTEM)
    waiting = aid_summary(office, 2022)  # no EUR rate yet: said so, not a cached guess
    assert waiting.committed.unconverted == {"EUR": Decimal("100.00")}
    record_rate("EUR", "USD", Decimal("1.1"), dt.date(2022, 1, 1), office=office, actor=SYSTEM)
    assert aid_summary(office, 2022).committed.usd == Decimal("1110.00")


def test_the_dashboard_follows_the_records(approved, office):
    day = dt.date(2026, 11, 27)
    assert dashboard([office], 2022, 2022, day).committed == Decimal("1000.00")
    services.record_transaction(approved, "2", "5", "USD", dt.date(2022, 6, 1), actor=SYSTEM)
    assert dashboard([office], 2022, 2022, day).committed == Decimal("1005.00")


def test_a_process_serves_its_last_values_live_and_others_from_the_shared_cache(two_offices):
    a, _b = two_offices
    build = Builder()
    first = marks.cached("t", [a.pk], 1, build)
    assert marks.cached("t", [a.pk], 1, build) is first  # live, not unpickled again
    marks._local.clear()  # as in another worker process
    again = marks.cached("t", [a.pk], 1, build)
    assert again == "value 1" and build.calls == 1


def test_values_are_kept_per_language(two_offices):
    from django.utils import translation

    a, _b = two_offices
    build = Builder()
    with translation.override("vi"):
        assert marks.cached("t", [a.pk], 1, build) == "value 1"
    with translation.override("en"):
        assert marks.cached("t", [a.pk], 1, build) == "value 2"
    with translation.override("vi"):
        assert marks.cached("t", [a.pk], 1, build) == "value 1"


def test_a_process_keeps_live_values_up_to_a_size(two_offices, monkeypatch):
    a, _b = two_offices
    marks._local.clear()
    build = Builder()
    for params in (1, 2, 3):
        marks.cached("t", [a.pk], params, build)
    sizes = [size for _value, size in marks._local.values()]
    assert len(sizes) == 3 and all(size > 0 for size in sizes)
    monkeypatch.setattr(marks, "LOCAL_BYTES", sizes[0] * 2)
    marks.cached("t", [a.pk], 4, build)
    assert len(marks._local) == 2  # the two oldest left the process…
    assert marks.cached("t", [a.pk], 1, build) == "value 1"  # …and are read again from the shared cache
    assert build.calls == 4


def test_values_kept_by_another_version_of_the_code_are_not_found(monkeypatch):
    key = marks.key_for("report", "global=abc", (1, 2))
    assert marks.key_for("report", "global=abc", (1, 2)) == key
    monkeypatch.setattr(marks, "code_version", lambda: "another-installation")
    assert marks.key_for("report", "global=abc", (1, 2)) != key


def test_the_code_version_follows_a_changed_file(tmp_path, monkeypatch):
    (tmp_path / "views.py").write_text("A = 1\n")
    monkeypatch.setattr(marks, "PACKAGE", tmp_path)
    marks.code_version.cache_clear()
    before = marks.code_version()
    (tmp_path / "views.py").write_text("A = 22\n")
    marks.code_version.cache_clear()
    after = marks.code_version()
    marks.code_version.cache_clear()
    assert len(before) == 16
    assert after != before


@pytest.mark.parametrize("name", ["page.html", "map.svg", "mail.txt", "django.mo"])
def test_the_code_version_follows_every_kind_of_template(tmp_path, monkeypatch, name):
    """The dashboard's map is a Jinja2 template (.svg): a page kept with the old one is never served."""
    (tmp_path / "jinja2").mkdir()
    template = tmp_path / "jinja2" / name
    template.write_text("<p>a</p>")
    monkeypatch.setattr(marks, "PACKAGE", tmp_path)
    marks.code_version.cache_clear()
    before = marks.code_version()
    template.write_text("<p>ab</p>")
    marks.code_version.cache_clear()
    after = marks.code_version()
    marks.code_version.cache_clear()
    assert after != before
