from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "caunoi.directory"
    label = "directory"
    verbose_name = "Danh bạ tổ chức"
    shared_marked = ("Organisation",)  # renews every office's report marks (caunoi.core.marking)

    def ready(self) -> None:
        from caunoi.core import marking

        marking.connect(self)
