"""How aid items and their money read in the API, and what a write sends."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.serializers import Serializer

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import (
    AidItem,
    ItemPlace,
    ItemSector,
    Modality,
    Participation,
    Role,
    StatusChange,
    Transaction,
    TransactionKind,
)
from caunoi.money.models import ExchangeRate


class RateSerializer(serializers.ModelSerializer[ExchangeRate]):
    office = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = ExchangeRate
        fields = ["id", "base", "quote", "rate", "valid_from", "valid_to", "source", "reference", "office"]
        fields += ["archived_at"]

    def to_representation(self, instance: ExchangeRate) -> Any:
        """A rate as read once per answer: the few rates a page of transactions used (up to 200 to show,
        mostly the same rows) are written out once each and shared."""
        shown: dict[int, Any] = self.root.__dict__.setdefault("_rates_shown", {})
        if instance.pk not in shown:
            shown[instance.pk] = super().to_representation(instance)
        return shown[instance.pk]


class TransactionSerializer(serializers.ModelSerializer[Transaction]):
    office = serializers.CharField(source="office.code", read_only=True)
    usd_rate = RateSerializer(read_only=True, allow_null=True, help_text="Tỷ giá quy đổi sang USD")
    usd_cross_rate = RateSerializer(read_only=True, allow_null=True, help_text="Tỷ giá chéo (nếu có)")
    vnd_rate = RateSerializer(read_only=True, allow_null=True, help_text="Tỷ giá quy đổi sang VND")
    vnd_cross_rate = RateSerializer(read_only=True, allow_null=True, help_text="Tỷ giá chéo (nếu có)")

    class Meta:
        model = Transaction
        fields = [
            "id",
            "office",
            "item",
            "kind",
            "amount",
            "currency",
            "value_date",
            "provider",
            "provider_name",
            "receiver",
            "receiver_name",
            "reference",
            "description",
            "usd_value",
            "usd_rate",
            "usd_cross_rate",
            "vnd_value",
            "vnd_rate",
            "vnd_cross_rate",
            "reversed_at",
            "reversal_reason",
            "created_at",
            "updated_at",
            "archived_at",
        ]
        read_only_fields = fields


TRANSACTION_RELATED = ["office", "usd_rate", "usd_cross_rate", "vnd_rate", "vnd_cross_rate"]
for _name in ("usd_rate", "usd_cross_rate", "vnd_rate", "vnd_cross_rate"):
    TRANSACTION_RELATED.append(f"{_name}__office")


class ParticipationSerializer(serializers.ModelSerializer[Participation]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Participation
        fields = ["id", "organisation", "organisation_name", "role"]
        read_only_fields = fields


class ItemSectorSerializer(serializers.ModelSerializer[ItemSector]):
    sector = serializers.SlugRelatedField(slug_field="code", read_only=True)
    name = serializers.CharField(source="sector.name", read_only=True)
    name_en = serializers.CharField(source="sector.name_en", read_only=True)

    class Meta:
        model = ItemSector
        fields = ["sector", "name", "name_en", "share"]
        read_only_fields = fields


class ItemPlaceSerializer(serializers.ModelSerializer[ItemPlace]):
    name = serializers.CharField(source="unit.name", read_only=True)
    era = serializers.CharField(source="unit.era", read_only=True)

    class Meta:
        model = ItemPlace
        fields = ["unit", "name", "era", "share"]
        read_only_fields = fields


class StatusChangeSerializer(serializers.ModelSerializer[StatusChange]):
    # Empty on the first step (the item entered the ledger): a status, or "".
    from_status = serializers.CharField(read_only=True, help_text="Trạng thái trước / status before")

    class Meta:
        model = StatusChange
        fields = [
            "id",
            "from_status",
            "to_status",
            "on",
            "decision_number",
            "decision_date",
            "authority",
            "note",
            "recorded_at",
        ]
        read_only_fields = fields


ITEM_FIELDS = [
    "id",
    "office",
    "code",
    "modality",
    "title",
    "title_en",
    "status",
    "approved_on",
    "primary_sector",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "beneficiaries_count",
    "beneficiary_groups",
    "counterpart_amount",
    "counterpart_currency",
    "counterpart_source",
    "iati_identifier",
    "is_illustrative",
    "created_at",
    "updated_at",
    "archived_at",
]


class AidItemSerializer(serializers.ModelSerializer[AidItem]):
    office = serializers.CharField(source="office.code", read_only=True)
    primary_sector = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = AidItem
        fields = ITEM_FIELDS
        read_only_fields = fields


class AidItemDetailSerializer(AidItemSerializer):
    participants = ParticipationSerializer(source="participations", many=True, read_only=True)
    sectors = ItemSectorSerializer(source="sector_shares", many=True, read_only=True)
    places = ItemPlaceSerializer(source="place_shares", many=True, read_only=True)
    transactions = TransactionSerializer(many=True, read_only=True)
    status_history = StatusChangeSerializer(source="status_changes", many=True, read_only=True)

    class Meta(AidItemSerializer.Meta):
        fields = [*ITEM_FIELDS, "description", "objectives"]
        fields += ["participants", "sectors", "places", "transactions", "status_history"]
        read_only_fields = fields


# --- writes: what a request sends; the services check every rule ---------------------------------------


class DecisionInput(Serializer[Any]):
    number = serializers.CharField(max_length=80, help_text="Số quyết định / decision number")
    date = serializers.DateField(help_text="Ngày quyết định / decision date")
    authority = serializers.CharField(max_length=300, help_text="Cơ quan quyết định / deciding authority")


class ItemFieldsInput(Serializer[Any]):
    code = serializers.CharField(max_length=60)
    modality = serializers.ChoiceField(choices=Modality.choices)
    title = serializers.CharField(max_length=500)
    title_en = serializers.CharField(max_length=500, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    objectives = serializers.CharField(required=False, allow_blank=True)
    planned_start = serializers.DateField(required=False, allow_null=True)
    planned_end = serializers.DateField(required=False, allow_null=True)
    beneficiaries_count = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    beneficiary_groups = serializers.CharField(max_length=500, required=False, allow_blank=True)
    counterpart_amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, required=False, allow_null=True
    )
    counterpart_currency = serializers.CharField(max_length=3, required=False, allow_blank=True)
    counterpart_source = serializers.CharField(max_length=300, required=False, allow_blank=True)
    iati_identifier = serializers.CharField(max_length=200, required=False, allow_blank=True)
    is_illustrative = serializers.BooleanField(required=False)


class ItemCreateInput(ItemFieldsInput):
    office = serializers.CharField(help_text="Mã cơ quan / office code")
    status = serializers.ChoiceField(choices=Status.choices, required=False, default=Status.PROPOSAL)
    entered_on = serializers.DateField(required=False, allow_null=True)
    decision = DecisionInput(required=False, allow_null=True)


class ItemUpdateInput(ItemFieldsInput):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class TransitionInput(Serializer[Any]):
    to_status = serializers.ChoiceField(choices=Status.choices)
    on = serializers.DateField()
    decision = DecisionInput(
        required=False, allow_null=True, help_text="Bắt buộc khi phê duyệt / for approvals"
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class TransactionInput(Serializer[Any]):
    kind = serializers.ChoiceField(choices=TransactionKind.choices)
    amount = serializers.DecimalField(max_digits=18, decimal_places=2)
    currency = serializers.CharField(max_length=3)
    value_date = serializers.DateField()
    provider = serializers.IntegerField(required=False, allow_null=True, help_text="id tổ chức")
    provider_name = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    receiver = serializers.IntegerField(required=False, allow_null=True, help_text="id tổ chức")
    receiver_name = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    reference = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    description = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class CorrectionInput(Serializer[Any]):
    amount = serializers.DecimalField(max_digits=18, decimal_places=2)
    currency = serializers.CharField(max_length=3)
    value_date = serializers.DateField()
    provider = serializers.IntegerField(required=False, allow_null=True)
    receiver = serializers.IntegerField(required=False, allow_null=True)
    reference = serializers.CharField(max_length=120, required=False, allow_blank=True)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ReversalInput(Serializer[Any]):
    reason = serializers.CharField(max_length=500)


class ParticipantInput(Serializer[Any]):
    organisation = serializers.IntegerField(help_text="id tổ chức")
    role = serializers.ChoiceField(choices=Role.choices)


class ShareInput(Serializer[Any]):
    id = serializers.CharField(help_text="Mã lĩnh vực (sector) hoặc id đơn vị hành chính (place)")
    share = serializers.DecimalField(max_digits=5, decimal_places=2)


class SharesInput(Serializer[Any]):
    shares = ShareInput(many=True)
    reason = serializers.CharField(required=False, allow_blank=True, default="")
