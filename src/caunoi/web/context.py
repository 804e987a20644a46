from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from caunoi.core.models import Membership, Office, Role
from caunoi.core.permissions import Action, can_somewhere, roles_by_office
from caunoi.notify.services import unread_count

TEXT_SIZES = (90, 100, 115, 130)


def _administers(request: HttpRequest) -> bool:
    """Whether the reader manages some office's users (the menu then shows "Người dùng")."""
    user = request.user
    if not user.is_authenticated:
        return False
    held = {role for roles in roles_by_office(user).values() for role in roles}
    return user.is_superuser or bool(held & {Role.OFFICE_ADMIN, Role.NATIONAL_ADMIN})


# Plain SQL: on every signed-in page, where the ORM's building of a joined query cost more than running it.
PRINT_OFFICES_SQL = (
    f"SELECT o.code, o.name, o.name_en FROM {Office._meta.db_table} o"
    f" JOIN {Membership._meta.db_table} m ON m.office_id = o.id WHERE m.user_id = %s ORDER BY o.code"
)


def _print_offices(request: HttpRequest) -> str:
    """The offices named at the top of a printed page: those the reader is a member of."""
    if not request.user.is_authenticated:
        return ""
    with connection.cursor() as cursor:
        cursor.execute(PRINT_OFFICES_SQL, [request.user.pk])
        rows = cursor.fetchall()
    return "; ".join(Office(name=name, name_en=name_en).shown_name for _code, name, name_en in rows)


def layout(request: HttpRequest) -> dict[str, Any]:
    size = getattr(request, "text_size", 100)
    return {
        "text_size": size,
        "text_size_class": f"text-{size}",
        "text_sizes": TEXT_SIZES,
        # Called by the template only where it is shown, so a page that does not show them pays nothing.
        "administers": lambda: _administers(request),
        "print_offices": lambda: _print_offices(request),
        # Whether the user may write in any office: pages offer "new" buttons only then (read when used).
        "can_write": SimpleLazyObject(lambda: may_write(request)),
        "max_form_bytes": settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        "unread_notifications": unread_count(request.user) if hasattr(request, "user") else 0,
    }


def may_write(request: HttpRequest) -> bool:
    """The check common.edit_page makes before a create form."""
    user = request.user
    return can_somewhere(user, Action.EDIT)
