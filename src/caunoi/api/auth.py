"""Who calls: a personal token (`Authorization: Bearer cn_…` or `Token cn_…`), or the browser's session."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from caunoi.api import messages as m
from caunoi.api.tokens import find_token, mark_used

KEYWORDS = ("bearer", "token")


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in KEYWORDS:
            return None  # not ours: the session may still sign the caller in
        token = find_token(header[1]) if len(header) == 2 else None
        if token is None:
            raise exceptions.AuthenticationFailed(gettext(m.TOKEN_INVALID.vi), code=m.TOKEN_INVALID.code)
        mark_used(token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # A 401 (not 403) tells a program to send its token.
        return 'Bearer realm="caunoi"'


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "caunoi.api.auth.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer", "description": "Mã truy cập cá nhân / personal API token"}
