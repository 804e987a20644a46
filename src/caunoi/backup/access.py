"""Who may back up and restore: the whole database of every office is the server operator's business."""

from __future__ import annotations

from caunoi.backup import messages
from caunoi.core.permissions import Actor, SystemActor


def authorize_operator(*, actor: Actor) -> None:
    if not (isinstance(actor, SystemActor) or getattr(actor, "is_superuser", False)):
        raise messages.SYSTEM_ONLY()
