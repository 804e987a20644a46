"""Saving through django-simple-history with the user who made the change, after checking every value
against its column's limits (so that no service can forget them)."""

from __future__ import annotations

from typing import Any

from django.db import models

from caunoi.core import limits
from caunoi.core.permissions import history_user

# simple_history's history_change_reason column holds 100 characters.
REASON_LENGTH = 100


def _mark(instance: models.Model, actor: Any | None, reason: str) -> None:
    instance._history_user = history_user(actor)  # type: ignore[attr-defined]  # read by simple_history on save
    if reason:
        short = reason if len(reason) <= REASON_LENGTH else reason[: REASON_LENGTH - 1] + "…"
        instance._change_reason = short  # type: ignore[attr-defined]


def save(instance: models.Model, actor: Any | None, *, reason: str = "", **kwargs: Any) -> None:
    """Save, naming in the history who changed it and, when given, why."""
    limits.ensure(instance, kwargs.get("update_fields"))
    _mark(instance, actor, reason)
    instance.save(**kwargs)
    instance.__dict__.pop("_change_reason", None)  # not the reason of the instance's next save


def delete(instance: models.Model, actor: Any | None, *, reason: str = "") -> None:
    _mark(instance, actor, reason)
    instance.delete()
