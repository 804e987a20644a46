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

from caunoi.api import kept
from caunoi.api import messages as m
from caunoi.core.permissions import reads_every_office, visible


class ConditionalGet:
    """An ETag from the body of a successful read; the same ETag in If-None-Match gets 304 without it."""

    # A view with `keep_answers` keeps its list and detail answers under the ledger marks (caunoi.api.kept).
    # (Not in the docstring: drf-spectacular shows it as the description of the views without their own.)
    keep_answers = False
    answer_key: str | None = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]  # signed in, allowed, not throttled
        self.answer_key = None
        action = getattr(self, "action", None)
        if self.keep_answers and action in ("list", "retrieve"):
            self.answer_key = kept.answer_key(request, f"{type(self).__name__}-{action}")
        if self.answer_key is not None and (found := kept.recall(self.answer_key)) is not None:
            self.get = lambda *args, **kwargs: found  # the handler DRF calls next

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            if hasattr(response, "render"):  # computed now, not kept
                response.render()
                set_response_etag(response)
                if self.answer_key is not None:
                    kept.keep(self.answer_key, response)
            if response.has_header("ETag"):
                return get_conditional_response(request, etag=response["ETag"], response=response)
        return response


class OfficeScoped(ConditionalGet, viewsets.GenericViewSet):
    """Records of the offices the caller may read; `office_field` names the path to the record's office."""

    office_field = "office"
    lookup_value_regex = r"\d+"

    def scoped(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if reads_every_office(self.request.user) and self._office_required(queryset):
            # Every record: no filter. `office IN (every office)` would make SQLite read and sort a whole
            # table for a page of 50 (0,4 s for the transactions at ¼×) instead of walking its primary key.
            return queryset
        return visible(queryset, self.request.user, self.office_field)

    def _office_required(self, queryset: QuerySet[Any]) -> bool:
        """Every record has an office (a record without one is not among any office's records)."""
        if "__" in self.office_field:
            return False
        return not queryset.model._meta.get_field(self.office_field).null


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
