from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "caunoi.reports"
    label = "reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from caunoi.core import reminders as core_reminders
        from caunoi.reports import reminders

        core_reminders.register("aid", reminders.aid_reminders)
