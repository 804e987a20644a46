"""Saving through django-simple-history with the user who made the change, after checking every value
against its column's limits (so that no service can forget them)."""

from __future__ import annotations

from typing import Any

from django.db import models

from caunoi.core import limits
from caunoi.core.permissions import history_user


def save(instance: models.Model, actor: Any | None, **kwargs: Any) -> None:
    limits.ensure(instance, kwargs.get("update_fields"))
    instance._history_user = history_user(actor)  # type: ignore[attr-defined]  # read by simple_history on save
    instance.save(**kwargs)


def delete(instance: models.Model, actor: Any | None) -> None:
    instance._history_user = history_user(actor)  # type: ignore[attr-defined]
    instance.delete()
