"""The other records, read-only: organisations, exchange rates, geography, partners, agreements,
associations, events and delegations, plans and tasks, people. Each list filters by office and by the time
it was last changed, orders, and pages by cursor; its queries do not grow with the page."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.response import Response

from caunoi.api import serializers_aid as sa
from caunoi.api import serializers_records as sr
from caunoi.api.base import (
    ConditionalGet,
    OfficeScoped,
    choice_param,
    date_param,
    moment_param,
    param,
    year_param,
)
from caunoi.api.idempotency import PARAMETER as IDEMPOTENCY
from caunoi.api.idempotency import idempotent
from caunoi.api.pagination import Cursor
from caunoi.api.serializers_writes import EventChange, EventInput, OrganisationChange, OrganisationInput
from caunoi.api.views.aid import _office_by_code, _organisation, _valid
from caunoi.core.permissions import visible_offices
from caunoi.directory import services as directory
from caunoi.directory.models import Organisation
from caunoi.directory.services import ORG_FIELDS
from caunoi.geography.models import AdminUnit, Era, Level, UnitSuccession
from caunoi.money.models import ExchangeRate
from caunoi.relations.models import (
    Agreement,
    AnnualPlan,
    Association,
    Event,
    EventKind,
    Partnership,
    Person,
    PlanTask,
)
from caunoi.relations.services import events as event_services

P = OpenApiParameter
OFFICE = P("office", str, description="Mã cơ quan / office code")
UPDATED = P("updated_since", str, description="ISO 8601: sửa từ lúc / changed since")
DELEGATIONS = (EventKind.INCOMING_DELEGATION, EventKind.OUTGOING_DELEGATION)


class RecordList(mixins.ListModelMixin, mixins.RetrieveModelMixin, OfficeScoped):
    """A scoped read-only list of one model, with the office and updated-since filters."""

    pagination_class = Cursor
    filter_backends = [OrderingFilter]
    ordering = ["id"]
    ordering_fields = ["id"]
    related: tuple[str, ...] = ()
    prefetched: tuple[Any, ...] = ()
    has_updated_at = True

    def base(self) -> QuerySet[Any]:
        raise NotImplementedError

    def narrowed(self, found: QuerySet[Any]) -> QuerySet[Any]:
        return found

    def get_queryset(self) -> QuerySet[Any]:
        found = self.scoped(self.base().select_related(*self.related).prefetch_related(*self.prefetched))
        if (code := param(self.request, "office")) is not None:
            found = found.filter(**{f"{self.office_field}__code": code})
        if self.has_updated_at and (moment := moment_param(self.request, "updated_since")) is not None:
            found = found.filter(updated_at__gte=moment)
        return self.narrowed(found)


def _doc(summary: str, *parameters: Any, tag: str = "records") -> Any:
    return extend_schema_view(
        list=extend_schema(summary=summary, parameters=[OFFICE, *parameters], tags=[tag]),
        retrieve=extend_schema(summary=summary, tags=[tag]),
    )


@_doc("Tổ chức / organisations", UPDATED, P("kind", str), P("country", str))
class OrganisationViewSet(RecordList):
    serializer_class = sr.model_serializer(Organisation, "OrganisationSerializer")
    related = ("office",)
    ordering_fields = ["id", "name", "updated_at"]

    def base(self) -> QuerySet[Any]:
        return Organisation.objects.all()

    def narrowed(self, found: QuerySet[Any]) -> QuerySet[Any]:
        if (kind := param(self.request, "kind")) is not None:
            found = found.filter(kind=kind)
        if (country := param(self.request, "country")) is not None:
            found = found.filter(country=country.upper())
        return found

    def _answer(self, pk: int, code: int = 200) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        summary="Ghi tổ chức mới / create an organisation",
        request=OrganisationInput,
        responses={201: serializer_class},
        parameters=[IDEMPOTENCY],
        tags=["records"],
    )
    @idempotent
    def create(self, request: Request) -> Response:
        data = _valid(OrganisationInput, request)
        office = _office_by_code(request, data.pop("office"))
        found = directory.create_organisation(office, actor=request.user, **data)
        return self._answer(found.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Sửa tổ chức / change an organisation",
        request=OrganisationChange,
        responses={200: serializer_class},
        tags=["records"],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        organisation = self.get_object()
        changes = _valid(OrganisationChange, request)
        fields = {name: getattr(organisation, name) for name in ORG_FIELDS} | changes
        directory.update_organisation(organisation, actor=request.user, **fields)
        return self._answer(organisation.pk)


@extend_schema_view(
    list=extend_schema(
        summary="Tỷ giá (chung và của cơ quan) / exchange rates (common and the office's)",
        parameters=[
            OFFICE,
            P("base", str),
            P("quote", str),
            P("on", str, description="YYYY-MM-DD: đang áp dụng ngày / in force on"),
        ],
        tags=["records"],
    ),
    retrieve=extend_schema(summary="Tỷ giá / exchange rate", tags=["records"]),
)
class ExchangeRateViewSet(
    ConditionalGet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Common rates (no office) are reference data every caller reads; an office's own rates only its readers."""

    serializer_class = sa.RateSerializer
    lookup_value_regex = r"\d+"
    pagination_class = Cursor
    filter_backends = [OrderingFilter]
    ordering = ["id"]
    ordering_fields = ["id", "valid_from"]

    def get_queryset(self) -> QuerySet[ExchangeRate]:
        offices = visible_offices(self.request.user)
        found = ExchangeRate.objects.select_related("office").filter(
            Q(office__isnull=True) | Q(office__in=offices)
        )
        request = self.request
        if (code := param(request, "office")) is not None:
            found = found.filter(Q(office__isnull=True) | Q(office__code=code))
        if (base := param(request, "base")) is not None:
            found = found.filter(base=base.upper())
        if (quote := param(request, "quote")) is not None:
            found = found.filter(quote=quote.upper())
        if (day := date_param(request, "on")) is not None:
            found = found.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)
        return found


