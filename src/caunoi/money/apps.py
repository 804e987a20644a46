from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "caunoi.money"
    label = "money"
    verbose_name = "Tiền tệ và tỷ giá"
    shared_marked = ("ExchangeRate",)  # renews every office's report marks (caunoi.core.marking)

    def ready(self) -> None:
        from caunoi.core import marking

        marking.connect(self)
