"""What every API view shares: records only of the offices the caller may read (others are 404, as in the
web), an `ETag` on every read with `304` for a matching `If-None-Match`, and filters read strictly."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import make_aware
from rest_framework import viewsets
from rest_framework.request import Request

from caunoi.api import messages as m
from caunoi.core.permissions import visible


class ConditionalGet:
    """An ETag from the body of a successful read; the same ETag in If-None-Match gets 304 without it."""

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method in ("GET", "HEAD") and response.status_code == 200 and hasattr(response, "render"):
            response.render()
            set_response_etag(response)
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


class OfficeScoped(ConditionalGet, viewsets.GenericViewSet):
    """Records of the offices the caller may read; `office_field` names the path to the record's office."""

    office_field = "office"
    lookup_value_regex = r"\d+"

    def scoped(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return visible(queryset, self.request.user, self.office_field)


def param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    return value if value not in (None, "") else None


def int_param(request: Request, name: str, low: int = 0, high: int = 2**31 - 1) -> int | None:
    value = param(request, name)
    if value is None:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise m.FILTER_INVALID(field=name, name=name, value=value)
    return int(value)


def year_param(request: Request, name: str = "year") -> int | None:
    return int_param(request, name, 1990, 2100)


def date_param(request: Request, name: str) -> dt.date | None:
    value = param(request, name)
    if value is None:
        return None
    try:
        day = parse_date(value)
    except ValueError:
        day = None
    if day is None:
        raise m.FILTER_INVALID(field=name, name=name, value=value)
    return day


def moment_param(request: Request, name: str) -> dt.datetime | None:
    """A date-time (ISO 8601) or a date (its start, local time)."""
    value = param(request, name)
    if value is None:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is None:
        day = date_param(request, name)
        assert day is not None
        moment = dt.datetime.combine(day, dt.time())
    if moment.tzinfo is None:
        moment = make_aware(moment)
    return moment


def choice_param(request: Request, name: str, choices: Any) -> str | None:
    value = param(request, name)
    if value is not None and value not in choices:
        raise m.FILTER_INVALID(field=name, name=name, value=value)
    return value
