from django.apps import AppConfig


class ReportedConfig(AppConfig):
    name = "caunoi.reported"
    label = "reported"
    verbose_name = "Số liệu theo báo cáo"

    def ready(self) -> None:
        from caunoi.reported import marking

        marking.connect()
