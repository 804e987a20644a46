"""Aid items and their money: read with filters, written through `caunoi.aid.services` only."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.response import Response

from caunoi.aid import corrections, services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import (
    AidItem,
    ItemPlace,
    ItemSector,
    Modality,
    Participation,
    Role,
    Sector,
    StatusChange,
    Transaction,
    TransactionKind,
)
from caunoi.api import messages as m
from caunoi.api import serializers_aid as s
from caunoi.api.base import OfficeScoped, choice_param, int_param, moment_param, param, year_param
from caunoi.api.idempotency import PARAMETER as IDEMPOTENCY
from caunoi.api.idempotency import idempotent
from caunoi.api.pagination import Cursor
from caunoi.core.permissions import visible, visible_offices
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit

P = OpenApiParameter
ITEM_FILTERS = [
    P("office", str, description="Mã cơ quan / office code"),
    P("year", int, description="Năm phê duyệt / year of the approval decision"),
    P("status", str, enum=Status.values),
    P("modality", str, enum=Modality.values),
    P("sector", str, description="Mã lĩnh vực / sector code"),
    P("donor", int, description="id tổ chức tài trợ / donor organisation id"),
    P("place", int, description="id đơn vị hành chính / administrative unit id"),
    P("updated_since", str, description="ISO 8601: sửa từ lúc / changed since"),
]
TRANSACTION_FILTERS = [
    P("office", str, description="Mã cơ quan / office code"),
    P("item", int, description="id khoản viện trợ / aid item id"),
    P("year", int, description="Năm của ngày giá trị / year of the value date"),
    P("kind", str, enum=TransactionKind.values),
    P("currency", str),
    P("updated_since", str, description="ISO 8601: sửa từ lúc / changed since"),
]


def _organisation(request: Request, pk: int | None, field: str) -> Organisation | None:
    """An organisation named by id: one the caller cannot see does not exist for them."""
    if pk is None:
        return None
    found = visible(Organisation.objects.all(), request.user).filter(pk=pk).first()
    if found is None:
        raise m.NOT_FOUND(field=field)
    return found


def _office_by_code(request: Request, code: str) -> Any:
    office = visible_offices(request.user).filter(code=code).first()
    if office is None:
        raise m.NOT_FOUND(field="office")
    return office


def _decision(data: dict[str, Any] | None) -> services.Decision | None:
    return services.Decision(**data) if data else None


def _valid(serializer_class: type, request: Request, **kwargs: Any) -> dict[str, Any]:
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


@extend_schema_view(
    list=extend_schema(summary="Khoản viện trợ / aid items", parameters=ITEM_FILTERS, tags=["aid"]),
    retrieve=extend_schema(summary="Một khoản viện trợ, đủ các phần / an aid item, whole", tags=["aid"]),
)
class AidItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OfficeScoped):
    keep_answers = True
    pagination_class = Cursor
    filter_backends = [OrderingFilter]
    ordering_fields = ["id", "code", "approved_on", "updated_at"]
    ordering = ["id"]

    def get_serializer_class(self) -> Any:
        return s.AidItemSerializer if self.action == "list" else s.AidItemDetailSerializer

    def get_queryset(self) -> QuerySet[AidItem]:
        items = self.scoped(AidItem.objects.select_related("office", "primary_sector"))
        if self.action == "list":
            return self.filtered(items)
        return items.prefetch_related(
            Prefetch("participations", Participation.objects.select_related("organisation").order_by("id")),
            Prefetch("sector_shares", ItemSector.objects.select_related("sector").order_by("id")),
            Prefetch("place_shares", ItemPlace.objects.select_related("unit").order_by("id")),
            Prefetch(
                "transactions",
                Transaction.objects.select_related(*s.TRANSACTION_RELATED).order_by("value_date", "id"),
            ),
            Prefetch("status_changes", StatusChange.objects.order_by("on", "id")),
        )

    def filtered(self, items: QuerySet[AidItem]) -> QuerySet[AidItem]:
        request = self.request
        if (code := param(request, "office")) is not None:
            items = items.filter(office__code=code)
        if (year := year_param(request)) is not None:
            items = items.filter(approved_on__year=year)
        if (value := choice_param(request, "status", Status.values)) is not None:
            items = items.filter(status=value)
        if (value := choice_param(request, "modality", Modality.values)) is not None:
            items = items.filter(modality=value)
        if (code := param(request, "sector")) is not None:
            items = items.filter(pk__in=ItemSector.objects.filter(sector__code=code).values("item"))
        if (pk := int_param(request, "donor")) is not None:
            donors = Participation.objects.filter(organisation_id=pk, role=Role.FUNDING)
            items = items.filter(pk__in=donors.values("item"))
        if (pk := int_param(request, "place")) is not None:
            items = items.filter(pk__in=ItemPlace.objects.filter(unit_id=pk).values("item"))
        if (moment := moment_param(request, "updated_since")) is not None:
            items = items.filter(updated_at__gte=moment)
        return items

    def _item_answer(self, item: AidItem, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=item.pk)
        return Response(s.AidItemDetailSerializer(fresh).data, status=code)

    @extend_schema(
        summary="Ghi khoản viện trợ mới / create an aid item",
        request=s.ItemCreateInput,
        responses={201: s.AidItemDetailSerializer},
        parameters=[IDEMPOTENCY],
        tags=["aid"],
    )
    @idempotent
    def create(self, request: Request) -> Response:
        data = _valid(s.ItemCreateInput, request)
        office = _office_by_code(request, data.pop("office"))
        item = services.create_item(
            office,
            actor=request.user,
            status=data.pop("status"),
            entered_on=data.pop("entered_on", None),
            decision=_decision(data.pop("decision", None)),
            **data,
        )
        return self._item_answer(item, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Sửa khoản viện trợ / change an aid item",
        request=s.ItemUpdateInput,
        responses={200: s.AidItemDetailSerializer},
        tags=["aid"],
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        item = self.get_object()
        data = _valid(s.ItemUpdateInput, request, partial=True)
        services.update_item(item, actor=request.user, **data)
        return self._item_answer(item)

    @extend_schema(
        summary="Một bước trạng thái (phê duyệt cần quyết định) / a lifecycle step (an approval needs its decision)",
        request=s.TransitionInput,
        responses={201: s.StatusChangeSerializer},
        parameters=[IDEMPOTENCY],
        tags=["aid"],
    )
    @action(detail=True, methods=["post"], url_path="transitions")
    @idempotent
    def transition(self, request: Request, pk: str) -> Response:
        item = self.get_object()
        data = _valid(s.TransitionInput, request)
        change = services.transition(
            item,
            data["to_status"],
            data["on"],
            actor=request.user,
            decision=_decision(data.get("decision")),
            note=data["note"],
        )
        return Response(s.StatusChangeSerializer(change).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Ghi giao dịch / record a transaction",
        request=s.TransactionInput,
        responses={201: s.TransactionSerializer},
        parameters=[IDEMPOTENCY],
        tags=["aid"],
    )
    @action(detail=True, methods=["post"], url_path="transactions")
    @idempotent
    def record_transaction(self, request: Request, pk: str) -> Response:
        item = self.get_object()
        data = _valid(s.TransactionInput, request)
        tx = services.record_transaction(
            item,
            data["kind"],
            data["amount"],
            data["currency"],
            data["value_date"],
            provider=_organisation(request, data.get("provider"), "provider"),
            provider_name=data["provider_name"],
            receiver=_organisation(request, data.get("receiver"), "receiver"),
            receiver_name=data["receiver_name"],
            reference=data["reference"],
            description=data["description"],
            actor=request.user,
        )
        fresh = Transaction.objects.select_related(*s.TRANSACTION_RELATED).get(pk=tx.pk)
        return Response(s.TransactionSerializer(fresh).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Thêm bên tham gia / add a participant",
        request=s.ParticipantInput,
        responses={201: s.ParticipationSerializer},
        parameters=[IDEMPOTENCY],
        tags=["aid"],
    )
    @action(detail=True, methods=["post"], url_path="participants")
    @idempotent
    def add_participant(self, request: Request, pk: str) -> Response:
        item = self.get_object()
        data = _valid(s.ParticipantInput, request)
        organisation = _organisation(request, data["organisation"], "organisation")
        assert organisation is not None
        found = services.add_participant(item, organisation, data["role"], actor=request.user)
        return Response(s.ParticipationSerializer(found).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Bỏ một bên tham gia / remove a participant",
        request=None,
        responses={204: None},
        tags=["aid"],
    )
    @action(detail=True, methods=["delete"], url_path=r"participants/(?P<participation>\d+)")
    def remove_participant(self, request: Request, pk: str, participation: str) -> Response:
        item = self.get_object()
        found = item.participations.filter(pk=int(participation)).first()
        if found is None:
            raise Http404
        services.remove_participant(found, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Thay các lĩnh vực (tổng 100%) / replace the sectors (total 100%)",
        request=s.SharesInput,
        responses={200: s.AidItemDetailSerializer},
        tags=["aid"],
    )
    @action(detail=True, methods=["put"], url_path="sectors")
    def sectors(self, request: Request, pk: str) -> Response:
        item = self.get_object()
        data = _valid(s.SharesInput, request)
        by_code = Sector.objects.in_bulk([row["id"] for row in data["shares"]], field_name="code")
        shares = []
        for row in data["shares"]:
            if row["id"] not in by_code:
                raise m.NOT_FOUND(field="sectors")
            shares.append((by_code[row["id"]], row["share"]))
        services.set_sectors(item, shares, actor=request.user, reason=data["reason"])
        return self._item_answer(item)

    @extend_schema(
        summary="Thay các địa bàn (tổng 100%) / replace the places (total 100%)",
        request=s.SharesInput,
        responses={200: s.AidItemDetailSerializer},
        tags=["aid"],
    )
    @action(detail=True, methods=["put"], url_path="places")
    def places(self, request: Request, pk: str) -> Response:
        item = self.get_object()
        data = _valid(s.SharesInput, request)
        ids = [int(row["id"]) if str(row["id"]).isdigit() else 0 for row in data["shares"]]
        units = AdminUnit.objects.in_bulk(ids)
        shares = []
        for pk_, row in zip(ids, data["shares"], strict=True):
            if pk_ not in units:
                raise m.NOT_FOUND(field="places")
            shares.append((units[pk_], row["share"]))
        services.set_places(item, shares, actor=request.user, reason=data["reason"])
        return self._item_answer(item)


@extend_schema_view(
    list=extend_schema(summary="Giao dịch / transactions", parameters=TRANSACTION_FILTERS, tags=["aid"]),
    retrieve=extend_schema(summary="Một giao dịch / a transaction", tags=["aid"]),
)
class TransactionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, OfficeScoped):
    keep_answers = True
    serializer_class = s.TransactionSerializer
    pagination_class = Cursor
    filter_backends = [OrderingFilter]
    ordering_fields = ["id", "value_date", "updated_at"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Transaction]:
        found = self.scoped(Transaction.objects.select_related(*s.TRANSACTION_RELATED))
        request = self.request
        if (code := param(request, "office")) is not None:
            found = found.filter(office__code=code)
        if (pk := int_param(request, "item")) is not None:
            found = found.filter(item_id=pk)
        if (year := year_param(request)) is not None:
            found = found.filter(value_date__year=year)
        if (value := choice_param(request, "kind", TransactionKind.values)) is not None:
            found = found.filter(kind=value)
        if (value := param(request, "currency")) is not None:
            found = found.filter(currency=value.upper())
        if (moment := moment_param(request, "updated_since")) is not None:
            found = found.filter(updated_at__gte=moment)
        return found

    def _answer(self, tx: Transaction) -> Response:
        fresh = Transaction.objects.select_related(*s.TRANSACTION_RELATED).get(pk=tx.pk)
        return Response(s.TransactionSerializer(fresh).data)

    @extend_schema(
        summary="Sửa giao dịch (lịch sử giữ bản cũ) / correct a transaction (history keeps the old)",
        request=s.CorrectionInput,
        responses={200: s.TransactionSerializer},
        tags=["aid"],
    )
    @action(detail=True, methods=["post"], url_path="correction")
    def correct(self, request: Request, pk: str) -> Response:
        tx = self.get_object()
        data = _valid(s.CorrectionInput, request)
        corrections.correct_transaction(
            tx,
            actor=request.user,
            amount=data["amount"],
            currency=data["currency"],
            value_date=data["value_date"],
            # Parties not sent stay as they are.
            provider=_organisation(request, data["provider"], "provider")
            if "provider" in data
            else tx.provider,
            receiver=_organisation(request, data["receiver"], "receiver")
            if "receiver" in data
            else tx.receiver,
            reference=data.get("reference", tx.reference),
            reason=data["reason"],
        )
        return self._answer(tx)

    @extend_schema(
        summary="Hủy giao dịch, có lý do / reverse a transaction, with the reason",
        request=s.ReversalInput,
        responses={200: s.TransactionSerializer},
        tags=["aid"],
    )
    @action(detail=True, methods=["post"], url_path="reversal")
    def reverse(self, request: Request, pk: str) -> Response:
        tx = self.get_object()
        data = _valid(s.ReversalInput, request)
        corrections.reverse_transaction(tx, actor=request.user, reason=data["reason"])
        return self._answer(tx)
