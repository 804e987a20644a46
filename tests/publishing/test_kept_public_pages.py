"""The public site's pages kept whole (caunoi.portal.kept): the same for every visitor, never what the records
no longer say, and read only from tables whose changes renew the marks they are kept under."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from caunoi.aid import services as aid_services
from caunoi.aid.models import AidItem
from caunoi.core import marks
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import articles
from caunoi.relations.models import ConsentKind, Person
from caunoi.relations.services.people import record_consent, withdraw_consent
from tests.conftest import TODAY
from tests.marks_reads import keeping_served, marked_tables, reading, uncovered

pytestmark = pytest.mark.django_db
EXEMPT = {
    "core_ledgermark": "the marks themselves",
    "lineage": "not a table: the office's lineage in the key's own query (caunoi.portal.kept._office_tokens)",
}
ADDRESSES = {
    "national": ["/cong-khai/"],
    "office": ["/cong-khai/yen-bai/", "/cong-khai/yen-bai/?year=2022&modality=project"],
    "item": ["/cong-khai/yen-bai/khoan/ITEM/"],
    "columns": ["/cong-khai/cot-du-lieu.html"],
    "news-list": ["/cong-khai/yen-bai/tin-tuc/"],
    "article": ["/cong-khai/yen-bai/tin-tuc/ARTICLE/"],
    "bulletins": ["/cong-khai/yen-bai/ban-tin/"],
    "page": ["/cong-khai/yen-bai/trang/gioi-thieu/"],
}
# Pages whose key names no office (only the shared data's mark): they must read no office's records.
SHARED_ONLY = {"columns"}


def kept_public_views(patterns: list[Any] | None = None) -> set[str]:
    found: set[str] = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            found |= kept_public_views(entry.url_patterns)
        elif isinstance(entry, URLPattern) and hasattr(entry.callback, "kept_public_page_name"):
            found.add(entry.callback.kept_public_page_name)
    return found


@pytest.fixture
def kept_on(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Pages kept, nothing kept before found; yields the keys of the pages served kept."""
    yield keeping_served(settings, monkeypatch)


@pytest.fixture
def story(published, yen_bai, talks, vientiane, make_person):  # type: ignore[no-untyped-def]
    """A published article tagging an event, a partner, a public item and a person who consented."""
    item = AidItem.objects.filter(office=yen_bai).order_by("code").first()
    aid_services.set_public(item, True, actor=SYSTEM)
    article = published(title="Tin giữ sẵn", title_en="Kept story")
    person = make_person("Nguyễn Đồng Ý")
    articles.set_tags(
        article, events=[talks], partnerships=[vientiane], aid_items=[item], people=[person], actor=SYSTEM
    )
    return article, item, person


@pytest.fixture
def make_person(yen_bai):  # type: ignore[no-untyped-def]
    from caunoi.relations.services.people import create_person

    def make(name: str) -> Person:
        person = create_person(yen_bai, name=name, kind="contact", actor=SYSTEM)
        record_consent(person, ConsentKind.NAME_LISTING, TODAY, actor=SYSTEM)
        return person

    return make


def _address(url: str, story: Any) -> str:
    article, item, _person = story
    return url.replace("ITEM", str(item.pk)).replace("ARTICLE", str(article.pk))


def test_every_kept_public_page_has_addresses_here() -> None:
    assert kept_public_views() == set(ADDRESSES)


def test_every_table_a_kept_public_page_reads_renews_its_marks(kept_on, story):
    found = {}
    for language in ("vi", "en"):
        client = Client()
        client.cookies["django_language"] = language
        for name, urls in ADDRESSES.items():
            covered = marked_tables(with_offices=name not in SHARED_ONLY)
            for url in urls:
                url = _address(url, story)
                before = len(kept_on)
                with reading() as reads:
                    assert client.get(url).status_code == 200, url
                assert len(kept_on) == before, url  # drawn
                assert client.get(url).status_code == 200, url
                assert len(kept_on) == before + 1, url  # then served kept
                missing = uncovered(reads.tables, covered, EXEMPT)
                if missing:
                    found[(language, url)] = missing
    assert found == {}


def test_a_kept_public_page_is_the_same_for_every_visitor(kept_on, story):
    url = _address(ADDRESSES["article"][0], story)
    first, second = Client(), Client()
    drawn, kept = first.get(url), second.get(url)
    assert drawn.content == kept.content
    assert not drawn.cookies and not kept.cookies
    assert b"csrfmiddlewaretoken" not in drawn.content
    english = Client()
    english.cookies["django_language"] = "en"
    assert b"<h1>Kept story</h1>" in english.get(url).content  # the language is part of the key


