"""The API front's one-statement read (caunoi.api.front.read_reader) gives the reader Django's path gives:
the same token checks, the same roles, grants and marks, for every kind of reader."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caunoi.api import kept
from caunoi.api.front import _statement, read_reader
from caunoi.api.tokens import create_token, live, mark_used, revoke_token
from caunoi.core import marks
from caunoi.core.models import LedgerMark, Membership, Office, Role

READERS = ["toanquoc", "bientap", "yenbai", "xem", "khac", "chu-he-thong", "nobody"]


@pytest.fixture
def readers(stranger, django_user_model):  # type: ignore[no-untyped-def]
    django_user_model.objects.create(username="chu-he-thong", is_superuser=True)
    django_user_model.objects.create(username="nobody")


def _token(username: str) -> tuple[str, str]:
    user = get_user_model().objects.get(username=username)
    token, raw = create_token(user, "front", actor=user)
    return token.prefix, raw


@pytest.mark.parametrize("username", READERS)
def test_the_front_reads_the_reader_django_reads(readers, username):  # type: ignore[no-untyped-def]
    prefix, raw = _token(username)
    marks.touch([o.pk for o in Office.objects.all()])  # every office has a mark, as after any change
    with CaptureQueriesContext(connection) as queries:
        token, every_mark = read_reader(prefix)
        reader = kept.reader_in(token.user, every_mark)
    assert len(queries) == 1
    assert live(token, raw) is token
    assert reader == kept.reader_of(get_user_model().objects.get(username=username))


def test_token_fields_and_refusals_as_django_reads_them(readers):  # type: ignore[no-untyped-def]
    prefix, raw = _token("bientap")
    token, _ = read_reader(prefix)
    assert token.last_used_at is None and token.revoked_at is None
    mark_used(token)
    again, _ = read_reader(prefix)
    assert again.last_used_at == timezone.now()  # the frozen clock, read back aware from either database
    assert live(again, raw + "x") is None  # another secret with the same prefix
    revoke_token(again, actor=again.user)
    revoked, _ = read_reader(prefix)
    assert revoked.revoked_at == timezone.now() and live(revoked, raw) is None
    assert read_reader("nosuchpx") is None


def test_an_inactive_owner_is_refused(readers):  # type: ignore[no-untyped-def]
    prefix, raw = _token("xem")
    get_user_model().objects.filter(username="xem").update(is_active=False)
    token, _ = read_reader(prefix)
    assert live(token, raw) is None


def test_a_missing_mark_sends_the_request_to_django(readers):  # type: ignore[no-untyped-def]
    prefix, _ = _token("khac")
    office = Office.objects.get(code="tinh-khac")
    LedgerMark.objects.filter(scope=f"office:{office.pk}").delete()
    token, every_mark = read_reader(prefix)
    assert kept.reader_in(token.user, every_mark) is None


def test_successions_and_memberships_come_from_the_statement(readers):  # type: ignore[no-untyped-def]
    """A member of the predecessor reads its successor's records only as Django's grants say, from the rows
    read with the token (no further query)."""
    prefix, _ = _token("yenbai")
    token, _ = read_reader(prefix)
    yen_bai = Office.objects.get(code="yen-bai")
    assert {pk: sorted(roles) for pk, roles in token.user._caunoi_roles.items()} == {
        yen_bai.pk: [Role.EDITOR]
    }
    predecessors, dates = token.user._caunoi_succession
    assert dates[yen_bai.pk] == dt.date(2025, 7, 1)
    assert (yen_bai.pk, dt.date(2025, 7, 1)) in predecessors[yen_bai.successor_id]
    Membership.objects.filter(user=token.user).delete()
    token, _ = read_reader(prefix)
    assert token.user._caunoi_roles == {}


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_statement_is_prepared_on_postgresql(readers):  # type: ignore[no-untyped-def]
    prefix, _ = _token("toanquoc")
    for _ in range(6):
        read_reader(prefix)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any(statement.startswith("SELECT 'token'") for statement in prepared), prepared
    assert _statement().startswith("SELECT 'token'")
