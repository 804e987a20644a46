"""The reader process of large imports: whatever fails, on either side, nothing is kept and the reader is
stopped and reaped (no zombie); its results are those of reading in this process."""

from __future__ import annotations

import pytest

from caunoi.aid.models import AidItem
from caunoi.core.permissions import SYSTEM
from caunoi.iati import importer, source
from caunoi.iati.importer import import_paths
from caunoi.iati.report import ProblemLog
from caunoi.iati.writer import Writer
from tests.iati.conftest import LIMITS, activities_file, activity

MANY = 400  # more activities than the pipe and one batch hold, so the reader is still running


@pytest.fixture
def readers(monkeypatch):
    """The reader processes started (the importer is made to use one whatever the input's size)."""
    monkeypatch.setattr(importer, "PIPELINE_MIN_BYTES", 0)
    # The pipe at its usual 64 KiB: MANY activities do not fit in it (they fit in the import's larger one).
    monkeypatch.setattr(source, "PIPE_BYTES", 1 << 16)
    monkeypatch.setattr(source, "QUEUE_BATCHES", 1)  # nor in the batches read ahead of the import
    started: list[source.ReaderProcess] = []
    original = source.ReaderProcess.__init__

    def init(self, paths, limits):
        original(self, paths, limits)
        started.append(self)

    monkeypatch.setattr(source.ReaderProcess, "__init__", init)
    return started


def _many(tmp_path):
    return activities_file(tmp_path / "many.xml", *(activity(f"XM-TEST-{i}") for i in range(MANY)))


def test_reader_process_imports_like_this_process(office, tmp_path, readers):
    summary = import_paths([_many(tmp_path)], office, actor=SYSTEM)

    assert len(readers) == 1 and readers[0].proc.returncode == 0
    assert summary.committed and summary.imported == MANY and summary.adds_up()
    assert AidItem.objects.filter(office=office).count() == MANY


def test_reader_killed_midway_rolls_everything_back(office, tmp_path, readers, monkeypatch):
    original = source.ReaderProcess.__iter__

    def killed_after_first(self):
        for n, record in enumerate(original(self)):
            if n == 2:
                self.proc.kill()
            yield record

    monkeypatch.setattr(source.ReaderProcess, "__iter__", killed_after_first)

    with pytest.raises(source.ReaderFailed):
        import_paths([_many(tmp_path)], office, skip_invalid=True, actor=SYSTEM)

    assert AidItem.objects.filter(office=office).count() == 0
    assert readers[0].proc.returncode is not None  # reaped


def test_failure_while_writing_stops_the_reader_and_keeps_nothing(office, tmp_path, readers, monkeypatch):
    original = Writer.add
    calls = []

    def failing_add(self, *args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return original(self, *args)

    monkeypatch.setattr(Writer, "add", failing_add)

    with pytest.raises(RuntimeError, match="disk full"):
        import_paths([_many(tmp_path)], office, skip_invalid=True, actor=SYSTEM)

    assert AidItem.objects.filter(office=office).count() == 0
    assert readers[0].proc.returncode is not None  # killed and reaped, not left running


def test_problem_log_spills_and_truncates(monkeypatch):
    from caunoi.iati import messages as m
    from caunoi.iati.report import NOTICE, Summary, problem

    monkeypatch.setattr(ProblemLog, "KEEP", 3)
    monkeypatch.setattr(ProblemLog, "CHUNK", 2)
    made = [problem(m.FILE_MISSING, source=str(i), severity=NOTICE if i % 3 else "error") for i in range(20)]
    for cut in range(21):
        log = ProblemLog()
        log += made
        assert list(log) == made and len(log) == 20 and log[-1] == made[-1] and log[2:7] == made[2:7]
        del log[cut:]
        assert list(log) == made[:cut]
        log.extend(made[cut:])
        assert list(log) == made and log[15].msg is m.FILE_MISSING
    summary = Summary()
    summary.problems += made
    notices = [p for p in made if p.severity == NOTICE]
    assert list(summary.notices) == notices and len(summary.notices) == len(notices)
    assert summary.notices[:3] == notices[:3] and summary.notices[5] == notices[5]
    assert summary.errors == [p for p in made if p.severity == "error"]


def test_activity_stored_with_the_first_versions_digest_is_unchanged(office, tmp_path):
    from caunoi.iati import models as im
    from caunoi.iati.source import records

    path = activities_file(tmp_path / "a.xml", activity())
    import_paths([path], office, actor=SYSTEM)
    data = next(r[3] for r in records([path], LIMITS) if r[0] == "activity")
    im.IatiActivity.objects.filter(office=office).update(content_hash=data.legacy_content_hash())

    again = import_paths([path], office, actor=SYSTEM)

    assert (again.unchanged, again.updated) == (1, 0)


@pytest.mark.parametrize(
    "relative",
    [
        "valid/IOM_oipa-export_577acts_1VN.xml",
        "valid/dportal-covid-2021_page105_100acts_9VN.xml",
        "vn/vn_activities_valid.xml",
        "invalid/dportal-covid-2021_fixture_401acts_5VN.xml",
    ],
)
def test_activities_sent_by_the_reader_process_arrive_unchanged(relative):
    from caunoi.iati.activity import ActivityData
    from caunoi.iati.source import records
    from tests.iati.conftest import sample

    path = sample(relative)
    here = [r for r in records([path], LIMITS) if r[0] == "activity"]
    sent = [r for r in records([path], LIMITS, wire=True) if r[0] == "activity"]
    assert len(here) == len(sent) and any(r[3] is not None for r in here)
    for local, wired in zip(here, sent, strict=True):
        assert local[:3] == wired[:3] and local[4:] == wired[4:]
        if local[3] is None:
            assert wired[3] is None
            continue
        data = ActivityData.from_wire(wired[3])
        assert data == local[3]
        assert data.content_hash() == local[3].content_hash() == wired[5]
        assert data.legacy_content_hash() == local[3].legacy_content_hash()
