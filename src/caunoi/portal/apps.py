from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "caunoi.portal"
    verbose_name = "Cổng thông tin viện trợ"
