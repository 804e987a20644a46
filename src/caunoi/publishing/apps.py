from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "caunoi.publishing"
    label = "publishing"
    verbose_name = "Thông tin đối ngoại"
