from django.apps import AppConfig


class IatiConfig(AppConfig):
    name = "caunoi.iati"
    label = "iati"
    verbose_name = "IATI"
