from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "caunoi.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from caunoi.reports import marking

        marking.connect()
