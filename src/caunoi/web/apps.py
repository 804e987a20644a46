from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "caunoi.web"
    label = "web"
    verbose_name = "Ứng dụng web"
