"""Search every kind of record a user may read, with or without diacritics, ranked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from caunoi.core.permissions import Actor, visible
from caunoi.core.text import fold
from caunoi.search.kinds import KINDS, Kind

MIN_LENGTH = 2
PER_KIND = 10
LONGEST_QUERY = 200
CANDIDATES = 200


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
    """The folded words of a query ("Đà Nẵng" → ["da", "nang"]); at most LONGEST_QUERY characters are read."""
    return fold(query[:LONGEST_QUERY]).split()


def search(query: str, *, actor: Actor, per_kind: int = PER_KIND) -> list[Found]:
    """Each kind with its best matches: the records whose folded text holds every word of the query.

    Rank: the folded text begins with the query (3), holds it as a phrase (2), holds its words apart (1); then
    by text. The ranking reads the first CANDIDATES matches of each kind, in the table's order, so a query that
    matches half the ledger stops early instead of sorting it. An empty list when the query is shorter than
    MIN_LENGTH characters."""
    words = words_of(query)
    phrase = " ".join(words)
    if len(phrase) < MIN_LENGTH:
        return []
    found = []
    for kind in KINDS:
        match = Q()
        for word in words:
            match &= Q(**{f"{kind.text}__contains": word})
        rows: list[Any] = list(visible(kind.queryset(), actor, kind.office).filter(match)[:CANDIDATES])
        if not rows:
            continue
        ranked = sorted(((_rank(_text(row, kind), phrase), row) for row in rows), key=_order(kind))
        hits = [
            Hit(kind.code, row.pk, kind.title(row), kind.detail(row), _office_code(row, kind), rank)
            for rank, row in ranked[:per_kind]
        ]
        found.append(Found(kind, hits, more=len(rows) > per_kind))
    found.sort(key=lambda f: -max(h.rank for h in f.hits))
    return found


def _rank(text: str, phrase: str) -> int:
    return 3 if text.startswith(phrase) else 2 if phrase in text else 1


def _order(kind: Kind) -> Any:
    return lambda pair: (-pair[0], _text(pair[1], kind), pair[1].pk)


def _text(row: Any, kind: Kind) -> str:
    return str(_follow(row, kind.text))


def _office_code(row: Any, kind: Kind) -> str:
    return str(_follow(row, kind.office).code)


def _follow(row: Any, path: str) -> Any:
    """The value a lookup path ("item__office") names, read from the row's loaded relations."""
    value = row
    for step in path.split("__"):
        value = getattr(value, step)
    return value
