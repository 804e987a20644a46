"""The reports, as the CLI's JSON: the same functions (`caunoi report aid --json`, `caunoi diplomacy report
--json`) called for an office the caller may read."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import views
from rest_framework.request import Request
from rest_framework.response import Response

from caunoi.api import messages as m
from caunoi.api.base import ConditionalGet, date_param, param, year_param
from caunoi.core.models import Office
from caunoi.core.permissions import visible_offices
from caunoi.relations.report import diplomacy_summary
from caunoi.reports.aid import aid_summary

P = OpenApiParameter
COMMON = [
    P("office", str, required=True, description="Mã cơ quan / office code"),
    P("year", int, required=True, description="Năm / year (1990–2100)"),
    P("include_predecessors", bool, description="Gồm cả cơ quan tiền thân / include predecessor offices"),
]


def _office_and_year(request: Request) -> tuple[Office, int]:
    year = year_param(request)
    if year is None:
        raise m.YEAR_INVALID(field="year", year="—")
    offices = visible_offices(request.user)
    code = param(request, "office")
    if code is None:
        raise m.OFFICE_REQUIRED(field="office", codes=", ".join(offices.values_list("code", flat=True)))
    office = offices.filter(code=code).first()
    if office is None:
        raise m.NOT_FOUND(field="office")
    return office, year


def _predecessors(request: Request) -> bool:
    return (param(request, "include_predecessors") or "").lower() in {"1", "true", "yes"}


class AidReport(ConditionalGet, views.APIView):
    @extend_schema(
        summary="Tình hình vận động viện trợ (như `caunoi report aid --format json`) / the aid summary",
        parameters=COMMON,
        responses={200: OpenApiTypes.OBJECT},
        tags=["reports"],
    )
    def get(self, request: Request) -> Response:
        office, year = _office_and_year(request)
        summary = aid_summary(office, year, include_predecessors=_predecessors(request))
        return Response(summary.as_dict())


class DiplomacyReport(ConditionalGet, views.APIView):
    @extend_schema(
        summary="Đối ngoại nhân dân trong năm (như `caunoi diplomacy report --format json`) / the diplomacy summary",
        parameters=[
            *COMMON,
            P("on", str, description="YYYY-MM-DD: tình trạng tính đến ngày / statuses as of"),
        ],
        responses={200: OpenApiTypes.OBJECT},
        tags=["reports"],
    )
    def get(self, request: Request) -> Response:
        office, year = _office_and_year(request)
        summary = diplomacy_summary(
            office, year, date_param(request, "on"), include_predecessors=_predecessors(request)
        )
        return Response(summary.as_dict())
