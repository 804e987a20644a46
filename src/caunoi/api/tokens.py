"""Creating and revoking personal API tokens. A token is shown once, when it is made; only its hash is kept."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from caunoi.api import messages as m
from caunoi.api.models import ApiToken, Scope
from caunoi.core import audit
from caunoi.core.permissions import Actor, SystemActor
from caunoi.core.text import nfc

PREFIX = "cn_"


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _check_owner(user: Any, actor: Actor) -> None:
    """A token acts with its owner's rights: only the owner makes or revokes one (the operator may revoke)."""
    if isinstance(actor, SystemActor):
        return
    if not getattr(actor, "is_authenticated", False) or actor.pk != user.pk:
        raise m.TOKEN_NOT_YOURS()


@transaction.atomic
def create_token(user: Any, name: str, scope: str = Scope.READ, *, actor: Actor) -> tuple[ApiToken, str]:
    """Make a token for `user`; returns the row and the token itself, which is never shown again."""
    _check_owner(user, actor)
    name = nfc(name or "").strip()
    if not name:
        raise m.TOKEN_NAME_REQUIRED(field="name")
    if scope not in Scope.values:
        raise m.TOKEN_SCOPE_UNKNOWN(field="scope", value=scope)
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    raw = f"{PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(user=user, name=name, scope=scope, prefix=prefix, key_hash=digest(raw))
    audit.save(token, actor)
    return token, raw


@transaction.atomic
def revoke_token(token: ApiToken, *, actor: Actor) -> None:
    _check_owner(token.user, actor)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        audit.save(token, actor)


def find_token(raw: str) -> ApiToken | None:
    """The live token `raw` is, with its user; None for anything else (unknown, revoked, inactive user)."""
    prefix = prefix_of(raw)
    return None if prefix is None else live(_with_owner(prefix), raw)


def prefix_of(raw: str) -> str | None:
    """The prefix by which `raw` is looked up; None when it cannot be a token."""
    if not raw.startswith(PREFIX) or raw.count("_") < 2:
        return None
    return raw[len(PREFIX) :].split("_", 1)[0]


def live(token: ApiToken | None, raw: str) -> ApiToken | None:
    """`token` (found by `raw`'s prefix) if `raw` is it, it is not revoked and its owner is active."""
    if token is None or not hmac.compare_digest(token.key_hash, digest(raw)):
        return None
    if token.revoked_at is not None or not token.user.is_active:
        return None
    return token


def _with_owner(prefix: str) -> ApiToken | None:
    """The token with `prefix`, its owner attached with only what a request's checks read (the rest loads when
    asked for). One plain query: every API call looks its token up, and building
    `select_related("user").filter(prefix=…).first()` cost 0,9 ms of CPU, more than serving a kept answer."""
    user_model = get_user_model()
    sql = (
        f"SELECT t.*, u.{user_model._meta.pk.column} AS owner_id, u.is_active AS owner_active, "
        f"u.is_superuser AS owner_superuser FROM {ApiToken._meta.db_table} t "
        f"JOIN {user_model._meta.db_table} u ON u.{user_model._meta.pk.column} = t.user_id "
        f"WHERE t.prefix = %s ORDER BY t.id"
    )
    for token in ApiToken.objects.raw(sql, [prefix]):
        row = vars(token)  # the owner's columns, named in the query
        token.user = owner(token._state.db, row["owner_id"], row["owner_active"], row["owner_superuser"])
        return token
    return None


def owner(db: str | None, pk: int, is_active: Any, is_superuser: Any) -> Any:
    """A token's owner with only what a request's checks read."""
    read = {"id": pk, "is_active": bool(is_active), "is_superuser": bool(is_superuser)}
    return partial(get_user_model(), db, read)


def partial(model: Any, db: str | None, read: dict[str, Any]) -> Any:
    """An instance of `model` from the fields `read` (by attname); the fields not given load when read."""
    # from_db takes the values in the model's field order.
    names = [f.attname for f in model._meta.concrete_fields if f.attname in read]
    return model.from_db(db, names, [read[n] for n in names])


def mark_used(token: ApiToken) -> None:
    """Record the call's time, at most once a minute (one write per call would double an API read's cost)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
