from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "caunoi.search"
    label = "search"
    verbose_name = "Tìm kiếm"

    def ready(self) -> None:
        post_migrate.connect(_repair_index, sender=self)


def _repair_index(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """A later migration that remakes a SQLite table drops its triggers: put the search index back in step."""
    from django.db import connections

    from caunoi.search import fts

    fts.repair(connections[using])
