"""A folded copy of a record's names, kept on the record, so that one indexed column answers searches with and
without diacritics ("da nang" finds "Đà Nẵng") on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models

from caunoi.core.text import fold


class Searchable(models.Model):
    """Set `SEARCH_FIELDS`; `search_text` is derived on every save, so no writer can forget it."""

    SEARCH_FIELDS: ClassVar[tuple[str, ...]] = ()
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = self.folded_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(self.SEARCH_FIELDS):
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def folded_names(self) -> str:
        return fold(" ".join(str(getattr(self, name) or "") for name in self.SEARCH_FIELDS))
