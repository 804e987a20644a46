"""Who may do what, in which office. Services call `authorize`; views only show what services allow.

A user sees the offices they are a member of; a national viewer reads every office, a national administrator
manages every office (its details, its users) and may create offices. Records of an office the
user cannot see do not exist for them (the web answers 404, not 403).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from caunoi.core.errors import Msg
from caunoi.core.models import NATIONAL_ROLES, Membership, Office, Role


class Action(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # create and change records, record money, lifecycle steps short of a decision
    DECIDE = "decide"  # record an approval, a refusal or a revocation
    ARCHIVE = "archive"
    RESTORE = "restore"
    PURGE = "purge"
    MANAGE_USERS = "manage_users"
    EDIT_OFFICE = "edit_office"  # the office's name, province and letterhead
    MANAGE_OFFICES = "manage_offices"  # create offices, give national roles: above any one office


ROLE_ACTIONS: dict[str, frozenset[Action]] = {
    Role.VIEWER: frozenset({Action.VIEW}),
    Role.EDITOR: frozenset({Action.VIEW, Action.EDIT, Action.ARCHIVE}),
    Role.APPROVER: frozenset({Action.VIEW, Action.EDIT, Action.DECIDE, Action.ARCHIVE}),
    Role.OFFICE_ADMIN: frozenset(Action) - {Action.MANAGE_OFFICES},
    Role.NATIONAL_VIEWER: frozenset({Action.VIEW}),
    Role.NATIONAL_ADMIN: frozenset(
        {Action.VIEW, Action.MANAGE_USERS, Action.EDIT_OFFICE, Action.MANAGE_OFFICES}
    ),
}

NOT_ALLOWED = Msg(
    "permission.denied",
    "Bạn không có quyền “{action}” trong cơ quan {office}.",
    "You may not “{action_en}” in office {office}.",
)
ACTION_NAMES = {
    Action.VIEW: "xem",
    Action.EDIT: "nhập, sửa dữ liệu",
    Action.DECIDE: "ghi quyết định phê duyệt",
    Action.ARCHIVE: "lưu trữ",
    Action.RESTORE: "khôi phục",
    Action.PURGE: "xóa hẳn",
    Action.MANAGE_USERS: "quản lý người dùng",
    Action.EDIT_OFFICE: "sửa thông tin cơ quan",
    Action.MANAGE_OFFICES: "quản lý các cơ quan",
}


class SystemActor:
    """The server's operator: CLI commands, importers started from the command line, migrations and the demo
    loader act as it, and it holds every right. It is never a default: a caller that means it names it, so a
    view that forgets `actor=request.user` fails loudly instead of writing with full rights."""

    is_authenticated = False
    is_superuser = False
    pk = None

    def __repr__(self) -> str:
        return "SYSTEM"

    def __str__(self) -> str:
        return "hệ thống"


SYSTEM = SystemActor()

# Who performs an operation: a signed-in user (or the anonymous one, who may do nothing) or the system.
Actor = AbstractBaseUser | AnonymousUser | SystemActor


def history_user(actor: Any) -> Any:
    """The user a history row names: none for the system."""
    return None if isinstance(actor, SystemActor) else actor


def _is_system(user: Any) -> bool:
    """CLI commands and importers run as the system: the operator of the server.
    (`None` is still read as the system until every service takes a required `actor`.)"""
    return user is None or isinstance(user, SystemActor)


def roles_by_office(user: Any) -> dict[int, set[str]]:
    """A signed-in user's roles in each office they are a member of, read once per user object (request)."""
    cache: dict[int, set[str]] | None = getattr(user, "_caunoi_roles", None)
    if cache is None:
        cache = {}
        for office_id, role in Membership.objects.filter(user=user).values_list("office_id", "role"):
            cache.setdefault(office_id, set()).add(role)
        user._caunoi_roles = cache
    return cache


def roles_in(user: Any, office: Office) -> set[str]:
    if _is_system(user) or not getattr(user, "is_authenticated", False):
        return set()
    cache = roles_by_office(user)
    roles = set(cache.get(office.pk, set()))
    for held in cache.values():
        roles |= held & NATIONAL_ROLES
    return roles


def can(user: Any, action: Action, office: Office) -> bool:
    if _is_system(user) or getattr(user, "is_superuser", False):
        return True
    return any(action in ROLE_ACTIONS[role] for role in roles_in(user, office))


def authorize(user: Any, action: Action, office: Office) -> None:
    if not can(user, action, office):
        raise NOT_ALLOWED(
            field=None,
            action=ACTION_NAMES[action],
            action_en=action.value.replace("_", " "),
            office=office.code,
        )


def visible_offices(user: Any) -> QuerySet[Office]:
    if _is_system(user) or getattr(user, "is_superuser", False):
        return Office.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Office.objects.none()
    memberships = Membership.objects.filter(user=user)
    if memberships.filter(role__in=NATIONAL_ROLES).exists():
        return Office.objects.all()
    return Office.objects.filter(pk__in=memberships.values("office_id"))


def visible(queryset: QuerySet[Any], user: Any, office_field: str = "office") -> QuerySet[Any]:
    """Only the records of offices the user may read."""
    return queryset.filter(**{f"{office_field}__in": visible_offices(user)})
