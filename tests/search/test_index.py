"""The search's indexes: SQLite's FTS5 index stays in step with the records whatever changes them, and any text
typed in the box (FTS5 syntax included) is read as plain text, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps as django_apps
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.directory import services as directory
from caunoi.directory.models import Organisation
from caunoi.relations.models import Event
from caunoi.relations.services.events import create_event, update_event
from caunoi.search import fts
from caunoi.search.services import search

pytestmark = pytest.mark.django_db
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")


def titles(query: str, kind: str) -> list[str]:
    return [h.title for f in search(query, actor=SYSTEM) if f.kind.code == kind for h in f.hits]


def indexed(table: str, words: list[str]) -> list[int]:
    """The rows SQLite's index finds for the words, read from the index alone."""
    index = fts.index_name(table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid FROM {index} WHERE {index} MATCH %s ORDER BY rowid", [fts.match_expression(words)]
        )
        return [row[0] for row in cursor.fetchall()]


def all_in_step() -> bool:
    with connection.cursor() as cursor:
        return all(fts.in_step(cursor, table) for table in fts.TABLES)


@sqlite_only
def test_the_index_follows_create_update_archive_and_delete(yen_bai: Office) -> None:
    event = create_event(
        yen_bai,
        title="Đoàn vào từ Quảng Ngãi",
        kind="incoming_delegation",
        start_on=dt.date(2026, 3, 2),
        actor=SYSTEM,
    )
    assert indexed("relations_event", ["quang", "ngai"]) == [event.pk]
    update_event(event, title="Đoàn vào từ Kon Tum", actor=SYSTEM)
    assert indexed("relations_event", ["quang", "ngai"]) == []
    assert indexed("relations_event", ["kon", "tum"]) == [event.pk]
    assert titles("kon tum", "event") == ["Đoàn vào từ Kon Tum"]
    audit.archive(event, actor=SYSTEM)
    # Archived records stay indexed (they may be restored) and the search leaves them out.
    assert indexed("relations_event", ["kon", "tum"]) == [event.pk]
    assert titles("kon tum", "event") == []
    Event.objects.filter(pk=event.pk).delete()
    assert indexed("relations_event", ["kon", "tum"]) == []
    assert all_in_step()


@sqlite_only
def test_bulk_writes_and_queryset_updates_are_indexed_too(yen_bai: Office) -> None:
    org = directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Quỹ Phù Mỹ")
    Organisation.objects.filter(pk=org.pk).update(search_text="quy phu cat")
    assert indexed("directory_organisation", ["phu", "cat"]) == [org.pk]
    assert indexed("directory_organisation", ["quy phu my"]) == []
    assert all_in_step()


@sqlite_only
def test_repair_rebuilds_an_index_whose_triggers_were_dropped(yen_bai: Office) -> None:
    """What a migration that remakes the table does: the triggers go, rows written meanwhile are missing."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {fts.index_name('directory_organisation')}_insert")
    org = directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Quỹ Tam Kỳ Mới")
    assert indexed("directory_organisation", ["tam", "ky", "moi"]) == []
    # What `migrate` does last: Django sends post_migrate to every app with a models module.
    config = django_apps.get_app_config("search")
    assert config.models_module is not None
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert indexed("directory_organisation", ["tam", "ky", "moi"]) == [org.pk]
    assert all_in_step()
    assert fts.repair(connection) == []


def test_the_demo_is_in_step_after_migrate() -> None:
    if connection.vendor == "sqlite":
        assert all_in_step()
    assert titles("mimasaka", "partner")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ('"ngoi sao"', 'Quỹ "Ngôi Sao" (NEAR*)'),
        ("NEAR*", 'Quỹ "Ngôi Sao" (NEAR*)'),
        ("(near*)", 'Quỹ "Ngôi Sao" (NEAR*)'),
        ("sao\" OR 'x", None),
        ("a-b^c", "Quỹ a-b^c:d"),
        ("b^c:d", "Quỹ a-b^c:d"),
    ],
)
def test_fts_syntax_is_read_as_text(yen_bai: Office, query: str, name: str | None) -> None:
    for each in ('Quỹ "Ngôi Sao" (NEAR*)', "Quỹ a-b^c:d"):
        directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name=each)
    assert titles(query, "organisation") == ([name] if name else [])


def test_control_characters_separate_words(yen_bai: Office) -> None:
    directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Quỹ Lạc Dương")
    assert titles("lac\x00duong\t", "organisation") == ["Quỹ Lạc Dương"]


def test_a_short_word_is_found_where_a_word_begins(yen_bai: Office) -> None:
    """Two characters are looked up at the start of a word ("ha" finds "Hà Nội", not "Thanh Hà")."""
    for name in ("Quỹ Qx Đò", "Qxa Hữu nghị", "Quỹ Aqx Đò"):
        directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name=name)
    assert titles("qx do", "organisation") == ["Quỹ Qx Đò"]
    assert titles("qx", "organisation") == ["Qxa Hữu nghị", "Quỹ Qx Đò"]
    assert titles("aqx", "organisation") == ["Quỹ Aqx Đò"]


def test_single_characters_scan(yen_bai: Office) -> None:
    directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Quỹ Qx Đò")
    assert "Quỹ Qx Đò" in titles("q d", "organisation")


def test_the_order_is_the_same_on_both_databases(yen_bai: Office) -> None:
    """Exact order for a fixed set; the suite runs on SQLite and on PostgreSQL, so both give this list."""
    names = [
        "Trung tâm Quẽo Xìu xanh",
        "Quẽo Xìu xanh",
        "Quỹ quẽo xìu",
        "Xanh Quẽo Xìu",
        "Xìu Quẽo Xanh",
        "Quẽo Xìu",
        "Quẽo người Xìu",
    ]
    for name in names:
        directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name=name)
    found = [f for f in search("queo xiu", actor=SYSTEM) if f.kind.code == "organisation"]
    assert [(h.title, h.rank) for h in found[0].hits] == [
        ("Quẽo Xìu", 3),
        ("Quẽo Xìu xanh", 3),
        ("Quỹ quẽo xìu", 2),
        ("Trung tâm Quẽo Xìu xanh", 2),
        ("Xanh Quẽo Xìu", 2),
        ("Quẽo người Xìu", 1),
        ("Xìu Quẽo Xanh", 1),
    ]


SYNTAX = st.sampled_from(
    ['"', "'", "*", "NEAR", "near(", ")", "(", "AND", "OR", "NOT", "^", ":", "-", "+", "\\"]
)
QUERIES = st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=6).map(" ".join) | st.text(max_size=300)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_any_query_gives_results_never_a_traceback(query: str) -> None:
    found = search(query, actor=SYSTEM)
    assert all(f.hits for f in found)
