from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "caunoi.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:
        # Registering the exporters here makes them known to every entry point, not only to the CLI.
        from caunoi.documents.exporters import annual  # noqa: F401
