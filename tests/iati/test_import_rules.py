"""Import behaviour on small files written for the tests: idempotency, updates with history, bad input."""

from __future__ import annotations

import gzip
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, ItemPlace, Participation, Transaction
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.iati import models as im
from caunoi.iati.details import Details
from caunoi.iati.importer import import_paths
from tests.iati.conftest import activities_file, activity

# Every test here runs with the files read in this process and in the reader process.
pytestmark = pytest.mark.usefixtures("reader_mode")


def test_activity_maps_to_the_ledger(office, tmp_path):
    path = activities_file(tmp_path / "a.xml", activity())

    summary = import_paths([path], office, actor=SYSTEM)

    assert summary.counts()["imported"] == 1 and summary.committed
    item = AidItem.objects.get(office=office)
    assert (item.code, item.title, item.title_en, item.status) == (
        "XM-TEST-1",
        "Nước sạch cho xã Mù Cang Chải",
        "Clean water",
        Status.IMPLEMENTING,
    )
    approval = item.status_changes.get(to_status=Status.APPROVED)
    assert (approval.decision_number, str(approval.decision_date), approval.authority) == (
        "IATI:XM-TEST-1",
        "2022-03-01",
        "Test NGO",
    )
    roles = sorted((p.role, p.organisation.name) for p in Participation.objects.filter(item=item))
    assert roles == [("funding", "Test NGO"), ("implementing", "Hội Chữ thập đỏ tỉnh Yên Bái")]
    txs = sorted((t.kind, str(t.amount), t.currency) for t in Transaction.objects.filter(item=item))
    assert txs == [("2", "15000.50", "USD"), ("3", "5000.00", "USD")]
    [other] = Details(item.iati.details).others
    assert (other.kind, other.value, other.reason) == ("5", Decimal("12.5"), "iati.not_a_ledger_kind")
    assert [str(p.unit) for p in ItemPlace.objects.filter(item=item)] == ["Tỉnh Yên Bái"]
    # DAC 14030 (water supply) has no report group of its own: "other sectors", 100%.
    assert [(s.sector.code, s.share) for s in item.sector_shares.all()] == [("linh-vuc-khac", 100)]
    assert item.history.count() == 1


def test_same_file_twice_changes_nothing(office, tmp_path):
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), activity("XM-TEST-2"))
    import_paths([path], office, actor=SYSTEM)
    counts = (AidItem.objects.count(), Transaction.objects.count(), Organisation.objects.count())

    summary = import_paths([path], office, actor=SYSTEM)

    assert (summary.read, summary.unchanged, summary.imported, summary.updated) == (2, 2, 0, 0)
    assert (AidItem.objects.count(), Transaction.objects.count(), Organisation.objects.count()) == counts


def test_newer_version_updates_in_place_with_history(office, tmp_path):
    import_paths([activities_file(tmp_path / "a.xml", activity())], office, actor=SYSTEM)
    newer = activity(updated="2024-06-01T00:00:00Z", title="Nước sạch (giai đoạn 2)", value="17000")

    summary = import_paths([activities_file(tmp_path / "b.xml", newer)], office, actor=SYSTEM)

    assert (summary.updated, summary.imported) == (1, 0)
    item = AidItem.objects.get(office=office)
    assert item.title == "Nước sạch (giai đoạn 2)"
    old, new = item.history.order_by("history_date", "history_id")
    assert (old.title, new.title, new.history_type) == ("Nước sạch cho xã Mù Cang Chải", item.title, "~")
    amounts = sorted(str(t.amount) for t in Transaction.objects.filter(item=item))
    assert amounts == ["17000.00", "5000.00"]
    assert Transaction.history.filter(item_id=item.pk, history_type="-").count() == 1
    assert im.IatiActivity.objects.get().source_file == "b.xml"


