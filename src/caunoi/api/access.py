"""What a caller may do at all (rights per office are the services' and `visible`'s): be signed in, and
write only with a read-and-write token; and how often (per token, per signed-in user)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext
from rest_framework import exceptions, permissions, throttling
from rest_framework.request import Request

from caunoi.api import messages as m
from caunoi.api.models import ApiToken


class SignedIn(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            raise exceptions.NotAuthenticated(gettext(m.NOT_SIGNED_IN.vi), code=m.NOT_SIGNED_IN.code)
        token = request.auth
        writes = request.method not in permissions.SAFE_METHODS
        if writes and isinstance(token, ApiToken) and not token.may_write:
            raise exceptions.PermissionDenied(gettext(m.TOKEN_READ_ONLY.vi), code=m.TOKEN_READ_ONLY.code)
        return True


class PerToken(throttling.SimpleRateThrottle):
    """One budget per token (a program), and one per signed-in user's session. Counted in the process's
    cache: with several workers each counts its own share."""

    scope = "api"

    def get_rate(self) -> str:
        return str(settings.API_RATE)

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        if isinstance(request.auth, ApiToken):
            return f"api-throttle:token:{request.auth.pk}"
        if request.user and request.user.is_authenticated:
            return f"api-throttle:user:{request.user.pk}"
        return None
