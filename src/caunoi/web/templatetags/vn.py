"""Number and date formatting for templates, by the page's language (caunoi.core.shown): 1.404.175 USD in
Vietnamese, 1,404,175 USD in English; dates in tables stay dd/mm/yyyy, as Vietnamese records write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template
from django.http import HttpRequest
from django.utils import timezone

from caunoi.core import shown

register = template.Library()


@register.filter
def vnnum(value: Any) -> str:
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).normalize() if not isinstance(value, int) else value
    return shown.number(number)


@register.filter
def money(value: Any, currency: str) -> str:
    if value is None:
        return ""
    return shown.money(Decimal(str(value)), currency)


@register.filter
def vndate(value: dt.date | None) -> str:
    return shown.table_day(value)


def vnstamp(value: dt.datetime | None) -> str:
    """A moment as Django's `date:"d/m/Y H:i"` writes it: in the server's time zone."""
    if value is None:
        return ""
    return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%d/%m/%Y %H:%M")


@register.simple_tag(takes_context=True)
def query(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (for sorting and paging links)."""
    return changed_query(context["request"], **changes)


def changed_query(request: HttpRequest, **changes: Any) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode() if params else "?"