def test_update_then_new_activities_in_one_import(office, tmp_path):
    # The update saves ledger rows through the ORM; the new activities after it, written in bulk, must not
    # reuse the ids those rows took.
    import_paths([activities_file(tmp_path / "a.xml", activity("XM-TEST-1"))], office, actor=SYSTEM)
    newer = activity("XM-TEST-1", updated="2024-06-01T00:00:00Z", value="17000", percentage="60")
    newer = newer.replace(
        '<sector vocabulary="1" code="14030" percentage="60"/>',
        '<sector vocabulary="1" code="14030" percentage="60"/><sector vocabulary="1" code="12220" percentage="40"/>',
    ).replace(
        "</participating-org>",
        '</participating-org><participating-org role="3"><narrative>Bên thứ ba</narrative></participating-org>',
        1,
    )
    fresh = [activity(f"XM-TEST-{i}") for i in range(2, 5)]

    summary = import_paths([activities_file(tmp_path / "b.xml", newer, *fresh)], office, actor=SYSTEM)

    assert (summary.updated, summary.imported, summary.committed) == (1, 3, True)
    assert AidItem.objects.filter(office=office).count() == 4
    assert Transaction.objects.filter(office=office).count() == 8
    assert Participation.objects.filter(item__office=office).count() == 9
    items = AidItem.objects.filter(office=office).values("pk")
    assert Participation.history.filter(item_id__in=items, history_type="+").count() == 9


def test_older_version_is_kept_as_stored(office, tmp_path):
    import_paths(
        [activities_file(tmp_path / "a.xml", activity(updated="2024-06-01T00:00:00Z"))], office, actor=SYSTEM
    )
    older = activity(updated="2024-01-01T00:00:00Z", title="Cũ")

    summary = import_paths([activities_file(tmp_path / "b.xml", older)], office, actor=SYSTEM)

    assert (summary.unchanged, [p.code for p in summary.notices]) == (1, ["iati.stored_is_newer"])
    assert AidItem.objects.get(office=office).title == "Nước sạch cho xã Mù Cang Chải"


def test_one_invalid_activity_imports_nothing_unless_skip_invalid(office, tmp_path):
    bad = activity("XM-TEST-BAD", percentage="-5")
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), bad)

    refused = import_paths([path], office, actor=SYSTEM)
    assert (refused.committed, AidItem.objects.filter(office=office).count()) == (False, 0)
    problem = refused.errors[0]
    assert (problem.code, problem.activity, problem.column, problem.source) == (
        "iati.percent_range",
        "XM-TEST-BAD",
        "sector",
        "a.xml",
    )
    assert problem.row is not None and "-5" in problem.vi and "-5" in problem.en

    skipped = import_paths([path], office, skip_invalid=True, actor=SYSTEM)
    assert (skipped.imported, skipped.rejected, skipped.committed) == (1, 1, True)
    assert list(AidItem.objects.filter(office=office).values_list("code", flat=True)) == ["XM-TEST-1"]


def test_exponent_value_is_refused(office, tmp_path):
    path = activities_file(tmp_path / "a.xml", activity(value="-2e-10"))

    summary = import_paths([path], office, actor=SYSTEM)

    assert [(p.code, p.column, p.params["value"]) for p in summary.errors] == [
        ("iati.exponent", "value", "-2e-10")
    ]
    assert AidItem.objects.filter(office=office).count() == 0


def test_negative_transaction_is_kept_outside_the_ledger_with_its_reason(office, tmp_path):
    summary = import_paths(
        [activities_file(tmp_path / "a.xml", activity(value="-300"))], office, actor=SYSTEM
    )

    assert summary.committed
    notice = next(p for p in summary.notices if p.code == "iati.outside_ledger")
    assert "-300" in notice.en and "greater than 0" in notice.en
    assert [
        o.reason for o in Details(im.IatiActivity.objects.get(office=office).details).others if o.kind == "2"
    ] == ["money.amount_not_positive"]


def test_dry_run_changes_nothing(office, tmp_path):
    summary = import_paths(
        [activities_file(tmp_path / "a.xml", activity())], office, dry_run=True, actor=SYSTEM
    )

    assert (summary.imported, summary.committed) == (1, False)
    assert AidItem.objects.filter(office=office).count() == 0
    assert Organisation.objects.filter(office=office).count() == 0


def test_version_1_is_refused(office, tmp_path):
    summary = import_paths(
        [activities_file(tmp_path / "a.xml", activity(), version="1.05")], office, actor=SYSTEM
    )

    assert [(p.code, p.row) for p in summary.errors] == [("iati.version_1x", 2)]
    assert "1.05" in summary.errors[0].vi


def test_later_feature_in_an_earlier_version_is_refused(office, tmp_path):
    tagged = activity().replace("<budget ", '<tag code="x" vocabulary="99"/>\n    <budget ')
    summary = import_paths(
        [activities_file(tmp_path / "a.xml", tagged, version="2.01")], office, actor=SYSTEM
    )

    assert [p.code for p in summary.errors] == ["iati.version_feature"]


