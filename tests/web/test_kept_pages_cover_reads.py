"""Every kept page (caunoi.web.kept_pages) reads only tables whose changes renew the marks it is kept under
(caunoi.core.marking) or that its key names itself: each kept view, found among the URLs, is drawn with the
page cache on, the tables its SQL reads are recorded and checked, so that a kept page showing a new table
fails here until that table's model is declared."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from caunoi.aid.models import AidItem
from caunoi.core.permissions import grants
from tests.marks_reads import keeping_served, marked_tables, reading, uncovered

pytestmark = pytest.mark.django_db
# Read while a page is drawn but named by the page's key itself (caunoi.web.kept_pages.page_key).
EXEMPT = {
    "django_session": "identifies the reader, who is part of the key",
    "auth_user": "the reader (pk, name, superuser) is part of the key; other users named on a page (actors) "
    "are not marked, as kept_pages' docstring says",
    "core_membership": "the reader's roles in every office are part of the key",
    "core_preference": "the reader's language and text size are part of the key",
    "core_ledgermark": "the marks themselves",
    "reports_yearfigures": "the kept figures prove themselves: a row is used only while its stamp is the "
    "office's current marks, else computed again from the ledger (the fixture renews every mark, so each "
    "office-year is computed here once and its ledger reads are checked)",
    "notify_notification": "the bell's unread count is part of the key",
    "notify_reminderchoice": "the reader's choices decide which notifications the unread count counts",
}
ITEM = "ITEM"  # stands for the demo item's id in an address
# Every kept page with addresses that draw most of it; a page kept but missing here fails the first test.
ADDRESSES = {
    "aid-list": [
        "/aid/",
        "/aid/?q=mu+cang+chai&sort=code",
        "/aid/?year=2022&donor=quy&place=mu+cang&archived=on&sort=-code",
    ],
    "aid-detail": [f"/aid/{ITEM}/"],
    "dashboard": ["/dashboard/", "/dashboard/?year_from=2022&year_to=2026", "/dashboard/?office=yen-bai"],
}
READERS = ("bientap", "toanquoc")  # an editor of one office and its predecessor; a national viewer


def kept_views(patterns: list[Any] | None = None) -> dict[str, str]:
    """The name of each kept page among the URLs, with its route."""
    found: dict[str, str] = {}
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            found |= {
                name: f"{entry.pattern}{route}" for name, route in kept_views(entry.url_patterns).items()
            }
        elif isinstance(entry, URLPattern) and hasattr(entry.callback, "kept_page_name"):
            found[entry.callback.kept_page_name] = str(entry.pattern)
    return found


@pytest.fixture
def pages_on(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Pages kept, nothing kept before found (the shared mark is in every key); yields the keys of the pages
    served kept. Reports are computed afresh, so that each page's draw reads every table its values read."""
    yield keeping_served(settings, monkeypatch)


def drawn_reads(client: Client, url: str, served: list[str]) -> set[str]:
    """The tables read to draw the page, after checking that the page cache is on for it: the page is drawn
    and not served kept, then served kept when read again."""
    before = len(served)
    with reading() as reads:
        assert client.get(url).status_code == 200, url
    assert len(served) == before, url
    assert client.get(url).status_code == 200, url
    assert len(served) == before + 1, url
    return reads.tables


def problems(
    names: list[str], addresses: dict[str, list[str]], served: list[str]
) -> dict[tuple[str, str, str], list[str]]:
    """For each reader and address of a kept page, the tables read that neither renew a mark the page is kept
    under nor are named by its key."""
    item = str(AidItem.objects.get(office__code="yen-bai", code="YB-2022-15").pk)
    found: dict[tuple[str, str, str], list[str]] = {}
    for username in READERS:
        user = get_user_model().objects.get(username=username)
        client = Client()
        client.force_login(user)
        covered = marked_tables(with_offices=bool(grants(user)))
        for name in names:
            for url in addresses[name]:
                missing = uncovered(drawn_reads(client, url.replace(ITEM, item), served), covered, EXEMPT)
                if missing:
                    found[(username, name, url)] = missing
    return found


def test_every_kept_page_has_addresses_here() -> None:
    assert kept_views() == {"aid-list": "aid/", "aid-detail": "aid/<int:pk>/", "dashboard": "dashboard/"}
    assert set(kept_views()) == set(ADDRESSES)


def test_every_table_a_kept_page_reads_renews_its_marks(pages_on):
    assert problems(sorted(kept_views()), ADDRESSES, pages_on) == {}


def test_a_kept_page_reading_an_unmarked_table_is_found(pages_on, settings):
    settings.ROOT_URLCONF = "tests.web.planted_kept_urls"
    assert "planted" in kept_views()
    assert problems(["planted"], {"planted": ["/planted/"]}, pages_on) == {
        ("bientap", "planted", "/planted/"): ["relations_agreement"],
        ("toanquoc", "planted", "/planted/"): ["relations_agreement"],
    }
