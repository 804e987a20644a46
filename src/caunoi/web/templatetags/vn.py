"""Number and date formatting for templates: 1.404.175 USD in Vietnamese, 1,404,175 USD in English;
dates stay dd/mm/yyyy, as Vietnamese documents write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template
from django.utils.translation import get_language

from caunoi.vntext.numbers import format_money, format_number

register = template.Library()


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


@register.filter
def vnnum(value: Any) -> str:
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).normalize() if not isinstance(value, int) else value
    return format_number(number, locale="en" if _english() else "vi")


@register.filter
def money(value: Any, currency: str) -> str:
    if value is None:
        return ""
    if _english():
        amount = Decimal(str(value))
        places = 0 if currency == "VND" or amount == amount.to_integral_value() else 2
        return f"{format_number(amount, places, locale='en')} {currency}"
    return format_money(Decimal(str(value)), currency)


@register.filter
def vndate(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@register.simple_tag(takes_context=True)
def query(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (for sorting and paging links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"
