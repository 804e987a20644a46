from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "caunoi.search"
    label = "search"
    verbose_name = "Tìm kiếm"
