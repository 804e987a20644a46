import re
from decimal import Decimal

from caunoi.iati.codelists import codelist
from caunoi.money.messages import (
    AMOUNT_FORMAT,
    AMOUNT_NOT_POSITIVE,
    AMOUNT_TOO_LARGE,
    AMOUNT_TOO_PRECISE,
    CURRENCY_UNKNOWN,
)

PLAIN_DECIMAL = re.compile(r"^[+-]?\d+(\.\d+)?$")
CENT = Decimal("0.01")
# The largest amount the ledger accepts, in any currency: 9.999.999.999.999,99 (15 significant digits).
# - Far above any real grant: 10 trillion dollars, or 380 million USD even in đồng, where a province's
#   foreign-NGO aid of a whole year is a few million USD.
# - The same on both databases: SQLite keeps a decimal column as an 8-byte float, exact to 15 significant
#   digits; the 18 digits the column allows come back rounded there (9.999.999.999.999.999,99 is read as
#   10^16, which no longer fits the column: every page showing it failed).
# - Far below overflow: converted at any rate the ledger accepts (money.services.MAX_RATE, 10^10) it stays
#   under 10^23, well within the 28 digits of Python's decimal context, and sums of a million such amounts
#   still fit.
MAX_AMOUNT = Decimal("9999999999999.99")


def clean_currency(code: str, field: str = "currency") -> str:
    code = (code or "").strip().upper()
    if code not in codelist("Currency"):
        raise CURRENCY_UNKNOWN(field=field, currency=code)
    return code


def clean_amount(amount: Decimal | str | int, field: str = "amount") -> Decimal:
    if isinstance(amount, Decimal):
        value = amount
    elif isinstance(amount, int) and not isinstance(amount, bool):
        value = Decimal(amount)
    elif isinstance(amount, str) and PLAIN_DECIMAL.match(amount.strip()):
        value = Decimal(amount.strip())
    else:
        raise AMOUNT_FORMAT(field=field, amount=amount)
    if not value.is_finite() or value <= 0:
        raise AMOUNT_NOT_POSITIVE(field=field, amount=amount)
    # The size first: quantizing a 40-digit value would raise InvalidOperation.
    if value > MAX_AMOUNT:
        raise AMOUNT_TOO_LARGE(field=field, amount=_shown(amount), limit=MAX_AMOUNT)
    if value != value.quantize(CENT):
        raise AMOUNT_TOO_PRECISE(field=field, amount=amount)
    return value.quantize(CENT)


def _shown(amount: Decimal | str | int) -> str:
    text = str(amount)
    return text if len(text) <= 40 else text[:40] + "…"
