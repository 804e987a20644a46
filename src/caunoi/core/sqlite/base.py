"""Django's SQLite backend, reading back every decimal it stored.

SQLite keeps a decimal column as an 8-byte float. A value of more significant digits than the float holds
comes back rounded, and may then no longer fit its column: 9.999.999.999.999.999,99 in a max_digits=18
column is read as 10^16, which Django's converter refuses with InvalidOperation, so every page listing the
row (and its history rows, which outlive it) failed. The services no longer accept such values
(caunoi.core.limits, money.currencies.MAX_AMOUNT); this backend reads those already stored as the number
SQLite holds instead of failing.
"""

from __future__ import annotations

import decimal
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
