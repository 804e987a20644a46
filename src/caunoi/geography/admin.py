from django.contrib import admin

from caunoi.geography.models import AdminUnit, UnitSuccession


@admin.register(AdminUnit)
class AdminUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "era", "code", "province", "valid_from", "valid_to"]
    list_filter = ["era", "level"]
    search_fields = ["name", "search_text", "code"]
    list_select_related = ["province"]
    raw_id_fields = ["parent", "province"]

    def has_change_permission(self, request, obj=None):
        return False  # loaded from the official tables, never edited by hand

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(UnitSuccession)
class UnitSuccessionAdmin(admin.ModelAdmin):
    list_display = ["old", "new", "is_default"]
    raw_id_fields = ["old", "new"]
    list_select_related = ["old__province", "new__province"]
