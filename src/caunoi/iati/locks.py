"""One IATI import at a time per office: the import's transaction holds a lock on the office.

An import reads what the office holds (activities, item codes, organisations), then writes; two at once
would both plan the same rows and one would end on a UNIQUE constraint. The second waits for the first
(then finds its activities unchanged: nothing to do) at most WAIT_SECONDS, then is refused as busy.
SQLite: the transaction begins IMMEDIATE (settings), taking the database's write lock, waited on up to the
connection's timeout. PostgreSQL: a transaction-level advisory lock on IATI_IMPORT and the office's id, waited
on up to lock_timeout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import IntegrityError, OperationalError, connection, transaction

from caunoi.core import messages as cm
from caunoi.core.errors import database_busy
from caunoi.core.models import Office
from caunoi.iati import messages as m

WAIT_SECONDS = 20  # as SQLite's timeout in settings
IATI_IMPORT = 0x1A71 << 40  # the advisory lock's key: this, plus the office's id


@contextlib.contextmanager
def importing(office: Office) -> Iterator[None]:
    """A transaction in which no other import into `office` runs; RuleError when it cannot begin in time."""
    begun = False
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                _advisory_lock(office)
            begun = True
            yield
    except IntegrityError:
        # Another writer (a user, the spreadsheet import) saved the same organisation or item code since the
        # import read them: all was rolled back, and the next import reads theirs.
        raise m.CHANGED_MEANWHILE(office=office.code) from None
    except OperationalError as error:
        if begun or not database_busy(error):
            raise
        if connection.vendor == "postgresql":
            raise m.IMPORT_BUSY(office=office.code, seconds=WAIT_SECONDS) from None
        raise cm.DATABASE_BUSY(seconds=WAIT_SECONDS) from None


def _advisory_lock(office: Office) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('lock_timeout'), set_config('lock_timeout', %s, true)",
            [f"{WAIT_SECONDS}s"],
        )
        previous = cursor.fetchone()[0]
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IATI_IMPORT + office.pk])
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])
