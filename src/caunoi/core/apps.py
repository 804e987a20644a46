from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "caunoi.core"
    label = "core"
    verbose_name = "Cơ quan và người dùng"
    shared_marked = ("Office",)  # renews every office's report marks (caunoi.core.marking)

    def ready(self) -> None:
        from caunoi.core import marking

        marking.connect(self)
