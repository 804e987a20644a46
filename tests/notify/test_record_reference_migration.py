"""notify 0002 turns the addresses notifications kept into the records they name, which open the same pages."""

from __future__ import annotations

import importlib

import pytest

from caunoi.core.records import RecordRef
from caunoi.web.links import url_of

migration = importlib.import_module("caunoi.notify.migrations.0002_record_reference")

ADDRESSES = [
    "/aid/12/",
    "/organisations/3/",
    "/relations/agreements/4/",
    "/relations/events/5/",
    "/relations/partners/6/",
    "/relations/associations/7/",
    "/relations/calendar/?month=2026-11",
    "/reports/aid/?year=2025&office=yen-bai",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_kept_address_becomes_the_record_that_opens_it(address: str) -> None:
    kind, key = migration.record_of(address)
    assert url_of(RecordRef(kind, key)) == address


def test_an_unknown_address_names_no_record() -> None:
    assert migration.record_of("https://example.org/") == ("", "")
