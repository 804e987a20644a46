"""The aid list keeps its row count between requests, and never shows a stale one."""

from __future__ import annotations

import pytest

from caunoi.aid import services
from caunoi.core.permissions import SYSTEM

pytestmark = pytest.mark.usefixtures("drawn_pages")


def _total(client, query: str = "") -> int:  # type: ignore[no-untyped-def]
    response = client.get(f"/aid/{query}")
    assert response.status_code == 200
    return int(response.context["result"].total)


def test_the_count_follows_new_and_archived_items(login, yen_bai):
    client = login("bientap")
    before = _total(client)
    assert _total(client) == before  # kept: same answer
    item = services.create_item(
        yen_bai, code="DEM-NEW", modality="project", title="Khoản mới để đếm", actor=SYSTEM
    )
    assert _total(client) == before + 1
    assert _total(client, "?q=khoan+moi+de+dem") == 1
    services.archive_item(item, actor=SYSTEM)
    assert _total(client) == before
    assert _total(client, "?q=khoan+moi+de+dem") == 0


def test_the_count_of_one_office_is_not_the_count_of_another(login, yen_bai, stranger):
    other = login("khac")
    shown = _total(other)
    services.create_item(
        yen_bai, code="DEM-OTHER", modality="project", title="Khoản của Yên Bái", actor=SYSTEM
    )
    assert _total(other) == shown
