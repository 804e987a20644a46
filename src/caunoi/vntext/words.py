"""Numbers and amounts in Vietnamese words, as official documents and invoices write them ("Bằng chữ: ...").

Written here rather than taken from ``num2words`` because its ``lang="vi"`` output (0.5.14) is wrong where
official documents need it right — observed: ``-5`` → "mười lăm", ``-1`` → "mười chín", ``-25`` →
IndexError, ``2025`` → "hai nghìn lẻ hai mươi lăm", ``1010`` → "một nghìn lẻ mười", ``1050`` → "một nghìn
lẻ năm mươi", ``10**15`` → "một trăm nghìn tỷ", ``10**18`` → "một Quintillion", ``25.4`` → "hai mươi lăm
phẩy bốn mươi", ``1.5`` → "một phẩy năm mươi", ``0.05`` → "không phẩy năm", and it has no
``to="currency"`` for Vietnamese.

Conventions (those of Vietnamese school arithmetic and of invoice software):

- ``mười`` for 10–19, ``mươi`` for the tens 20–90: 11 "mười một", 21 "hai mươi mốt".
- ``mốt`` for a final 1 after ``mươi`` only (21 "hai mươi mốt"; 11 "mười một"; 101 "một trăm linh một").
- ``lăm`` for a final 5 after ``mười``/``mươi`` (15 "mười lăm", 25 "hai mươi lăm"; 105 "một trăm linh năm").
- ``bốn`` always, never the optional ``tư`` (24 "hai mươi bốn"): both are correct, ``bốn`` cannot be misread.
- ``linh`` (not the southern ``lẻ``) for a zero tens digit before a unit: 101 "một trăm linh một".
- Empty groups: a group of three zeros is not read at all, and every non-zero group after the first is read in
  full, with "không trăm" and "linh" as needed: 1.000.005 "một triệu không trăm linh năm", 2025 "hai nghìn
  không trăm hai mươi lăm", 1.000.000.001 "một tỷ không trăm linh một". This is the reading of the
  primary-school textbook (Toán 5: 472.036.953 "bốn trăm bảy mươi hai triệu không trăm ba mươi sáu nghìn
  chín trăm năm mươi ba") and of the common "đọc số tiền bằng chữ" routines of invoice software; the rarer
  style that also reads empty groups ("một triệu không nghìn không trăm linh năm") is not used.
- Beyond ``tỷ`` the scales repeat: 10**12 "một nghìn tỷ", 10**15 "một triệu tỷ", 10**18 "một tỷ tỷ".
- Decimals: ``phẩy``, then the decimal digits read as a number, each leading zero read "không" (25,4 "hai mươi
  lăm phẩy bốn", 2,38 "hai phẩy ba mươi tám", 1,05 "một phẩy không năm"); trailing zeros are not read.
- Negatives: "âm ...".
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from babel.numbers import get_currency_precision

from caunoi.vntext.numbers import to_decimal

__all__ = ["CURRENCY_NAMES", "MINOR_UNIT_NAMES", "amount_in_words", "number_to_words"]

_DIGITS: Final = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION: Final = 10**9

CURRENCY_NAMES: Final[dict[str, str]] = {
    "VND": "đồng",
    "USD": "đô la Mỹ",
    "EUR": "euro",
    "JPY": "yên Nhật",
    "GBP": "bảng Anh",
    "AUD": "đô la Úc",
    "CNY": "nhân dân tệ",
    "KRW": "won Hàn Quốc",
}
"""Vietnamese names of the currencies aid arrives in; any other currency is named by its ISO code."""

MINOR_UNIT_NAMES: Final[dict[str, str]] = {"USD": "xu", "EUR": "xu"}
"""Currencies whose cents are read as a separate unit ("... đô la Mỹ và năm mươi xu"). Other currencies with a
minor unit read a fraction with "phẩy" ("mười hai phẩy năm bảng Anh")."""


def _group_words(n: int, full: bool) -> list[str]:
    """Words for 1..999; ``full`` reads a zero hundreds digit ("không trăm"), as groups after the first do."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units == 1:
            words.append("mốt")
        elif units == 5:
            words.append("lăm")
        elif units:
            words.append(_DIGITS[units])
    return words


