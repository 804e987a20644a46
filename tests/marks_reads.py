"""Which tables a piece of code reads, and whether the ledger marks renew on a change to each of them.

Values kept under marks (caunoi.core.marks) and kept pages (caunoi.web.kept_pages) are correct only if every
table they read belongs to a model declared as renewing a mark (caunoi.core.marking) or feeds the key in
another way. The tables are taken from the SQL actually run (connection.execute_wrapper), so that a new query
in a report or on a page is checked without anyone listing it here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import Model

from caunoi.core.marking import marked_models
from caunoi.search import fts

# A table after FROM or JOIN, quoted or not (Django quotes its own; the search's raw SQL may not); not a
# qualified column, as PostgreSQL's EXTRACT(YEAR FROM U0."approved_on").
AFTER_FROM = re.compile(r'\b(?:FROM|JOIN)\s+(?:"([A-Za-z_]\w*)"|([A-Za-z_]\w*)\b)(?!\s*\.)', re.IGNORECASE)
QUOTED = re.compile(r'"([A-Za-z_]\w*)"')


def tables_by_name() -> dict[str, type[Model]]:
    """Every table of a model, and SQLite's search index of a table under the model it indexes."""
    found: dict[str, type[Model]] = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    for table in fts.TABLES:
        found[fts.index_name(table)] = found[table]
    return found


def tables_in(sql: str, known: dict[str, type[Model]]) -> set[str]:
    """The tables a statement reads: after FROM/JOIN (a name no model has is kept, so that it is reported),
    and any table of a model named in quotes (a comma join, a subquery)."""
    named = {quoted or bare for quoted, bare in AFTER_FROM.findall(sql)}
    quoted = {name for name in QUOTED.findall(sql) if name in known}
    return named | quoted


class Reads:
    """Records the tables read by the SQL run on the default connection while it is active."""

    def __init__(self) -> None:
        self.known = tables_by_name()
        self.tables: set[str] = set()
        self.statements: list[str] = []

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        self.statements.append(sql)
        self.tables |= tables_in(sql, self.known)
        return execute(sql, params, many, context)


@contextmanager
def reading() -> Iterator[Reads]:
    reads = Reads()
    with connection.execute_wrapper(reads):
        yield reads


def marked_tables(*, with_offices: bool = True) -> set[str]:
    """The tables of the models that renew a mark: office and item marks count only for a value kept under
    at least one office's mark (`with_offices`); the shared mark is part of every key."""
    kinds = {"shared_marked"} | (
        {"office_marked", "item_marked", "via_marked", "links"} if with_offices else set()
    )
    tables: set[str] = set()
    for config in apps.get_app_configs():
        for kind, models in marked_models(config).items():
            if kind in kinds:
                tables |= {m._meta.db_table for m in models}
    for table in fts.TABLES:  # SQLite's index changes with its table (triggers)
        if table in tables:
            tables.add(fts.index_name(table))
    return tables


def uncovered(read: set[str], covered: set[str], exempt: dict[str, str]) -> list[str]:
    """The tables read that neither renew a mark the value is kept under nor are exempt, sorted."""
    return sorted(read - covered - set(exempt))


def keeping_served(settings: Any, monkeypatch: Any) -> list[str]:
    """Turn keeping on, with figures computed afresh (so a draw reads every table its values read) and nothing
    kept before found; returns the list the keys of the pages and answers served kept are appended to."""
    from caunoi.core import marks

    settings.REPORT_CACHE_ENABLED = False
    settings.KEEP_PAGES = True
    marks.touch_all()
    served: list[str] = []
    real = marks.recall

    def recall(key: str, store: str = "reports") -> Any:
        value = real(key, store)
        if store == "pages" and value is not None:
            served.append(key)
        return value

    monkeypatch.setattr(marks, "recall", recall)
    return served
