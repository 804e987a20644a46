"""The dashboard's charts, tables and map drawn for the day they are read: their defaults (the years, the
map's date) come from today, and a body drawn yesterday is never shown today."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from caunoi.core import marks

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(settings):  # type: ignore[no-untyped-def]
    """Reports and pages kept as in production; nothing kept before found (the shared mark is in every key)."""
    settings.REPORT_CACHE_ENABLED = True
    settings.KEEP_PAGES = True
    marks.touch_all()


def test_the_body_drawn_yesterday_is_not_shown_today(login, kept, frozen_clock):
    client = login("bientap")
    assert 'data-file="caunoi-map-2022-2026-2026-11-27.png"' in client.get("/dashboard/").content.decode()
    frozen_clock.move_to(dt.datetime(2026, 11, 28, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")))
    client = login("bientap")  # a session of the day before has expired
    assert 'data-file="caunoi-map-2022-2026-2026-11-28.png"' in client.get("/dashboard/").content.decode()


def test_the_years_shown_follow_the_new_year(login, kept, frozen_clock):
    client = login("bientap")
    assert 'data-file="caunoi-map-2022-2026-2026-11-27.png"' in client.get("/dashboard/").content.decode()
    frozen_clock.move_to(dt.datetime(2027, 1, 1, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")))
    page = login("bientap").get("/dashboard/").content.decode()
    assert 'data-file="caunoi-map-2023-2027-2027-01-01.png"' in page
    assert "2022-2026" not in page
