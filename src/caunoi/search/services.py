"""Search every kind of record a user may read, with or without diacritics, ranked."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from caunoi.core.permissions import Actor, visible
from caunoi.core.text import fold
from caunoi.search import fts
from caunoi.search.kinds import KINDS, Kind

MIN_LENGTH = 2
PER_KIND = 10
LONGEST_QUERY = 200
CANDIDATES = 200
FIRST_WINDOW, LAST_WINDOW = 1000, 16_000  # rows read from SQLite's index at a time


@dataclass(frozen=True)
class Hit:
    kind: str
    pk: int
    title: str
    detail: str
    office: str
    rank: int


@dataclass
class Found:
    kind: Kind
    hits: list[Hit] = field(default_factory=list)
    more: bool = False


def words_of(query: str) -> list[str]:
    """The folded words of a query ("Đà Nẵng" → ["da", "nang"]); at most LONGEST_QUERY characters are read.

    Control characters separate words: no record holds them, and NUL is refused by both databases."""
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in query[:LONGEST_QUERY])
    return fold(text).split()


def search(query: str, *, actor: Actor, per_kind: int = PER_KIND) -> list[Found]:
    """Each kind with its best matches: the records whose folded text holds every word of the query.

    Rank: the folded text begins with the query (3), holds it as a phrase (2), holds its words apart (1); then
    by text. The ranking reads the first CANDIDATES matches of each kind, oldest record first, so a query that
    matches half the ledger stops early instead of sorting it, and both databases rank the same rows. An empty
    list when the query is shorter than MIN_LENGTH characters."""
    words = words_of(query)
    phrase = " ".join(words)
    if len(phrase) < MIN_LENGTH:
        return []
    found = [f for kind in KINDS if (f := found_in(kind, words, actor=actor, per_kind=per_kind)) is not None]
    found.sort(key=lambda f: -max(h.rank for h in f.hits))
    return found


def found_in(kind: Kind, words: list[str], *, actor: Actor, per_kind: int = PER_KIND) -> Found | None:
    """One kind's best matches for the query's folded words (None when nothing matches)."""
    phrase = " ".join(words)
    # Rank on the keys and texts alone; only the records shown are read whole.
    candidates = _candidates(kind, words, actor)
    if not candidates:
        return None
    ranked = sorted((-_rank(text, phrase), text, pk) for pk, text in candidates)[:per_kind]
    rows = kind.queryset().in_bulk([pk for _rank_, _text_, pk in ranked])
    hits = [
        Hit(kind.code, pk, kind.title(row), kind.detail(row), _office_code(row, kind), -rank)
        for rank, _text_, pk in ranked
        if (row := rows.get(pk)) is not None
    ]
    return Found(kind, hits, more=len(candidates) > per_kind) if hits else None


def matching(kind: Kind, words: list[str], *, actor: Actor) -> QuerySet[Any]:
    """The kind's records that hold every word, in primary-key order: a word of three characters or more
    anywhere in the folded text, a shorter one where a word begins ("ha" finds "Hà Nội", not "Thanh Hà").

    PostgreSQL answers these `LIKE`s from its trigram indexes; on SQLite `_candidates` narrows the rows with
    the FTS5 index first."""
    rows = visible(kind.queryset(), actor, kind.office)
    for word in words:
        if len(word) >= fts.SHORTEST_WORD:
            rows = rows.filter(**{f"{kind.text}__contains": word})
        else:
            rows = rows.filter(
                Q(**{f"{kind.text}__startswith": word}) | Q(**{f"{kind.text}__contains": f" {word}"})
            )
    return rows.order_by("pk")


def _candidates(kind: Kind, words: list[str], actor: Actor) -> list[tuple[int, str]]:
    """The first CANDIDATES (key, folded text) pairs of `matching`, the same rows on both databases.

    SQLite reads its index in key order, a window at a time (growing, so a word that is everywhere costs
    one small window and a rare one a single query), and keeps the rows of each window that pass the other
    conditions (office, archive, short words). A query of single characters only ("a b") scans."""
    rows = matching(kind, words, actor=actor)
    expression = fts.match_expression(words)
    if not expression or connections[rows.db].vendor != "sqlite":
        return list(rows.values_list("pk", kind.text)[:CANDIDATES])
    key, table = _indexed(kind, rows)
    if key != "pk":  # the index of a related record (the partner's organisation): one subquery
        index = fts.index_name(table)
        found = RawSQL(f"SELECT rowid FROM {index} WHERE {index} MATCH %s", [expression])
        return list(rows.filter(**{f"{key}__in": found}).values_list("pk", kind.text)[:CANDIDATES])
    kept: list[tuple[int, str]] = []
    after, window = 0, FIRST_WINDOW
    with connections[rows.db].cursor() as cursor:
        while len(kept) < CANDIDATES:
            ids = fts.rowids(cursor, table, expression, after, window)
            kept += rows.filter(pk__in=ids).values_list("pk", kind.text)
            if len(ids) < window:
                break
            after, window = ids[-1], min(window * 4, LAST_WINDOW)
    return kept[:CANDIDATES]


def _indexed(kind: Kind, rows: QuerySet[Any]) -> tuple[str, str]:
    """The lookup of the indexed record's key ("pk", "organisation") and its table."""
    model = rows.model
    *steps, _column = kind.text.split("__")
    for step in steps:
        model = model._meta.get_field(step).related_model
    return "__".join(steps) or "pk", model._meta.db_table


def _rank(text: str, phrase: str) -> int:
    return 3 if text.startswith(phrase) else 2 if phrase in text else 1


def _office_code(row: Any, kind: Kind) -> str:
    return str(_follow(row, kind.office).code)


def _follow(row: Any, path: str) -> Any:
    """The value a lookup path ("item__office") names, read from the row's loaded relations."""
    value = row
    for step in path.split("__"):
        value = getattr(value, step)
    return value
