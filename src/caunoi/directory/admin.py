from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from caunoi.directory.models import Contact, NgoRegistration, Organisation


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class RegistrationInline(admin.StackedInline):
    model = NgoRegistration
    extra = 0
    filter_horizontal = ["fields_allowed"]
    raw_id_fields = ["provinces"]


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "acronym", "kind", "country", "iati_ref", "office", "is_illustrative"]
    list_filter = ["office", "kind", "country", "is_illustrative"]
    search_fields = ["name", "name_original", "acronym", "iati_ref"]
    inlines = [ContactInline, RegistrationInline]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # staff archive, they do not destroy
