"""Reports computed once per state of the records they read.

Each office has a ledger mark, and the shared reference data one more ("global"); `touch` gives a mark a new
random token whenever a record under it changes (signals for single saves, explicit calls from bulk loaders).
`cached` keeps a computed value under the tokens of the marks it depends on, read before it is computed: a
change committed while it is computed leaves it under tokens that no longer exist, so it is never served
stale. The cache backend is Django's (settings.CACHES["reports"]), shared by the server's workers; each
process also keeps the last few values it used as live objects, because unpickling a national report (tens
of thousands of lines) costs more than the 200 ms a report may take. Values are therefore shared: callers
read them and never change them. Keys also name the version of the code (`code_version`), so that after an
upgrade nothing computed or drawn by older code is found. Whole pages (caunoi.web.kept_pages) use the same
keys and live copies, in their own cache ("pages").
"""

from __future__ import annotations

import hashlib
import pickle
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.utils import translation

from caunoi.core import collector, front
from caunoi.core.models import NATIONAL_ROLES, LedgerMark
from caunoi.core.permissions import grants, roles_by_office

T = TypeVar("T")
GLOBAL = "global"
# Part of every key: a change in what a report computes must not find values computed by older code.
FORMAT = "1"
PACKAGE = Path(__file__).resolve().parents[1]
# What a process keeps live, by the size of the values pickled: a national report is about 2,5 MB pickled,
# an office's a few hundred kB; the 34 reports of every office must all fit.
LOCAL_BYTES = 48 * 2**20
_local: OrderedDict[str, tuple[Any, int]] = OrderedDict()


def _scope(office_id: int) -> str:
    return f"office:{office_id}"


def touch(office_ids: Iterable[int | None]) -> None:
    """Make the computed reports of these offices stale (None: the shared reference data, hence all)."""
    scopes = sorted({GLOBAL if pk is None else _scope(pk) for pk in office_ids})
    if not scopes:
        return
    token = uuid.uuid4().hex
    changed = LedgerMark.objects.filter(scope__in=scopes).update(token=token)
    if changed < len(scopes):
        LedgerMark.objects.bulk_create(
            [LedgerMark(scope=s, token=token) for s in scopes], ignore_conflicts=True
        )


def touch_all() -> None:
    touch([None])


def _scopes(office_ids: Iterable[int]) -> list[str]:
    return sorted({GLOBAL, *(_scope(pk) for pk in office_ids)})


def joined(pairs: Iterable[tuple[str, str]]) -> str:
    """Marks (scope, token) as the one string kept values are keyed by."""
    return ",".join(f"{scope}={token}" for scope, token in pairs)


def tokens(office_ids: Iterable[int]) -> str:
    """The current tokens of the offices and of the shared data, as one string (created on first use)."""
    scopes = _scopes(office_ids)
    found = dict(LedgerMark.objects.filter(scope__in=scopes).values_list("scope", "token"))
    missing = [s for s in scopes if s not in found]
    if missing:
        try:
            with transaction.atomic():
                LedgerMark.objects.bulk_create(
                    [LedgerMark(scope=s, token=uuid.uuid4().hex) for s in missing], ignore_conflicts=True
                )
        except IntegrityError:  # pragma: no cover - another worker created them first
            pass
        found = dict(LedgerMark.objects.filter(scope__in=scopes).values_list("scope", "token"))
    return joined((s, found.get(s, "")) for s in scopes)


def office_tokens(office_ids: Iterable[int]) -> dict[int, str]:
    """`tokens([pk])` of each office, read in one query (two when some mark is created first)."""
    office_ids = sorted(set(office_ids))
    scopes = [GLOBAL, *(_scope(pk) for pk in office_ids)]
    found = dict(LedgerMark.objects.filter(scope__in=scopes).values_list("scope", "token"))
    if any(s not in found for s in scopes):
        tokens(office_ids)  # creates the missing marks
        found = dict(LedgerMark.objects.filter(scope__in=scopes).values_list("scope", "token"))
    shared = f"{GLOBAL}={found[GLOBAL]}"
    # As `tokens` writes them: "global" sorts before "office:…".
    return {pk: f"{shared},{_scope(pk)}={found[_scope(pk)]}" for pk in office_ids}


