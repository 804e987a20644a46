"""Django's SQLite backend, reading back every decimal it stored.

SQLite keeps a decimal column as an 8-byte float. A value of more significant digits than the float holds
comes back rounded, and may then no longer fit its column: 9.999.999.999.999.999,99 in a max_digits=18
column is read as 10^16, which Django's converter refuses with InvalidOperation, so every page listing the
row (and its history rows, which outlive it) failed. The services no longer accept such values
(caunoi.core.limits, money.currencies.MAX_AMOUNT); this backend reads those already stored as the number
SQLite holds instead of failing.

It also keeps SQLite's planner statistics, which only ANALYZE writes and Django never runs (`close`).
"""

from __future__ import annotations

import contextlib
import decimal
import sqlite3
from typing import Any

from django.db.backends.sqlite3 import base, operations


class DatabaseOperations(operations.DatabaseOperations):
    def get_decimalfield_converter(self, expression: Any) -> Any:
        converter = super().get_decimalfield_converter(expression)
        as_stored = decimal.Context(prec=15).create_decimal_from_float

        def read(value: Any, expression: Any, connection: Any) -> Any:
            try:
                return converter(value, expression, connection)
            except decimal.InvalidOperation:
                return as_stored(value)

        return read


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def close(self) -> None:
        # Without statistics SQLite took the default aid list's index (archived, approved) for one office's
        # items of a year — every office's items of the year read — over the office's own index: 22 ms
        # instead of 0,4 ms at a quarter of the national data. SQLite's advice: PRAGMA optimize before a
        # connection closes; it analyzes only the tables this connection's queries would have planned better
        # with statistics (never analyzed, or grown many times since), each on a bounded sample. A busy
        # database is left for the next connection to close: no wait, no error.
        if self.connection is not None and not self.is_in_memory_db():
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA busy_timeout = 0")
                self.connection.execute("PRAGMA analysis_limit = 1000")
                self.connection.execute("PRAGMA optimize")
        super().close()
