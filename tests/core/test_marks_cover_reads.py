"""Every value kept under ledger marks (caunoi.core.marks.cached) reads only tables whose changes renew those
marks (caunoi.core.marking): the SQL each computation runs is recorded and its tables checked against the
apps' declarations, so that a report reading a new table fails here until that table's model is declared."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from caunoi.aid.models import AidItem
from caunoi.core import marks
from caunoi.core.models import Office
from caunoi.relations.models import Agreement
from caunoi.reports.aid import aid_summary
from caunoi.reports.dashboard import Split, dashboard
from tests.conftest import TODAY
from tests.marks_reads import marked_tables, reading, tables_by_name, tables_in, uncovered

pytestmark = pytest.mark.django_db
SOURCE = Path(marks.__file__).resolve().parents[1]
CACHED_NAME = re.compile(r'marks\.cached\(\s*"([^"]+)"')
# Read while a value is computed, yet no change to them can change the value unseen.
EXEMPT: dict[str, str] = {
    "core_ledgermark": "the marks themselves: the kept figures (caunoi.reports.kept) read them to check stamps",
    "reports_yearfigures": "the kept figures prove themselves: a row is used only while its stamp is the "
    "office's current marks, else computed again from the ledger (whose reads are checked here)",
}

Kept = dict[str, list[tuple[list[int], set[str]]]]


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch, settings: Any) -> Iterator[Kept]:
    """Each value computed under marks.cached: its name, the offices whose marks it is kept under and the
    tables its computation read. Nothing computed before is found: the shared mark is in every key."""
    settings.REPORT_CACHE_ENABLED = True
    settings.KEEP_PAGES = False
    marks.touch_all()
    found: Kept = {}
    real = marks.cached

    def recording(name: str, office_ids: Any, params: Any, build: Callable[[], Any]) -> Any:
        office_ids = list(office_ids)

        def recorded() -> Any:
            with reading() as reads:
                value = build()
            found.setdefault(name, []).append((office_ids, reads.tables))
            return value

        return real(name, office_ids, params, recorded)

    monkeypatch.setattr(marks, "cached", recording)
    yield found


def problems(kept: Kept) -> dict[str, list[str]]:
    """For each value, the tables it read that renew no mark it is kept under."""
    found: dict[str, list[str]] = {}
    for name, computed in kept.items():
        for office_ids, tables in computed:
            missing = uncovered(tables, marked_tables(with_offices=bool(office_ids)), EXEMPT)
            if missing:
                found[name] = sorted({*found.get(name, []), *missing})
    return found


def names_in_source() -> set[str]:
    """Every name a value is kept under in caunoi's code (what a grep for marks.cached finds)."""
    return {name for path in SOURCE.rglob("*.py") for name in CACHED_NAME.findall(path.read_text())}


def compute_every_kept_value(client: Client, django_user_model: Any) -> None:
    yen_bai, lao_cai = Office.objects.get(code="yen-bai"), Office.objects.get(code="lao-cai")
    aid_summary(yen_bai, 2022)
    aid_summary(lao_cai, 2022, include_predecessors=True)  # the year of the demo items
    dashboard([yen_bai], 2022, 2026, TODAY)
    dashboard(list(Office.objects.all()), 2022, 2026, TODAY, Split.PRINCIPAL)
    client.force_login(django_user_model.objects.get(username="bientap"))
    for url in (
        "/aid/",
        "/aid/?q=mu+cang+chai",
        "/aid/?year=2022&donor=quy&place=mu+cang&archived=on&sort=code",
    ):
        assert client.get(url).status_code == 200, url


def test_every_value_kept_under_marks_is_computed_here(kept, client, django_user_model):
    compute_every_kept_value(client, django_user_model)
    assert set(kept) == names_in_source() == {"aid_summary", "dashboard", "list-count"}


def test_every_table_a_kept_value_reads_renews_its_marks(kept, client, django_user_model):
    compute_every_kept_value(client, django_user_model)
    assert all(tables for computed in kept.values() for _, tables in computed)  # the recorder saw SQL
    assert problems(kept) == {}


def test_a_kept_value_reading_an_unmarked_table_is_found(kept, yen_bai):
    marks.cached("planted", [yen_bai.pk], 1, lambda: list(Agreement.objects.values_list("pk", flat=True)))
    assert problems(kept) == {"planted": ["relations_agreement"]}


def test_office_marks_do_not_cover_a_value_kept_under_no_office(kept, yen_bai):
    marks.cached(
        "planted", [], 1, lambda: list(AidItem.objects.filter(office=yen_bai).values_list("pk", flat=True))
    )
    assert problems(kept) == {"planted": ["aid_aiditem"]}


def test_the_tables_of_a_statement_are_read_from_its_sql() -> None:
    known = tables_by_name()
    postgresql = (
        'SELECT EXTRACT(YEAR FROM U0."approved_on"), "aid_sector"."code" FROM "aid_aiditem" U0 '
        'INNER JOIN "aid_sector" ON (U0."primary_sector_id" = "aid_sector"."id") '
        'WHERE U0."id" IN (SELECT V0."item_id" FROM "aid_transaction" V0)'
    )
    assert tables_in(postgresql, known) == {"aid_aiditem", "aid_sector", "aid_transaction"}
    assert tables_in("SELECT rowid FROM aid_aiditem_search_fts WHERE search_text MATCH %s", known) == {
        "aid_aiditem_search_fts"
    }
    assert known["aid_aiditem_search_fts"] is AidItem
    # A table no model has is kept, so that no mark covers it and the check names it.
    assert tables_in('SELECT 1 FROM "somewhere_else"', known) == {"somewhere_else"}
    assert uncovered({"somewhere_else", "aid_aiditem"}, marked_tables(), EXEMPT) == ["somewhere_else"]
