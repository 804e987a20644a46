from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "caunoi.notify"
    label = "notify"
    verbose_name = "Thông báo nhắc việc"
