from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "caunoi.directory"
    label = "directory"
    verbose_name = "Danh bạ tổ chức"