SuccessionSerializer = sr.model_serializer(UnitSuccession, "UnitSuccessionSerializer")


_UnitBase = sr.model_serializer(AdminUnit, "AdminUnitBase")


class UnitSerializer(_UnitBase):  # type: ignore[valid-type,misc]
    successions = SuccessionSerializer(
        many=True, read_only=True, help_text="Sang đơn vị 2025 / to 2025 units"
    )
    precessions = SuccessionSerializer(many=True, read_only=True, help_text="Từ đơn vị cũ / from older units")

    class Meta(_UnitBase.Meta):  # type: ignore[name-defined]
        fields = [*_UnitBase.Meta.fields, "successions", "precessions"]


@extend_schema_view(
    list=extend_schema(
        summary="Đơn vị hành chính hai thời kỳ, với chuyển đổi 2025 / administrative units of both eras",
        parameters=[
            P("era", str, enum=Era.values),
            P("level", str, enum=Level.values),
            P("province", int, description="id tỉnh / province id"),
            P("q", str, description="tên không dấu / name without diacritics"),
        ],
        tags=["records"],
    ),
    retrieve=extend_schema(summary="Đơn vị hành chính / administrative unit", tags=["records"]),
)
class AdminUnitViewSet(
    ConditionalGet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Shared reference data, the same for every caller."""

    serializer_class = UnitSerializer
    lookup_value_regex = r"\d+"
    pagination_class = Cursor
    filter_backends = [OrderingFilter]
    ordering = ["id"]
    ordering_fields = ["id", "code"]

    def get_queryset(self) -> QuerySet[AdminUnit]:
        found = AdminUnit.objects.prefetch_related("successions", "precessions")
        request = self.request
        if (era := choice_param(request, "era", Era.values)) is not None:
            found = found.filter(era=era)
        if (level := choice_param(request, "level", Level.values)) is not None:
            found = found.filter(level=level)
        if (province := param(request, "province")) is not None:
            found = found.filter(province_id=int(province) if province.isdigit() else 0)
        if (q := param(request, "q")) is not None:
            from caunoi.core.text import fold

            found = found.filter(search_text__contains=fold(q))
        return found


@_doc("Quan hệ đối tác / partnerships", UPDATED)
class PartnershipViewSet(RecordList):
    serializer_class = sr.model_serializer(Partnership, "PartnershipSerializer")
    related = ("office",)

    def base(self) -> QuerySet[Any]:
        return Partnership.objects.all()


@_doc(
    "Thỏa thuận, với trạng thái tính đến ngày `on` / agreements, with their status as of `on`",
    UPDATED,
    P("on", str, description="YYYY-MM-DD, mặc định hôm nay / default today"),
)
class AgreementViewSet(RecordList):
    serializer_class = sr.AgreementSerializer
    related = ("office",)
    prefetched = ("fields", "parties")

    def base(self) -> QuerySet[Any]:
        return Agreement.objects.all()

    def get_serializer_context(self) -> dict[str, Any]:
        from django.utils import timezone

        context = super().get_serializer_context()
        context["on"] = date_param(self.request, "on") or timezone.localdate()
        return context


@_doc("Hội hữu nghị / friendship associations", UPDATED)
class AssociationViewSet(RecordList):
    serializer_class = sr.model_serializer(Association, "AssociationSerializer")
    related = ("office",)

    def base(self) -> QuerySet[Any]:
        return Association.objects.all()


EVENT_FILTERS = (
    UPDATED,
    P("year", int, description="Năm bắt đầu / year it began"),
    P("kind", str, enum=EventKind.values),
)


class EventRead(RecordList):
    serializer_class = sr.model_serializer(Event, "EventSerializer")
    related = ("office",)
    prefetched = ("organisers",)
    ordering_fields = ["id", "start_on", "updated_at"]

    def base(self) -> QuerySet[Any]:
        return Event.objects.all()

    def narrowed(self, found: QuerySet[Any]) -> QuerySet[Any]:
        if (year := year_param(self.request)) is not None:
            found = found.filter(start_on__year=year)
        if (kind := choice_param(self.request, "kind", EventKind.values)) is not None:
            found = found.filter(kind=kind)
        return found


@_doc("Hoạt động đối ngoại / events", *EVENT_FILTERS)
class EventViewSet(EventRead):
    def _answer(self, pk: int, code: int = 200) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=pk)).data, status=code)

    @extend_schema(
        summary="Ghi hoạt động mới / create an event",
        request=EventInput,
        responses={201: EventRead.serializer_class},
        parameters=[IDEMPOTENCY],
        tags=["records"],
    )
    @idempotent
    def create(self, request: Request) -> Response:
        data = _valid(EventInput, request)
        office = _office_by_code(request, data.pop("office"))
        organisers = [
            found
            for pk in data.pop("organisers", [])
            if (found := _organisation(request, pk, "organisers")) is not None
        ]
        event = event_services.create_event(office, actor=request.user, organisers=organisers, **data)
        return self._answer(event.pk, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Sửa hoạt động / change an event",
        request=EventChange,
        responses={200: EventRead.serializer_class},
        tags=["records"],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        event = self.get_object()
        event_services.update_event(event, actor=request.user, **_valid(EventChange, request))
        return self._answer(event.pk)


@_doc("Đoàn ra, đoàn vào / delegations out and in", *EVENT_FILTERS)
class DelegationViewSet(EventRead):
    def base(self) -> QuerySet[Any]:
        return Event.objects.filter(kind__in=DELEGATIONS)


@_doc("Kế hoạch năm / annual plans", UPDATED, P("year", int))
class PlanViewSet(RecordList):
    serializer_class = sr.model_serializer(AnnualPlan, "AnnualPlanSerializer")
    related = ("office",)
    prefetched = ("implements",)

    def base(self) -> QuerySet[Any]:
        return AnnualPlan.objects.all()

    def narrowed(self, found: QuerySet[Any]) -> QuerySet[Any]:
        if (year := year_param(self.request)) is not None:
            found = found.filter(year=year)
        return found


@_doc("Nhiệm vụ của kế hoạch / plan tasks", P("plan", int), P("year", int))
class PlanTaskViewSet(RecordList):
    serializer_class = sr.model_serializer(PlanTask, "PlanTaskSerializer")
    office_field = "plan__office"
    has_updated_at = False

    def base(self) -> QuerySet[Any]:
        return PlanTask.objects.all()

    def narrowed(self, found: QuerySet[Any]) -> QuerySet[Any]:
        if (plan := param(self.request, "plan")) is not None:
            found = found.filter(plan_id=int(plan) if plan.isdigit() else 0)
        if (year := year_param(self.request)) is not None:
            found = found.filter(plan__year=year)
        return found


@_doc(
    "Cá nhân (liên hệ chỉ cho cán bộ của cơ quan) / people (contact details for the office's staff)", UPDATED
)
class PersonViewSet(RecordList):
    serializer_class = sr.PersonSerializer
    related = ("office",)

    def base(self) -> QuerySet[Any]:
        return Person.objects.all()
