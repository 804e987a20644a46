"""What a caller may do at all (rights per office are the services' and `visible`'s): be signed in, and
write only with a read-and-write token; and how often (per token, per signed-in user)."""

from __future__ import annotations

import math
import threading
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
        if key is None or request.META.get(ADMITTED) == key:  # counted by caunoi.api.front already
            return True
        allowed, self.seconds_left = within_rate(key)
        return allowed

    def wait(self) -> float:
        return float(self.seconds_left)

    @staticmethod
    def key_for(request: Request) -> str | None:
        if isinstance(request.auth, ApiToken):
            return token_key(request.auth)
        if request.user and request.user.is_authenticated:
            return f"user:{request.user.pk}"
        return None


# The environ's note that caunoi.api.front counted this request against the budget of its value's key.
ADMITTED = "caunoi.api.admitted"


def token_key(token: ApiToken) -> str:
    return f"token:{token.pk}"


def within_rate(key: str) -> tuple[bool, int]:
    """Count one request of `key` (`API_RATE`): whether it is allowed, and the seconds to its window's end."""
    limit, period = rate(str(settings.API_RATE))
    now = time.time()
    start = int(now // period) * period
    return admit(key, start, limit), max(1, math.ceil(start + period - now))


PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def rate(text: str) -> tuple[int, int]:
    """Requests allowed and the window's length in seconds: "1200/min" is (1200, 60)."""
    number, period = text.split("/")
    return int(number), PERIODS[period.strip()[0]]


# A process takes requests from a window's budget in leases of at most a hundredth of it (and at most
# LEASE_MAX): one write per lease instead of one per request, which on SQLite made every API read queue for
# the database's one writer. What a process leased and did not use is lost to the others, so together the
# processes may refuse up to (processes × lease) requests early, never admit one too many.
LEASE_SHARE = 100
LEASE_MAX = 50
_leased: dict[tuple[str, int], int] = {}
_leased_lock = threading.Lock()


def admit(key: str, window_start: int, limit: int) -> bool:
    """Whether one more request of `key` fits in the window's `limit`, counted for every process (above)."""
    slot = (key, window_start)
    with _leased_lock:
        if _leased.get(slot, 0) > 0:
            _leased[slot] -= 1
            return True
    lease = max(1, min(LEASE_MAX, limit // LEASE_SHARE))
    total = count_request(key, window_start, lease)
    granted = max(0, min(lease, limit - (total - lease)))
    if granted == 0:
        return False
    with _leased_lock:
        for past in [s for s in _leased if s[1] < window_start]:
            del _leased[past]
        _leased[slot] = _leased.get(slot, 0) + granted - 1
    return True


def count_request(key: str, window_start: int, requests: int = 1) -> int:
    """Add `requests` to `key`'s count in the window starting at `window_start` and return the new count,
    in one statement (an upsert, atomic on SQLite and PostgreSQL alike: two processes never read the same
    count). The first lease of a window removes the counts of past windows."""
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
            f"INSERT INTO {table} ({key_c}, {start_c}, {count_c}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_c}, {start_c}) DO UPDATE SET {count_c} = {table}.{count_c} + %s "
            f"RETURNING {count_c}",
            [key, window_start, requests, requests],
        )
        (count,) = cursor.fetchone()
    if count == requests:
        ThrottleCount.objects.using(alias).filter(window_start__lt=window_start).delete()
    return int(count)
