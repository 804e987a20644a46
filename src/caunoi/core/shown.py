"""Numbers, amounts and dates as the reader's language writes them: one rule per language, used by every
page, template filter and message.

- Vietnamese: ``1.404.175``, ``25,4``, ``1.404.175 USD``; dates ``05/12/2026``.
- English: ``1,404,175``, ``25.4``, ``1,404,175 USD``; dates in messages ``5 December 2026`` (tables keep
  dd/mm/yyyy, the form Vietnamese records use, in both languages).

Vietnamese documents (the annual report, the official text of reports) stay Vietnamese whatever the page's
language: they call `caunoi.vntext.numbers` directly, or pass ``lang="vi"``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import translation

from caunoi.vntext.numbers import format_money, format_number

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def language(lang: str | None = None) -> str:
    """``"en"`` or ``"vi"``: the given language, else the active one (Vietnamese by default)."""
    lang = lang or translation.get_language() or "vi"
    return "en" if lang.startswith("en") else "vi"


def number(value: Decimal | int, places: int | None = None, *, lang: str | None = None) -> str:
    return format_number(value, places, locale=language(lang))


def money(value: Decimal | int, currency: str, *, lang: str | None = None) -> str:
    return format_money(value, currency, locale=language(lang))


def table_day(value: dt.date | None) -> str:
    """A date in a table or a form: ``05/12/2026`` in both languages."""
    return value.strftime("%d/%m/%Y") if value else ""


def day(value: dt.date, *, lang: str | None = None) -> str:
    """A date inside a sentence: ``05/12/2026`` in Vietnamese, ``5 December 2026`` in English."""
    if language(lang) == "en":
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return table_day(value)
