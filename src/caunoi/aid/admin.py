"""Admin for the aid ledger: records are shown whole; an item's own fields are edited through the services,
so the admin enforces the same rules (with the same messages) as the CLI and importers."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from caunoi.aid import services
from caunoi.aid.models import (
    AidItem,
    ItemPlace,
    ItemSector,
    Participation,
    Sector,
    SectorDacCode,
    StatusChange,
    Transaction,
)
from caunoi.core.admin import ReadOnlyInline
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM

ITEM_FIELDS = [
    "office",
    "code",
    "modality",
    "title",
    "title_en",
    "description",
    "objectives",
    "planned_start",
    "planned_end",
    "beneficiaries_count",
    "beneficiary_groups",
    "counterpart_amount",
    "counterpart_currency",
    "counterpart_source",
    "is_illustrative",
]


class SectorInline(ReadOnlyInline):
    model = ItemSector
    fields = ["sector", "share"]


class PlaceInline(ReadOnlyInline):
    model = ItemPlace
    fields = ["unit", "share"]


class ParticipationInline(ReadOnlyInline):
    model = Participation
    fields = ["organisation", "role"]


class StatusChangeInline(ReadOnlyInline):
    model = StatusChange
    fields = [
        "on",
        "from_status",
        "to_status",
        "decision_number",
        "decision_date",
        "authority",
        "actor",
        "note",
    ]


class TransactionInline(ReadOnlyInline):
    model = Transaction
    fk_name = "item"
    fields = ["kind", "amount", "currency", "value_date", "provider_name", "receiver_name", "reference"]


class AidItemForm(forms.ModelForm):
    class Meta:
        model = AidItem
        fields = ITEM_FIELDS

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        fields = {k: v for k, v in data.items() if k != "office"}
        fields["counterpart_currency"] = fields.get("counterpart_currency") or ""
        try:
            with services.transaction.atomic():
                # Only the rules' messages are wanted here: save_model then acts as the signed-in user.
                if self.instance.pk:
                    services.update_item(AidItem.objects.get(pk=self.instance.pk), actor=SYSTEM, **fields)
                else:
                    services.create_item(data["office"], actor=SYSTEM, **fields)
                services.transaction.set_rollback(True)  # a dry run: the admin's save does it for real
        except RuleErrors as error:
            messages: dict[str, list[str]] = {}
            for p in error.problems:
                key = p.field if p.field in self.fields else "__all__"
                messages.setdefault(key, []).append(f"{p.vi} / {p.en}")
            raise ValidationError(messages) from None
        return data


@admin.register(AidItem)
class AidItemAdmin(SimpleHistoryAdmin):
    form = AidItemForm
    list_display = ["code", "title", "modality", "status", "approved_on", "primary_sector", "office"]
    list_filter = ["office", "status", "modality", "primary_sector", "is_illustrative"]
    search_fields = ["code", "search_text"]
    readonly_fields = ["status", "approved_on", "actual_start", "actual_end", "primary_sector"]
    inlines = [ParticipationInline, SectorInline, PlaceInline, StatusChangeInline, TransactionInline]
    list_select_related = ["primary_sector", "office"]

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        from caunoi.core.text import fold

        return super().get_search_results(request, queryset, fold(search_term))

    def save_model(self, request: HttpRequest, obj: AidItem, form: Any, change: bool) -> None:
        fields = {k: v for k, v in form.cleaned_data.items() if k != "office"}
        fields["counterpart_currency"] = fields.get("counterpart_currency") or ""
        if change:
            services.update_item(AidItem.objects.get(pk=obj.pk), actor=request.user, **fields)
        else:
            obj.pk = services.create_item(form.cleaned_data["office"], actor=request.user, **fields).pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # staff archive, they do not destroy


class DacInline(admin.TabularInline):
    model = SectorDacCode
    extra = 0


@admin.register(Sector)
class SectorAdmin(SimpleHistoryAdmin):
    list_display = ["order", "code", "name", "name_en", "archived_at"]
    inlines = [DacInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Transaction)
class TransactionAdmin(SimpleHistoryAdmin):
    list_display = ["item", "kind", "amount", "currency", "value_date", "provider_name", "office"]
    list_filter = ["office", "kind", "currency"]
    search_fields = ["item__code", "provider_name", "reference"]
    list_select_related = ["item", "office"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
