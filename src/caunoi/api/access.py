"""What a caller may do at all (rights per office are the services' and `visible`'s): be signed in, and
write only with a read-and-write token; and how often (per token, per signed-in user)."""

from __future__ import annotations

import math
import time
from typing import Any

from django.conf import settings
from django.db import connections, router
from django.utils.translation import gettext
from rest_framework import exceptions, permissions, throttling
from rest_framework.request import Request

from caunoi.api import messages as m
from caunoi.api.models import ApiToken, ThrottleCount


class SignedIn(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        if not (request.user and request.user.is_authenticated):
            raise exceptions.NotAuthenticated(gettext(m.NOT_SIGNED_IN.vi), code=m.NOT_SIGNED_IN.code)
        token = request.auth
        writes = request.method not in permissions.SAFE_METHODS
        if writes and isinstance(token, ApiToken) and not token.may_write:
            raise exceptions.PermissionDenied(gettext(m.TOKEN_READ_ONLY.vi), code=m.TOKEN_READ_ONLY.code)
        return True


class PerToken(throttling.BaseThrottle):
    """One budget per token (a program), and one per signed-in user's session, in fixed windows of the rate's
    period (`API_RATE`, e.g. 1200/min). Counted in the database, so that all server processes share one
    count; a refused request is told when the window ends (`Retry-After`)."""

    def __init__(self) -> None:
        self.seconds_left = 1

    def allow_request(self, request: Request, view: Any) -> bool:
        key = self.key_for(request)
        if key is None:
            return True
        limit, period = rate(str(settings.API_RATE))
        now = time.time()
        start = int(now // period) * period
        self.seconds_left = max(1, math.ceil(start + period - now))
        return count_request(key, start) <= limit

    def wait(self) -> float:
        return float(self.seconds_left)

    @staticmethod
    def key_for(request: Request) -> str | None:
        if isinstance(request.auth, ApiToken):
            return f"token:{request.auth.pk}"
        if request.user and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return None


PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def rate(text: str) -> tuple[int, int]:
    """Requests allowed and the window's length in seconds: "1200/min" is (1200, 60)."""
    number, period = text.split("/")
    return int(number), PERIODS[period.strip()[0]]


def count_request(key: str, window_start: int) -> int:
    """Add one request to `key`'s count in the window starting at `window_start` and return the new count,
    in one statement (an upsert, atomic on SQLite and PostgreSQL alike: two processes never read the same
    count). The first request of a window removes the counts of past windows."""
    alias = router.db_for_write(ThrottleCount)
    connection = connections[alias]
    q = connection.ops.quote_name
    table, key_c, start_c, count_c = (
        q(ThrottleCount._meta.db_table),
        q("key"),
        q("window_start"),
        q("count"),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_c}, {start_c}, {count_c}) VALUES (%s, %s, 1) "
            f"ON CONFLICT ({key_c}, {start_c}) DO UPDATE SET {count_c} = {table}.{count_c} + 1 "
            f"RETURNING {count_c}",
            [key, window_start],
        )
        (count,) = cursor.fetchone()
    if count == 1:
        ThrottleCount.objects.using(alias).filter(window_start__lt=window_start).delete()
    return int(count)
