from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "caunoi.core"
    label = "core"
    verbose_name = "Cơ quan và người dùng"
