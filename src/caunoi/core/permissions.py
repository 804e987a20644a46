"""Who may do what, in which office. Services call `authorize`; views only show what services allow.

A user sees the offices they are a member of and every predecessor of those (transitively); a national viewer
reads every office, a national administrator manages every office (its details, its users) and may create
offices. Records of an office the user cannot see do not exist for them (the web answers 404).

Succession (an office P with `successor` S and `succeeded_on` D; "today" is the local date):
- a member of S reads P's records always, and from D on does with them whatever their role in S allows
  (edit, decide, archive, restore, purge, close and reopen years) except managing P's users; before D they
  only read them. Through a chain P → Q → S the successor's rights on P need today ≥ both dates.
- P's own members keep their roles until D; from D on they keep VIEW only.
- Records never change office: a record of P stays P's (reports of P alone stay possible).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it
from django.utils.translation import pgettext_lazy

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
    CLOSE_YEAR = "close_year"  # lock a reported year's figures, and reopen it
    EXPORT = "export"  # download every record of the office at once
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
# What a successor's staff may do with a predecessor's records once it is succeeded.
# Memberships of a predecessor stay as they were: its former members are managed nowhere else.
INHERITED = frozenset(Action) - {Action.MANAGE_USERS}
# What a predecessor's own members keep from its succession date on.
FORMER_MEMBER = frozenset({Action.VIEW})

NOT_ALLOWED = Msg(
    "permission.denied",
    _("Bạn không có quyền “{action}” trong cơ quan {office}."),
)
ACTION_NAMES = {
    Action.VIEW: pgettext_lazy("in a rule message", "xem"),
    Action.EDIT: pgettext_lazy("in a rule message", "nhập, sửa dữ liệu"),
    Action.DECIDE: pgettext_lazy("in a rule message", "ghi quyết định phê duyệt"),
    Action.ARCHIVE: pgettext_lazy("in a rule message", "lưu trữ"),
    Action.RESTORE: pgettext_lazy("in a rule message", "khôi phục"),
    Action.PURGE: pgettext_lazy("in a rule message", "xóa hẳn"),
    Action.MANAGE_USERS: pgettext_lazy("in a rule message", "quản lý người dùng"),
    Action.CLOSE_YEAR: pgettext_lazy("in a rule message", "khóa, mở lại số liệu năm"),
    Action.EXPORT: pgettext_lazy("in a rule message", "tải toàn bộ dữ liệu"),
    Action.EDIT_OFFICE: pgettext_lazy("in a rule message", "sửa thông tin cơ quan"),
    Action.MANAGE_OFFICES: pgettext_lazy("in a rule message", "quản lý các cơ quan"),
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
    """CLI commands and importers run as the system: the operator of the server. `None` is nobody."""
    return isinstance(user, SystemActor)


def roles_by_office(user: Any) -> dict[int, set[str]]:
    """A signed-in user's roles in each office they are a member of, read once per user object (request)."""
    cache: dict[int, set[str]] | None = getattr(user, "_caunoi_roles", None)
    if cache is None:
        # Plain SQL: an API call's kept answer is keyed by these roles, and the ORM's building of this query
        # cost more than serving the answer.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT office_id, role FROM {Membership._meta.db_table} WHERE user_id = %s", [user.pk]
            )
            cache = user._caunoi_roles = _by_office(cursor.fetchall())
    return cache