def test_what_the_records_no_longer_say_leaves_the_kept_pages_at_once(kept_on, story):
    article, item, person = story
    client = Client()
    article_url = f"/cong-khai/yen-bai/tin-tuc/{article.pk}/"
    item_url = f"/cong-khai/yen-bai/khoan/{item.pk}/"
    for url in (article_url, item_url, "/cong-khai/yen-bai/", "/cong-khai/yen-bai/tin-tuc/"):
        client.get(url)
    page = client.get(article_url).content.decode()
    assert len(kept_on) == 1 and "Nguyễn Đồng Ý" in page and item.title in page

    withdraw_consent(person, ConsentKind.NAME_LISTING, TODAY, actor=SYSTEM)
    assert "Nguyễn Đồng Ý" not in client.get(article_url).content.decode()

    assert item.code in client.get("/cong-khai/yen-bai/").content.decode()
    aid_services.set_public(item, False, actor=SYSTEM)
    assert client.get(item_url).status_code == 404
    assert item.code not in client.get("/cong-khai/yen-bai/").content.decode()
    assert item.title not in client.get(article_url).content.decode()

    assert "Tin giữ sẵn" in client.get("/cong-khai/yen-bai/tin-tuc/").content.decode()
    articles.unpublish(article, "Sai thông tin", actor=SYSTEM)
    assert client.get(article_url).status_code == 404
    assert "Tin giữ sẵn" not in client.get("/cong-khai/yen-bai/tin-tuc/").content.decode()
    assert "Tin giữ sẵn" not in client.get("/cong-khai/yen-bai/").content.decode()


def test_an_untagged_record_leaves_the_kept_article_page(kept_on, story, talks):
    article, _item, _person = story
    client = Client()
    url = f"/cong-khai/yen-bai/tin-tuc/{article.pk}/"
    assert talks.title in client.get(url).content.decode()
    article.events.remove(talks)  # the link alone, no save of the article: m2m_changed renews the mark
    assert talks.title not in client.get(url).content.decode()


def test_a_signed_in_reader_is_never_served_a_kept_public_page(kept_on, story, client, staff):
    client.force_login(staff["viewer"])
    client.get("/cong-khai/yen-bai/")
    client.get("/cong-khai/yen-bai/")
    assert kept_on == []


def test_an_office_page_key_reads_the_same_tokens_in_one_query(kept_on, yen_bai, django_assert_num_queries):
    from caunoi.portal.kept import _office_tokens

    assert _office_tokens("khong-co") == marks.tokens([])  # the shared mark alone: the page answers 404
    expected = marks.tokens([yen_bai.pk])  # creates the office's mark if it has none yet
    with django_assert_num_queries(1):
        assert _office_tokens("yen-bai") == expected


def test_publishing_keeps_no_page(settings, yen_bai, tmp_path, monkeypatch):
    from caunoi.staticsite.publish import publish

    settings.KEEP_PAGES = True
    kept: list[str] = []
    monkeypatch.setattr(marks, "keep", lambda key, value, store="reports": kept.append(store))
    publish(yen_bai, tmp_path)
    assert "pages" not in kept


def test_a_successor_page_key_reads_the_tokens_of_its_predecessors_too(
    kept_on, yen_bai, django_assert_num_queries
):
    from caunoi.core.models import Office
    from caunoi.portal.kept import _office_tokens, office_of_code

    lao_cai = Office.objects.get(code="lao-cai")
    assert sorted(office_of_code({"code": "lao-cai"})) == sorted([lao_cai.pk, yen_bai.pk])
    expected = marks.tokens([lao_cai.pk, yen_bai.pk])
    with django_assert_num_queries(1):
        assert _office_tokens("lao-cai") == expected


def test_a_predecessor_item_leaves_the_successor_kept_portal_at_once(kept_on, yen_bai):
    item = AidItem.objects.filter(office=yen_bai).order_by("code").first()
    aid_services.set_public(item, True, actor=SYSTEM)
    client = Client()
    assert item.code in client.get("/cong-khai/lao-cai/").content.decode()
    assert item.code in client.get("/cong-khai/lao-cai/").content.decode()  # served kept
    assert len(kept_on) == 1

    aid_services.set_public(item, False, actor=SYSTEM)  # renews Yên Bái's mark, not Lào Cai's

    assert item.code not in client.get("/cong-khai/lao-cai/").content.decode()
