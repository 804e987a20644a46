from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "caunoi.backup"
    label = "backup"
    verbose_name = "Sao lưu và phục hồi"
