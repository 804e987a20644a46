from django.apps import AppConfig


class RelationsConfig(AppConfig):
    name = "caunoi.relations"
    label = "relations"
    verbose_name = "Đối ngoại nhân dân"