def _integer_words(n: int, leading: bool = True) -> list[str]:
    """Words for a positive integer; ``leading=False`` when it continues a larger number (after "tỷ")."""
    if n >= _BILLION:
        high, low = divmod(n, _BILLION)
        words = [*_integer_words(high, leading), "tỷ"]
        if low:
            words += _integer_words(low, leading=False)
        return words
    words = []
    first = leading
    for value, name in ((n // 10**6, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, "")):
        if value == 0:
            continue
        words += _group_words(value, full=not first)
        if name:
            words.append(name)
        first = False
    return words


def _fraction_words(digits: str) -> list[str]:
    zeros = len(digits) - len(digits.lstrip("0"))
    return ["không"] * zeros + _integer_words(int(digits[zeros:]))


def _split(value: Decimal) -> tuple[bool, int, str]:
    """Sign, integer part, and significant decimal digits (without trailing zeros) of a finite Decimal."""
    negative = value < 0 and not value.is_zero()
    whole, _dot, fraction = format(value.copy_abs(), "f").partition(".")  # exact, never an exponent
    integer = int(whole)
    digits = fraction.rstrip("0")
    return negative, integer, digits


def number_to_words(value: int | Decimal) -> str:
    """Read a number in Vietnamese words (lower case): 1404175 → "một triệu bốn trăm linh bốn nghìn một
    trăm bảy mươi lăm", 2025 → "hai nghìn không trăm hai mươi lăm", -5 → "âm năm", Decimal("25.4") → "hai
    mươi lăm phẩy bốn". Conventions in the module docstring."""
    negative, integer, digits = _split(to_decimal(value))
    words = _integer_words(integer) if integer else ["không"]
    if digits:
        words += ["phẩy", *_fraction_words(digits)]
    if negative:
        words.insert(0, "âm")
    return " ".join(words)


def amount_in_words(amount: Decimal | int, currency: str) -> str:
    """An amount in words for official documents, first letter capitalised.

    ``amount_in_words(Decimal(1404175), "USD")`` → "Một triệu bốn trăm linh bốn nghìn một trăm bảy mươi
    lăm đô la Mỹ"; ``Decimal("12.50")`` USD → "Mười hai đô la Mỹ và năm mươi xu"; ``Decimal("0.50")`` USD
    → "Năm mươi xu"; ``Decimal("12.5")`` GBP → "Mười hai phẩy năm bảng Anh".

    An amount with more decimals than the currency has (any fraction of VND, JPY or KRW; a fraction of a cent)
    raises :class:`ValueError`: an amount in words must state exactly the amount in figures, so it is never
    rounded here. Currency names are in :data:`CURRENCY_NAMES`; other ISO codes are written as the code.
    """
    code = currency.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"currency must be a three-letter ISO 4217 code, got {currency!r}")
    number = to_decimal(amount)
    name = CURRENCY_NAMES.get(code, code)
    negative, integer, digits = _split(number)
    precision = get_currency_precision(code)
    if len(digits) > precision:
        raise ValueError(
            f"{format(number, 'f')} {code} has more decimals than {code} allows ({precision}); "
            "round the amount in figures first"
        )
    words = _integer_words(integer) if integer else ["không"]
    if digits and code in MINOR_UNIT_NAMES:
        minor = int(digits.ljust(precision, "0"))
        minor_words = [*_integer_words(minor), MINOR_UNIT_NAMES[code]]
        words = [*words, name, "và", *minor_words] if integer else minor_words
    elif digits:
        words += ["phẩy", *_fraction_words(digits), name]
    else:
        words.append(name)
    if negative:
        words.insert(0, "âm")
    text = " ".join(words)
    return text[0].upper() + text[1:]
