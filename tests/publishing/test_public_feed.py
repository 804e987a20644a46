"""The Atom feed of an office's news validates as Atom: its entries have ids, titles, links and dates."""

import pytest
from lxml import etree

from caunoi.publishing.models import Article

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_is_atom_with_the_published_articles_only(client, published, make_article):
    story = published(title="Tin-trong-feed", title_en="Feed-story")
    make_article(title="Nháp-ngoài-feed")
    response = client.get("/cong-khai/yen-bai/tin-tuc/feed.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id")
    assert feed.findtext(f"{ATOM}updated")
    entries = feed.findall(f"{ATOM}entry")
    expected = list(
        Article.objects.filter(office__code="yen-bai", status="published").order_by("-published_at")
    )
    assert [e.findtext(f"{ATOM}title") for e in entries] == [a.title for a in expected]
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Tin-trong-feed"
    assert first.findtext(f"{ATOM}id") == f"tag:caunoi,2026:yen-bai/tin-tuc/{story.pk}"
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver/cong-khai/yen-bai/tin-tuc/{story.pk}/"
    assert first.findtext(f"{ATOM}updated").startswith(story.published_at.strftime("%Y-%m-%d"))
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries)
    assert b"Nh\xc3\xa1p-ngo\xc3\xa0i-feed" not in response.content
    client.cookies["django_language"] = "en"
    english = etree.fromstring(client.get("/cong-khai/yen-bai/tin-tuc/feed.xml").content)
    assert english.find(f"{ATOM}entry").findtext(f"{ATOM}title") == "Feed-story"


def test_the_feed_of_an_unknown_office_is_not_found(client, db):
    assert client.get("/cong-khai/khong-co/tin-tuc/feed.xml").status_code == 404
