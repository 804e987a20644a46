"""The news pages of the public site: the list, an article in both languages, its photos and tags, the office
home's latest news, the bulletin archive and the sitemap; anonymous, no session."""

import datetime as dt

import pytest

from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Article
from caunoi.publishing.services import articles, bulletin
from caunoi.publishing.services.images import add_image
from caunoi.relations.services.people import create_person, record_consent

pytestmark = pytest.mark.django_db
TITLE = "Tin-cong-khai: hợp tác giáo dục Yên Bái - Viêng Chăn"


@pytest.fixture
def story(make_article, upload, media, talks, vientiane):  # type: ignore[no-untyped-def]
    article = make_article(
        title=TITLE,
        summary="Tóm-tắt-công-khai",
        body="<p>Nội-dung-công-khai</p>",
        title_en="Public-story: education with Vientiane",
        body_en="<p>English-body</p>",
    )
    add_image(
        article, upload(), caption="Chú-thích-ảnh", credit="Ban Thông tin", alt_text="Mô-tả-ảnh", actor=SYSTEM
    )
    articles.set_tags(article, events=[talks], partnerships=[vientiane], actor=SYSTEM)
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    return articles.publish(article, actor=SYSTEM)


def test_the_list_shows_the_article_newest_first_and_anonymous(client, story):
    response = client.get("/cong-khai/yen-bai/tin-tuc/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    text = response.content.decode()
    assert TITLE in text
    assert text.index(TITLE) < text.index(
        "Yên Bái và Viêng Chăn tăng cường hợp tác hữu nghị"
    )  # the demo, 2022
    assert 'rel="alternate" type="application/atom+xml" href="/cong-khai/yen-bai/tin-tuc/feed.xml"' in text
    assert f'href="/cong-khai/yen-bai/tin-tuc/{story.pk}/"' in text


def test_the_article_page_in_vietnamese(client, story, talks, vientiane):
    text = client.get(f"/cong-khai/yen-bai/tin-tuc/{story.pk}/").content.decode()
    assert f"<h1>{TITLE}</h1>" in text
    assert "<p>Nội-dung-công-khai</p>" in text  # the sanitised body, not escaped
    assert "Chú-thích-ảnh" in text and "Ban Thông tin" in text and 'alt="Mô-tả-ảnh"' in text
    assert '<meta property="og:title" content="Tin-cong-khai' in text
    assert '<meta property="og:type" content="article">' in text
    assert "og:image" in text
    assert talks.title in text
    assert vientiane.organisation.name in text
    photo = story.images.get()
    response = client.get(f"/cong-khai/yen-bai/tin-tuc/anh/{photo.pk}.jpg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert f'src="/cong-khai/yen-bai/tin-tuc/anh/{photo.pk}.jpg"' in text


def test_the_article_page_in_english_falls_back_to_vietnamese_marked(client, story, talks):
    client.cookies["django_language"] = "en"
    text = client.get(f"/cong-khai/yen-bai/tin-tuc/{story.pk}/").content.decode()
    assert "<h1>Public-story: education with Vientiane</h1>" in text
    assert "<p>English-body</p>" in text
    assert "Nội-dung-công-khai" not in text
    assert '<span lang="vi">Tóm-tắt-công-khai</span>' in text  # no English summary
    assert '<html lang="en">' in text
    # Text recorded in Vietnamese only is marked so (for a screen reader's voice): the author, the events.
    assert f'<span lang="vi">{story.author}</span>' in text
    assert f'<dd lang="vi">{talks.title}</dd>' in text
    listed = client.get("/cong-khai/yen-bai/tin-tuc/").content.decode()
    assert "Public-story: education with Vientiane" in listed
    assert "<h1>News — " in listed


def test_the_office_home_shows_the_latest_news_with_links(client, story):
    text = client.get("/cong-khai/yen-bai/").content.decode()
    assert TITLE in text
    assert 'alt="Mô-tả-ảnh"' in text
    assert 'href="/cong-khai/yen-bai/tin-tuc/"' in text
    assert 'href="/cong-khai/yen-bai/ban-tin/"' in text


def test_a_consenting_person_is_named_and_one_who_withdrew_is_not(client, make_article, yen_bai):
    from caunoi.publishing.services.common import today
    from caunoi.relations.services.people import withdraw_consent

    named = create_person(
        yen_bai, name="Người Đồng Ý", kind="foreign_student", nationality="LA", actor=SYSTEM
    )
    gone = create_person(
        yen_bai, name="Người Rút Lại", kind="foreign_student", nationality="LA", actor=SYSTEM
    )
    for person in (named, gone):
        record_consent(person, "name_listing", dt.date(2026, 1, 5), actor=SYSTEM)
    article = make_article(title="Giao lưu lưu học sinh")
    articles.set_tags(article, people=[named, gone], actor=SYSTEM)
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    articles.publish(article, actor=SYSTEM)
    withdraw_consent(gone, "name_listing", today(), actor=SYSTEM)
    text = client.get(f"/cong-khai/yen-bai/tin-tuc/{article.pk}/").content.decode()
    assert "Người Đồng Ý" in text
    assert "Người Rút Lại" not in text


def test_the_list_is_paged(client, published):
    for n in range(12):
        published(title=f"Tin số {n:02d}")
    first = client.get("/cong-khai/yen-bai/tin-tuc/").content.decode()
    count = Article.objects.filter(status="published").count()
    assert first.count('class="news-entry"') == 10
    second = client.get("/cong-khai/yen-bai/tin-tuc/?page=2").content.decode()
    assert second.count('class="news-entry"') == count - 10
    assert "Tin số 11" in first and "Tin số 00" not in first


def test_the_bulletin_archive_lists_issues_with_their_pdf(client, published, yen_bai):
    issue = bulletin.create_issue(yen_bai, "21", dt.date(2026, 11, 20), actor=SYSTEM)
    bulletin.set_articles(issue, [published(title="Bài-trong-bản-tin")], actor=SYSTEM)
    text = client.get("/cong-khai/yen-bai/ban-tin/").content.decode()
    assert 'href="/cong-khai/yen-bai/ban-tin/21.pdf"' in text
    assert "20/11/2026" in text
    response = client.get("/cong-khai/yen-bai/ban-tin/21.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get("/cong-khai/yen-bai/ban-tin/99.pdf").status_code == 404


def test_the_sitemap_lists_the_news_pages_and_feed(client, story):
    text = client.get("/cong-khai/sitemap.xml").content.decode()
    for path in ("tin-tuc/", "tin-tuc/feed.xml", "ban-tin/", f"tin-tuc/{story.pk}/"):
        assert f"<loc>http://testserver/cong-khai/yen-bai/{path}</loc>" in text, path
