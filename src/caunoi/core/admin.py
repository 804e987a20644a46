from django.contrib import admin
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
