"""The cyclic collector is held back while reports add up their figures, and given back as it was."""

from __future__ import annotations

import datetime as dt
import gc
import pickle
import threading
from collections.abc import Iterator

import pytest

from caunoi.core import collector
from caunoi.core.models import Office
from caunoi.reports import aid, dashboard, kept


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_held_back_inside_and_on_again_after() -> None:
    with collector.held_back():
        assert gc.isenabled() is False
    assert gc.isenabled() is True


def test_on_again_after_an_error() -> None:
    with pytest.raises(ZeroDivisionError), collector.held_back():
        1 / 0  # noqa: B018
    assert gc.isenabled() is True


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with collector.held_back():
        assert gc.isenabled() is False
    assert gc.isenabled() is False


def test_on_again_only_when_the_last_thread_is_done() -> None:
    entered, release = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other() -> None:
        with collector.held_back():
            entered.set()
            release.wait(10)
        seen.append(gc.isenabled())

    thread = threading.Thread(target=other)
    with collector.held_back():
        thread.start()
        assert entered.wait(10)
    # This thread is done, the other is still adding up.
    assert gc.isenabled() is False
    release.set()
    thread.join(10)
    assert seen == [True]
    assert gc.isenabled() is True


@pytest.mark.django_db
def test_reports_add_up_with_the_collector_held_back(monkeypatch: pytest.MonkeyPatch) -> None:
    office = Office.objects.create(code="held-back", name="Liên hiệp thử")
    states: list[bool] = []
    real = kept.each_figures

    def watched(*args: object, **kwargs: object) -> object:
        states.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kept, "each_figures", watched)
    dashboard.compute_dashboard([office], 2022, 2023, dt.date(2024, 1, 1))
    aid.compute_aid_summary(office, [office], 2022)
    assert states == [False, False]
    assert gc.isenabled() is True


def test_a_kept_report_is_read_with_the_collector_held_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """A report read back from the shared cache (another worker kept it) is unpickled without the collector's
    passes over its thousands of objects."""
    from django.core.cache import caches

    from caunoi.core import marks

    states: list[bool] = []
    real = pickle.loads

    def watched(data: bytes) -> object:
        states.append(gc.isenabled())
        return real(data)

    caches["reports"].set("kept-for-test", pickle.dumps({"lines": [1, 2]}))
    marks._local.pop("kept-for-test", None)
    monkeypatch.setattr(marks.pickle, "loads", watched)
    assert marks.recall("kept-for-test") == {"lines": [1, 2]}
    assert states[-1] is False  # the last: the cache backend unpickles its own envelope first
    assert gc.isenabled() is True
