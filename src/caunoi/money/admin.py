from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from caunoi.money.models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(SimpleHistoryAdmin):
    list_display = ["base", "quote", "rate", "valid_from", "valid_to", "source", "reference", "office"]
    list_filter = ["base", "quote", "source", "office"]
