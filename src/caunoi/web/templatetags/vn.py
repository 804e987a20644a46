"""Vietnamese number and date formatting for templates: 1.404.175 USD, 05/04/2022."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template

from caunoi.vntext.numbers import format_money, format_number

register = template.Library()


@register.filter
def vnnum(value: Any) -> str:
    if value is None or value == "":
        return ""
    return format_number(Decimal(str(value)).normalize() if not isinstance(value, int) else value)


@register.filter
def money(value: Any, currency: str) -> str:
    if value is None:
        return ""
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
