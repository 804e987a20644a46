from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "caunoi.geography"
    label = "geography"
    verbose_name = "Địa giới hành chính"
    shared_marked = (
        "AdminUnit",
        "UnitSuccession",
    )  # renews every office's report marks (caunoi.core.marking)

    def ready(self) -> None:
        from caunoi.core import marking

        marking.connect(self)
