from caunoi.core import marked_app


class MoneyConfig(marked_app.MarkedAppConfig):
    name = "caunoi.money"
    label = "money"
    verbose_name = "Tiền tệ và tỷ giá"
    shared_marked = ("ExchangeRate",)  # renews every office's report marks (caunoi.core.marking)
