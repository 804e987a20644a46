"""Saving through django-simple-history with the user who made the change, after checking every value
against its column's limits (so that no service can forget them); archiving and restoring an office's
record."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from caunoi.core import limits
from caunoi.core.permissions import Action, Actor, authorize, history_user

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


def archive(obj: Any, *, actor: Actor) -> None:
    """Staff archive, never delete: the record stays, with its history, out of lists and reports."""
    authorize(actor, Action.ARCHIVE, obj.office)
    obj.archived_at = timezone.now()
    save(obj, actor)


def restore(obj: Any, *, actor: Actor) -> None:
    """Bring an archived record back (an office administrator's right)."""
    authorize(actor, Action.RESTORE, obj.office)
    obj.archived_at = None
    save(obj, actor)


def delete(instance: models.Model, actor: Any | None, *, reason: str = "") -> None:
    _mark(instance, actor, reason)
    instance.delete()
