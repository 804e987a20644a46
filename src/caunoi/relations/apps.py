from django.apps import AppConfig


class RelationsConfig(AppConfig):
    name = "caunoi.relations"
    label = "relations"
    verbose_name = "Đối ngoại nhân dân"

    def ready(self) -> None:
        from caunoi.core import reminders as core_reminders
        from caunoi.relations.reminders import relation_reminders

        core_reminders.register("relations", relation_reminders)
