"""After the 2025 merger the successor's news (Lào Cai's home, news list and feed, and its static copy) lists
its predecessor's (Yên Bái's) public articles too, each linked under its own office; never an article that is
not public, and never the other way round."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from lxml import etree

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Article
from caunoi.publishing.services import articles
from tests.marks_reads import keeping_served

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
DEMO = "Giao lưu hữu nghị kỷ niệm 60 năm quan hệ ngoại giao Việt Nam - Lào"  # Yên Bái's latest demo article


@pytest.fixture
def lao_cai(db):  # type: ignore[no-untyped-def]
    return Office.objects.get(code="lao-cai")


@pytest.fixture
def news(published, make_article, yen_bai, lao_cai):  # type: ignore[no-untyped-def]
    """Lào Cai's own article (newest), Yên Bái's new one, and a draft of Yên Bái's."""
    predecessor = published(title="Tin-của-Yên-Bái", title_en="Yen-Bai-story")
    own = published(office=lao_cai, title="Tin-của-Lào-Cai")
    draft = make_article(title="Nháp-của-Yên-Bái")
    return own, predecessor, draft


def _titles(text: str) -> list[str]:
    return [t for t in ("Tin-của-Lào-Cai", "Tin-của-Yên-Bái", DEMO, "Nháp-của-Yên-Bái") if t in text]


def test_the_successors_home_and_news_list_list_the_predecessors_articles(client, news):
    own, predecessor, _draft = news
    home = client.get("/cong-khai/lao-cai/").content.decode()
    assert _titles(home) == ["Tin-của-Lào-Cai", "Tin-của-Yên-Bái", DEMO]
    listed = client.get("/cong-khai/lao-cai/tin-tuc/").content.decode()
    assert _titles(listed) == ["Tin-của-Lào-Cai", "Tin-của-Yên-Bái", DEMO]
    assert listed.index("Tin-của-Lào-Cai") < listed.index("Tin-của-Yên-Bái") < listed.index(DEMO)
    for text in (home, listed):
        assert f'<a href="/cong-khai/lao-cai/tin-tuc/{own.pk}/">' in text
        assert f'<a href="/cong-khai/yen-bai/tin-tuc/{predecessor.pk}/">' in text
        assert f"/cong-khai/lao-cai/tin-tuc/{predecessor.pk}/" not in text
        # The predecessor's article names its office, linked to that office's news.
        assert text.count(
            '<a href="/cong-khai/yen-bai/tin-tuc/">Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái</a>'
        ) == (2 if text is home else 3)
    assert client.get(f"/cong-khai/yen-bai/tin-tuc/{predecessor.pk}/").status_code == 200


def test_the_predecessor_does_not_list_the_successors_articles(client, news):
    assert _titles(client.get("/cong-khai/yen-bai/").content.decode()) == ["Tin-của-Yên-Bái", DEMO]
    assert _titles(client.get("/cong-khai/yen-bai/tin-tuc/").content.decode()) == ["Tin-của-Yên-Bái", DEMO]
    feed = etree.fromstring(client.get("/cong-khai/yen-bai/tin-tuc/feed.xml").content)
    assert "Tin-của-Lào-Cai" not in [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


def test_the_successors_feed_lists_the_predecessors_articles_under_their_own_address(client, news):
    own, predecessor, _draft = news
    feed = etree.fromstring(client.get("/cong-khai/lao-cai/tin-tuc/feed.xml").content)
    entries = feed.findall(f"{ATOM}entry")
    expected = Article.objects.filter(office__code__in=["lao-cai", "yen-bai"], status="published").order_by(
        "-published_at", "-id"
    )
    assert [e.findtext(f"{ATOM}title") for e in entries] == [a.title for a in expected]
    links = {e.findtext(f"{ATOM}title"): e.find(f"{ATOM}link").get("href") for e in entries}
    assert links["Tin-của-Lào-Cai"] == f"http://testserver/cong-khai/lao-cai/tin-tuc/{own.pk}/"
    assert links["Tin-của-Yên-Bái"] == f"http://testserver/cong-khai/yen-bai/tin-tuc/{predecessor.pk}/"
    ids = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}id") for e in entries}
    assert ids["Tin-của-Yên-Bái"] == f"tag:caunoi,2026:yen-bai/tin-tuc/{predecessor.pk}"
    assert "Nháp-của-Yên-Bái" not in links


def test_the_english_news_list_names_the_predecessor_in_english(client, news):
    client.cookies["django_language"] = "en"
    text = client.get("/cong-khai/lao-cai/tin-tuc/").content.decode()
    yen_bai = Office.objects.get(code="yen-bai")
    assert yen_bai.name_en
    assert f'<a href="/cong-khai/yen-bai/tin-tuc/">{yen_bai.name_en}</a>' in text
    assert "Yen-Bai-story" in text


def test_a_predecessors_article_taken_down_leaves_the_successors_kept_pages_at_once(
    settings: Any, monkeypatch: pytest.MonkeyPatch, news
):
    kept = keeping_served(settings, monkeypatch)
    _own, predecessor, _draft = news
    client = Client()
    for url in ("/cong-khai/lao-cai/", "/cong-khai/lao-cai/tin-tuc/"):
        assert "Tin-của-Yên-Bái" in client.get(url).content.decode()
        assert "Tin-của-Yên-Bái" in client.get(url).content.decode()  # served kept
    assert len(kept) == 2

    articles.unpublish(predecessor, "Sai thông tin", actor=SYSTEM)  # renews Yên Bái's mark

    for url in ("/cong-khai/lao-cai/", "/cong-khai/lao-cai/tin-tuc/"):
        assert "Tin-của-Yên-Bái" not in client.get(url).content.decode()


def test_the_successors_static_copy_holds_the_predecessors_articles(news, lao_cai, tmp_path):
    from caunoi.staticsite.publish import publish

    _own, predecessor, _draft = news
    publish(lao_cai, tmp_path)
    home = (tmp_path / "cong-khai/lao-cai/index.html").read_text()
    assert f'<a href="../yen-bai/tin-tuc/{predecessor.pk}/index.html">Tin-của-Yên-Bái</a>' in home
    assert (
        "Tin-của-Yên-Bái" in (tmp_path / f"cong-khai/yen-bai/tin-tuc/{predecessor.pk}/index.html").read_text()
    )
    listed = (tmp_path / "en/cong-khai/lao-cai/tin-tuc/index.html").read_text()
    assert f'<a href="../../yen-bai/tin-tuc/{predecessor.pk}/index.html">Yen-Bai-story</a>' in listed
