"""The offices the caller may read: their codes are what the other endpoints' `office` filter takes."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets

from caunoi.api.base import ConditionalGet
from caunoi.core.models import Office
from caunoi.core.permissions import visible_offices


class OfficeSerializer(serializers.ModelSerializer[Office]):
    successor = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Office
        fields = [
            "id",
            "code",
            "name",
            "name_en",
            "established_on",
            "successor",
            "succeeded_on",
            "archived_at",
        ]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="Cơ quan được xem / offices the caller may read", tags=["records"]),
    retrieve=extend_schema(summary="Cơ quan / office", tags=["records"]),
)
class OfficeViewSet(
    ConditionalGet, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = OfficeSerializer
    lookup_value_regex = r"\d+"
    pagination_class = None

    def get_queryset(self) -> QuerySet[Any]:
        return visible_offices(self.request.user).select_related("successor").order_by("code")
