from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from caunoi.reported.models import ReportedFigures


@admin.register(ReportedFigures)
class ReportedFiguresAdmin(SimpleHistoryAdmin):
    list_display = ("office", "period_start", "period_end", "status", "source_name")
    list_filter = ("status", "office")
