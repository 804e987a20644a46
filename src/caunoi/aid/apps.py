from django.apps import AppConfig


class AidConfig(AppConfig):
    name = "caunoi.aid"
    label = "aid"
    verbose_name = "Viện trợ PCPNN"
