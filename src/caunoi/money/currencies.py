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
MAX_AMOUNT = Decimal("9999999999999999.99")  # fits DecimalField(max_digits=18, decimal_places=2)


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
    if value != value.quantize(Decimal("0.01")):
        raise AMOUNT_TOO_PRECISE(field=field, amount=amount)
    if value > MAX_AMOUNT:
        raise AMOUNT_TOO_LARGE(field=field, amount=amount)
    return value.quantize(Decimal("0.01"))
