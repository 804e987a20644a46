"""Bad input the reader must refuse with a located message, not a traceback or a hang: dates Python cannot
hold, files that are not files, inputs beyond the size limits; and what the command says and returns."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from caunoi.cli import main
from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.iati import models as im
from caunoi.iati.importer import import_paths
from tests.iati.conftest import activities_file, activity

pytestmark = pytest.mark.usefixtures("reader_mode")

# (attribute as written in conftest.activity, the element that holds it there)
DATED = [
    ('iso-date="2022-03-01"', "activity-date"),  # activity date
    ('<period-start iso-date="2022-01-01"', "period-start"),  # budget period
    ('value-date="2022-01-01"', "value"),  # budget value date
    ('<transaction-date iso-date="2022-03-05"', "transaction-date"),  # transaction date
    ('value-date="2022-04-05"', "value"),  # transaction value date
]


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def _line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.parametrize("year", ["-2020", "12020"])
@pytest.mark.parametrize(("attribute", "element"), DATED)
def test_a_date_python_cannot_hold_is_a_located_problem(office, tmp_path, attribute, element, year):
    bad = attribute.replace("2022", year)
    path = activities_file(tmp_path / "a.xml", _with(activity(), attribute, bad))

    summary = import_paths([path], office, actor=SYSTEM)

    assert not summary.committed and (summary.read, summary.rejected) == (1, 1)
    [found] = summary.errors
    assert (found.code, found.column, found.row) == ("iati.date_out_of_range", element, _line_of(path, bad))
    assert found.params["value"] == bad.split('"')[1]
    assert im.IatiActivity.objects.filter(office=office).count() == 0


def test_an_unreadable_last_updated_datetime_is_a_located_problem(office, tmp_path):
    path = activities_file(tmp_path / "a.xml", activity(updated="2024-05-01T24:00:00Z"))

    [found] = import_paths([path], office, actor=SYSTEM).errors

    assert (found.code, found.column, found.params["attribute"]) == (
        "iati.date_out_of_range",
        "iati-activity",
        "@last-updated-datetime",
    )


def test_the_valid_activities_beside_one_with_a_bad_date_are_kept_with_skip_invalid(office, tmp_path):
    bad = _with(activity("XM-TEST-2"), 'iso-date="2022-03-01"', 'iso-date="-2022-03-01"')
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), bad)

    summary = import_paths([path], office, skip_invalid=True, actor=SYSTEM)

    assert summary.committed and (summary.imported, summary.rejected) == (1, 1)
    assert list(im.IatiActivity.objects.filter(office=office).values_list("iati_identifier", flat=True)) == [
        "XM-TEST-1"
    ]


def test_a_fifo_is_refused_without_waiting_for_a_writer(office, tmp_path):
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)

    summary = import_paths([fifo], office, actor=SYSTEM)

    assert [p.code for p in summary.errors] == ["iati.not_a_file"]
    assert (summary.unreadable_files, summary.committed) == (1, False)


def test_a_device_is_refused_not_read_forever(office):
    summary = import_paths([Path(os.devnull)], office, actor=SYSTEM)

    assert [p.code for p in summary.errors] == ["iati.not_a_file"]


def test_an_activity_beyond_the_element_limit_is_refused(office, tmp_path, settings):
    settings.IATI_MAX_ELEMENT_MB = 1
    # (counted as read, a chunk of 64 kB at a time: exact to that)
    big = activity(title="x" * 1_200_000)
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-0"), big)

    summary = import_paths([path], office, actor=SYSTEM)

    [found] = summary.errors
    assert (found.code, found.params["limit"], found.activity) == ("iati.element_too_large", "1", None)
    assert (summary.read, summary.unreadable_files, summary.committed) == (1, 1, False)


def test_activities_below_the_element_limit_are_read_however_many(office, tmp_path, settings):
    settings.IATI_MAX_ELEMENT_MB = 1
    # Each activity is below the limit; together they are well above it.
    path = activities_file(
        tmp_path / "a.xml", *(activity(f"XM-TEST-{i}", title="x" * 400_000) for i in range(4))
    )

    summary = import_paths([path], office, actor=SYSTEM)

    assert summary.committed and summary.imported == 4


def test_a_gzip_bomb_is_refused_at_the_input_limit(office, tmp_path, settings):
    settings.IATI_MAX_INPUT_MB = 2
    settings.IATI_MAX_ELEMENT_MB = 2
    small = activity(title="y" * 900_000)
    path = tmp_path / "bomb.xml.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write('<iati-activities version="2.03">')
        for i in range(3):
            out.write(small.replace("XM-TEST-1", f"XM-TEST-{i}"))
        out.write("</iati-activities>")
    assert path.stat().st_size < 50_000

    summary = import_paths([path], office, actor=SYSTEM)

    assert [p.code for p in summary.errors] == ["iati.input_too_large"]
    assert summary.errors[0].params["limit"] == "2"
    assert im.IatiActivity.objects.filter(office=office).count() == 0


def test_organisations_of_a_file_rolled_back_are_not_counted(office, tmp_path):
    good = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"))
    # A file whose first activity names a new organisation, then breaks off: rejected whole.
    text = activities_file(tmp_path / "b.xml", activity("XM-TEST-2")).read_text()
    text = text.replace("Test NGO", "Quỹ Mới").replace('ref="XM-TEST"', 'ref="XM-NEW"')
    broken = tmp_path / "b.xml"
    broken.write_text(text[: text.rindex("</iati-activity>") + 20])

    summary = import_paths([good, broken], office, skip_invalid=True, actor=SYSTEM)

    assert summary.committed and (summary.imported, summary.rejected, summary.unreadable_files) == (1, 1, 1)
    assert summary.organisations_created == Organisation.objects.filter(office=office).count() == 2


@pytest.fixture
def capsys(capsys, command_keeps_connection):  # type: ignore[no-untyped-def]
    return capsys


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ended:
        main(["iati", "import", *args])
        raise SystemExit(0)
    out = capsys.readouterr()
    return int(ended.value.code or 0), out.out, out.err


def test_a_missing_file_is_named_not_blamed_on_invalid_activities(office, tmp_path, capsys):
    code, out, err = _cli(capsys, str(tmp_path / "nowhere.xml"), "--office", office.code)

    assert code == 1
    assert "nowhere.xml: Không có tệp hoặc thư mục này. / No such file or folder." in out
    assert "Nothing saved: the file could not be read (see the problem above)." in out
    assert "--skip-invalid" not in out + err


def test_skip_invalid_fails_when_no_activity_could_be_imported(office, tmp_path, capsys):
    bad = _with(activity(), 'iso-date="2022-03-01"', 'iso-date="-2022-03-01"')
    path = activities_file(tmp_path / "a.xml", bad)

    code, out, _ = _cli(capsys, str(path), "--office", office.code, "--skip-invalid")

    assert code == 1
    assert "Nothing saved: no activity is valid." in out
    assert im.IatiActivity.objects.filter(office=office).count() == 0


def test_skip_invalid_succeeds_when_some_activities_are_kept(office, tmp_path, capsys):
    bad = _with(activity("XM-TEST-2"), 'iso-date="2022-03-01"', 'iso-date="-2022-03-01"')
    path = activities_file(tmp_path / "a.xml", activity("XM-TEST-1"), bad)

    code, out, _ = _cli(capsys, str(path), "--office", office.code, "--skip-invalid")

    assert code == 0 and "imported 1, updated 0, unchanged 0, rejected 1" in out


def test_a_file_imported_again_says_there_is_nothing_to_do(office, tmp_path, capsys):
    path = activities_file(tmp_path / "a.xml", activity())
    assert _cli(capsys, str(path), "--office", office.code)[0] == 0

    code, out, _ = _cli(capsys, str(path), "--office", office.code)

    assert code == 0
    assert "Nothing to do: every activity is already imported, unchanged." in out


def test_a_row_saved_meanwhile_by_another_writer_is_a_clear_refusal(office, tmp_path, monkeypatch):
    from django.db import IntegrityError

    from caunoi.iati.writer import Writer

    def conflict(self):  # type: ignore[no-untyped-def]
        raise IntegrityError("UNIQUE constraint failed: directory_organisation.office_id")

    monkeypatch.setattr(Writer, "flush", conflict)
    path = activities_file(tmp_path / "a.xml", activity())

    with pytest.raises(RuleError) as refused:
        import_paths([path], office, actor=SYSTEM)

    assert refused.value.code == "iati.changed_meanwhile"
    assert im.IatiActivity.objects.filter(office=office).count() == 0
