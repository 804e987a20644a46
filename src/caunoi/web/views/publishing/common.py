"""Shared by the publishing pages: breadcrumbs, the offices a user may write in, running a service call."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy

from caunoi.core.models import Office
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.web.views.relations.common import attempt, flash_form_errors

__all__ = ["SECTION", "attempt", "crumbs", "editable_offices", "flash_form_errors", "rights"]

SECTION = gettext_lazy("Thông tin đối ngoại")


def editable_offices(user: Any) -> QuerySet[Office]:
    offices = visible_offices(user)
    return offices.filter(pk__in=[o.pk for o in offices if can(user, Action.EDIT, o)])


def crumbs(*pairs: tuple[Any, str | None]) -> list[tuple[Any, str | None]]:
    return [(SECTION, reverse("web:pub-article-list")), *pairs]


def rights(user: Any, office: Office) -> dict[str, bool]:
    """What the pages offer; the services check again."""
    return {
        "can_edit": can(user, Action.EDIT, office),
        "can_decide": can(user, Action.DECIDE, office),
        "can_archive": can(user, Action.ARCHIVE, office),
    }
