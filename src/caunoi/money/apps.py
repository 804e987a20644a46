from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "caunoi.money"
    label = "money"
    verbose_name = "Tiền tệ và tỷ giá"
