from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from caunoi.core.models import Membership, Office


@admin.register(Office)
class OfficeAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "home_province", "successor", "succeeded_on"]
    search_fields = ["code", "name", "name_en"]
    autocomplete_fields = ["home_province"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "office", "role"]
    list_filter = ["role", "office"]


class ReadOnlyInline(admin.TabularInline):
    """Rows shown under a record, never added or changed here: the services write them, by their rules."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