def every_token() -> str:
    """The tokens of every mark there is: the state of all offices' records, for a reader of every office
    (an office whose records never changed has no mark yet; its first change creates one, which changes this
    string too). Plain SQL: every kept API answer of a national reader reads it, and the ORM's building of the
    query cost ten times its running."""
    # Sorted here, as `reader_state_in` sorts: no database collation decides the order.
    return joined(sorted(front.fetch(f"SELECT scope, token FROM {LedgerMark._meta.db_table}", [])))


def reader_state(user: Any) -> tuple[str, list[tuple[int, str]]]:
    """What anything kept per reader (a page, an API answer) is kept under besides its own parameters: the
    tokens of the marks of every office the signed-in `user` may read (predecessors too; all of them for a
    national reader) and of the shared data, and the user's roles by office (a new membership or role is a
    new key, so nothing is served to a reader who could not have seen it)."""
    roles, offices = _reader(user)
    return (every_token() if offices is None else tokens(offices)), roles


def reader_state_in(user: Any, every_mark: dict[str, str]) -> tuple[str, list[tuple[int, str]]] | None:
    """`reader_state(user)` from every mark as the caller read it (scope → token); None when a mark the
    reader needs does not exist yet (`reader_state` creates it)."""
    roles, offices = _reader(user)
    if offices is None:
        return joined(sorted(every_mark.items())), roles
    scopes = _scopes(offices)
    if any(scope not in every_mark for scope in scopes):
        return None
    return joined((scope, every_mark[scope]) for scope in scopes), roles


def _reader(user: Any) -> tuple[list[tuple[int, str]], Iterable[int] | None]:
    """The user's roles by office, and the offices they may read (None: every office)."""
    roles = sorted((office_id, role) for office_id, found in roles_by_office(user).items() for role in found)
    every_office = user.is_superuser or any(role in NATIONAL_ROLES for _, role in roles)
    return roles, None if every_office else grants(user)


@cache
def code_version() -> str:
    """This installation of caunoi's code and templates (names, sizes, modification times): kept values
    and pages drawn by another version, still in the shared cache after an upgrade, are never found."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.suffix in {".py", ".html", ".txt", ".svg", ".mo"})
    listing = "\n".join(f"{p.relative_to(PACKAGE)}|{p.stat().st_size}|{p.stat().st_mtime_ns}" for p in files)
    return hashlib.sha256(listing.encode()).hexdigest()[:16]


def key_for(name: str, state: str, params: Any) -> str:
    # Computed values may hold labels in the active language (a status, a modality).
    language = translation.get_language()
    version = f"{FORMAT}|{code_version()}"
    digest = hashlib.sha256(f"{version}|{name}|{params!r}|{language}|{state}".encode()).hexdigest()
    return f"{name}:{digest}"


def _remember(key: str, value: Any, size: int) -> None:
    _local[key] = (value, size)
    while sum(size for _, size in _local.values()) > LOCAL_BYTES and len(_local) > 1:
        _local.popitem(last=False)


def recall(key: str, store: str = "reports") -> Any | None:
    """The value kept under `key` in the cache `store` (this process's live copy first), or None."""
    if key in _local:
        _local.move_to_end(key)
        return _local[key][0]
    payload = caches[store].get(key)
    if payload is None:
        return None
    # Written by `keep` only, in caunoi's own cache. A kept report is thousands of small objects: the cyclic
    # collector's passes over them more than doubled the time to read one (caunoi.core.collector).
    with collector.held_back():
        value = pickle.loads(payload)
    _remember(key, value, len(payload))
    return value


def keep(key: str, value: Any, store: str = "reports") -> None:
    payload = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    caches[store].set(key, payload)
    _remember(key, value, len(payload))


def cached(name: str, office_ids: Iterable[int], params: Any, build: Callable[[], T]) -> T:
    """`build()`, or the value it gave for the same `params` while the offices' records were as they are."""
    if not settings.REPORT_CACHE_ENABLED:
        return build()
    key = key_for(name, tokens(office_ids), params)
    value = recall(key)
    if value is None:
        value = build()
        keep(key, value)
    return value
