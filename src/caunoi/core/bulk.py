"""Fetching many rows by primary key in as few queries as the database allows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

# Django's in_bulk splits at 999 ids on SQLite (the limit of SQLite before 3.32); SQLite 3.32 and later take
# 32.766 parameters, PostgreSQL far more. A national report names 13.000 units or donors: 14 queries with
# in_bulk, one here.
CHUNK = 30_000


def rows_by_pk(queryset: QuerySet[Any], ids: Iterable[Any]) -> dict[Any, Any]:
    wanted = sorted({i for i in ids if i is not None})
    found: dict[Any, Any] = {}
    for start in range(0, len(wanted), CHUNK):
        found.update((row.pk, row) for row in queryset.filter(pk__in=wanted[start : start + CHUNK]))
    return found