def test_broken_files_are_reported_without_traceback(office, tmp_path):
    good = activities_file(tmp_path / "good.xml", activity("XM-TEST-1"), activity("XM-TEST-2"))
    truncated = tmp_path / "truncated.xml"
    truncated.write_bytes(good.read_bytes()[:-200])
    not_xml = tmp_path / "not.xml"
    not_xml.write_text('{"result": []}')
    bad_gz = tmp_path / "bad.xml.gz"
    bad_gz.write_bytes(gzip.compress(good.read_bytes())[:-30])
    empty = activities_file(tmp_path / "empty.xml")
    wrong = tmp_path / "wrong.xml"
    wrong.write_text("<iati-organisations version='2.03'/>")

    summary = import_paths(
        [truncated, not_xml, bad_gz, empty, wrong, tmp_path / "missing.xml"], office, actor=SYSTEM
    )

    codes = {p.source: p.code for p in summary.errors}
    assert codes == {
        "truncated.xml": "iati.not_well_formed",
        "not.xml": "iati.not_well_formed",
        "bad.xml.gz": "iati.file_unreadable",
        "empty.xml": "iati.no_activities",
        "wrong.xml": "iati.wrong_root",
        "missing.xml": "iati.file_missing",
    }
    # The first activity of the truncated file was complete: it is rejected with its file, never kept.
    assert summary.adds_up() and summary.read == summary.rejected >= 1
    assert AidItem.objects.filter(office=office).count() == 0


def test_gz_and_folders_are_read(office, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    plain = activities_file(folder / "a.xml", activity("XM-TEST-1"))
    (folder / "b.xml.gz").write_bytes(gzip.compress(plain.read_bytes().replace(b"XM-TEST-1", b"XM-TEST-2")))

    summary = import_paths([folder], office, actor=SYSTEM)

    assert (summary.files, summary.imported) == (2, 2)


def test_duplicate_identifier_in_one_import_is_refused(office, tmp_path):
    summary = import_paths(
        [activities_file(tmp_path / "a.xml", activity(), activity())], office, actor=SYSTEM
    )

    assert [p.code for p in summary.errors] == ["iati.duplicate_activity"]


def test_command_json_summary(office, tmp_path, capsys):
    path = activities_file(tmp_path / "a.xml", activity())

    call_command("iati", "import", str(path), "--office", office.code, "--format", "json")

    out = json.loads(capsys.readouterr().out)
    assert (out["read"], out["imported"], out["committed"], out["problems"]) == (1, 1, True, [])


def test_sector_map_answers_as_sector_for_dac(office):
    from caunoi.aid.sectors import sector_for_dac
    from caunoi.iati.codelists import codes
    from caunoi.iati.importer import SectorMap

    sectors = SectorMap()
    for code in [*sorted(codes("Sector") | codes("SectorCategory")), "", "1", "99999", "15171"]:
        assert sectors(code).pk == sector_for_dac(code).pk, code


@pytest.mark.parametrize("by_user", [False, True], ids=["system", "user"])
def test_bulk_rows_have_their_creation_history(office, tmp_path, django_user_model, by_user):
    from caunoi.aid.models import ItemSector
    from caunoi.core.models import Membership, Role

    user = django_user_model.objects.create(username="nhap-iati")
    Membership.objects.create(user=user, office=office, role=Role.EDITOR)
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), activity("XM-TEST-2"))
    import_paths([path], office, actor=user if by_user else SYSTEM)
    importer = user.pk if by_user else None  # the system is no user

    items = AidItem.objects.filter(office=office)
    for model, rows in [
        (AidItem, items),
        (im.IatiActivity, im.IatiActivity.objects.filter(office=office)),
        (Transaction, Transaction.objects.filter(office=office)),
        (Participation, Participation.objects.filter(item__in=items)),
        (ItemSector, ItemSector.objects.filter(item__in=items)),
        (Organisation, Organisation.objects.filter(office=office)),
    ]:
        kept = {f.attname for f in model.history.model._meta.concrete_fields}
        fields = [f.attname for f in model._meta.concrete_fields if f.attname in kept]
        assert rows.exists(), model
        for row in rows:
            (created,) = model.history.filter(id=row.pk)
            assert (created.history_type, created.history_user_id) == ("+", importer)
            assert created.history_change_reason == "IATI import a.xml"
            assert [getattr(created, f) for f in fields] == [getattr(row, f) for f in fields], model
