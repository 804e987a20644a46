from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from caunoi.core.permissions import Action, can, visible_offices

TEXT_SIZES = (90, 100, 115, 130)


def layout(request: HttpRequest) -> dict[str, Any]:
    size = getattr(request, "text_size", 100)
    return {
        "text_size": size,
        "text_size_class": f"text-{size}",
        "text_sizes": TEXT_SIZES,
        # Whether the user may write in any office: pages offer "new" buttons only then (read when used).
        "can_write": SimpleLazyObject(lambda: may_write(request)),
    }


def may_write(request: HttpRequest) -> bool:
    """The check common.edit_page makes before a create form."""
    user = request.user
    return any(can(user, Action.EDIT, office) for office in visible_offices(user))