def _by_office(memberships: Iterable[tuple[int, str]]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for office_id, role in memberships:
        found.setdefault(office_id, set()).add(role)
    return found


def roles_in(user: Any, office: Office) -> set[str]:
    """The roles the user holds in the office itself (their own membership), not through succession."""
    if _is_system(user) or not getattr(user, "is_authenticated", False):
        return set()
    cache = roles_by_office(user)
    roles = set(cache.get(office.pk, set()))
    for held in cache.values():
        roles |= held & NATIONAL_ROLES
    return roles


Succession = tuple[dict[int, list[tuple[int, dt.date | None]]], dict[int, dt.date | None]]


# Plain SQL, as `roles_by_office`: read on most signed-in pages, where building the ORM's query cost more
# than running it.
SUCCESSION_SQL = f"SELECT id, successor_id, succeeded_on FROM {Office._meta.db_table}"


def _succession() -> Succession:
    """Each office's direct predecessors (with their succession dates), and each office's own date."""
    with connection.cursor() as cursor:
        cursor.execute(SUCCESSION_SQL)
        return succession_of(cursor.fetchall())


def succession_of(rows: Iterable[tuple[int, int | None, dt.date | None]]) -> Succession:
    """`_succession` from rows of (office, successor, succeeded on)."""
    predecessors: dict[int, list[tuple[int, dt.date | None]]] = {}
    dates: dict[int, dt.date | None] = {}
    for pk, successor_id, succeeded_on in rows:
        dates[pk] = succeeded_on
        if successor_id is not None:
            predecessors.setdefault(successor_id, []).append((pk, succeeded_on))
    return predecessors, dates


def remember(
    user: Any, roles: Iterable[tuple[int, str]], offices: Iterable[tuple[int, int | None, dt.date | None]]
) -> None:
    """Give `user` (a request's user object) its memberships and the offices' successions as read by the
    caller with its own query (caunoi.api.front reads them with the token, in one statement), so that
    `roles_by_office` and `grants` do not read them again."""
    user._caunoi_roles = _by_office(roles)
    user._caunoi_succession = succession_of(offices)


def grants(user: Any) -> dict[int, frozenset[Action]]:
    """What a signed-in user may do in each office they reach, by membership or succession (see the module's
    docstring), computed once per user object (request) on today's date."""
    cache: dict[int, frozenset[Action]] | None = getattr(user, "_caunoi_grants", None)
    if cache is not None:
        return cache
    today = timezone.localdate()
    roles = roles_by_office(user)
    known: Succession | None = getattr(user, "_caunoi_succession", None)
    predecessors, dates = (known or _succession()) if roles else ({}, {})
    found: dict[int, set[Action]] = {}
    for office_id, office_roles in roles.items():
        own: frozenset[Action] = frozenset().union(*(ROLE_ACTIONS[r] for r in office_roles))
        succeeded_on = dates.get(office_id)
        if succeeded_on is not None and today >= succeeded_on:
            own &= FORMER_MEMBER
        found.setdefault(office_id, set()).update(own)
        frontier = [(office_id, own & INHERITED)]
        seen = {office_id}
        while frontier:
            successor_id, rights = frontier.pop()
            for pk, on in predecessors.get(successor_id, []):
                if pk in seen:
                    continue
                seen.add(pk)
                here = rights if on is not None and today >= on else rights & FORMER_MEMBER
                found.setdefault(pk, set()).update(here)
                frontier.append((pk, here))
    cache = {pk: frozenset(actions) for pk, actions in found.items()}
    user._caunoi_grants = cache
    return cache


def _national_actions(user: Any) -> frozenset[Action]:
    """What a national role lets the user do in every office."""
    held = {role for roles in roles_by_office(user).values() for role in roles} & NATIONAL_ROLES
    return frozenset().union(*(ROLE_ACTIONS[role] for role in held))


def _national(user: Any) -> bool:
    return bool(_national_actions(user))


def can(user: Any, action: Action, office: Office) -> bool:
    if _is_system(user) or getattr(user, "is_superuser", False):
        return True
    if not getattr(user, "is_authenticated", False):
        return False
    if action in grants(user).get(office.pk, frozenset()):
        return True
    return action in _national_actions(user)


def can_somewhere(user: Any, action: Action) -> bool:
    """Whether `user` may do `action` in at least one office they read: `can` over `visible_offices`, without
    loading every office (a national role reads all of them)."""
    if (
        _is_system(user)
        or getattr(user, "is_superuser", False)
        or (getattr(user, "is_authenticated", False) and action in _national_actions(user))
    ):
        return Office.objects.exists()
    if not getattr(user, "is_authenticated", False):
        return False
    return any(action in actions for actions in grants(user).values())


def authorize(user: Any, action: Action, office: Office) -> None:
    if not can(user, action, office):
        raise NOT_ALLOWED(
            field=None,
            action=ACTION_NAMES[action],
            office=office.code,
        )


def reads_every_office(user: Any) -> bool:
    """The system, a superuser or a national role: every office's records (what `visible_offices` gives)."""
    if _is_system(user) or getattr(user, "is_superuser", False):
        return True
    return bool(getattr(user, "is_authenticated", False)) and _national(user)


def visible_offices(user: Any) -> QuerySet[Office]:
    if reads_every_office(user):
        return Office.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Office.objects.none()
    return Office.objects.filter(pk__in=sorted(grants(user)))


def visible(queryset: QuerySet[Any], user: Any, office_field: str = "office") -> QuerySet[Any]:
    """Only the records of offices the user may read."""
    return queryset.filter(**{f"{office_field}__in": visible_offices(user)})
