"""What the fronts (caunoi.api.front, caunoi.web.front) read of a reader in their one statement: the reader's
memberships, every office's succession and every mark, as parts of a UNION ALL of text columns, given to
the rules Django's path runs (`permissions.remember`, `marks.reader_state_in`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from caunoi.core import permissions
from caunoi.core.models import LedgerMark, Membership, Office


def parts(columns: int, member: str) -> str:
    """The statement's parts of kinds 'role', 'office' and 'mark', each `columns` wide (at least 4): the
    memberships of the user `member` chooses (a condition on `m.user_id`, with its own parameters), every
    office's succession, every mark."""
    empty = ", NULL" * (columns - 4)
    return (
        f"SELECT 'role', CAST(m.office_id AS TEXT), m.role, NULL{empty} FROM {Membership._meta.db_table} m "
        f"WHERE {member} "
        f"UNION ALL SELECT 'office', CAST(id AS TEXT), CAST(successor_id AS TEXT), CAST(succeeded_on AS TEXT)"
        f"{empty} FROM {Office._meta.db_table} "
        f"UNION ALL SELECT 'mark', scope, token, NULL{empty} FROM {LedgerMark._meta.db_table}"
    )


class ReaderRows:
    """The rows of `parts`, taken one by one from the statement's rows."""

    def __init__(self) -> None:
        self.roles: list[tuple[int, str]] = []
        self.offices: list[tuple[int, int | None, dt.date | None]] = []
        self.every_mark: dict[str, str] = {}

    def take(self, kind: str, a: Any, b: Any, c: Any) -> bool:
        """Keep a row of `parts`; False for a row of another kind."""
        if kind == "role":
            self.roles.append((int(a), b))
        elif kind == "office":
            self.offices.append(
                (int(a), None if b is None else int(b), None if c is None else dt.date.fromisoformat(c))
            )
        elif kind == "mark":
            self.every_mark[a] = b
        else:
            return False
        return True

    def give(self, user: Any) -> None:
        """`user` knows its memberships and the successions as read (`permissions.remember`)."""
        permissions.remember(user, self.roles, self.offices)


def moment(text: str | None) -> dt.datetime | None:
    """A stored moment read as text (PostgreSQL gives its offset, SQLite keeps UTC without one)."""
    found = None if text is None else parse_datetime(text)
    if found is not None and timezone.is_naive(found):
        found = timezone.make_aware(found, dt.UTC)
    return found
