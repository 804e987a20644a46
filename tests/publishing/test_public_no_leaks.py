"""Nothing unpublished leaks from the news pages: a draft, a submitted, an approved-not-published, an unpublished
and an archived article, and a person without consent, are found on no public page, feed, sitemap entry, photo
or bulletin PDF, in either language, crawled as tests/portal/test_no_leaks.py does."""

import datetime as dt

import pytest

from caunoi.core.audit import archive
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Article
from caunoi.publishing.services import articles, bulletin, pages
from caunoi.publishing.services.images import add_image
from caunoi.relations.models.people import Person
from caunoi.relations.services.people import create_person, record_consent, withdraw_consent
from tests.conftest import TODAY
from tests.portal.test_no_leaks import crawl

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]


@pytest.fixture
def planted(make_article, published, yen_bai, upload, media):  # type: ignore[no-untyped-def]
    shown = published(title="HIEN-CONG-KHAI", title_en="SHOWN-IN-ENGLISH")
    draft = make_article(title="BAN-NHAP", title_en="DRAFT-EN", summary="TOM-TAT-NHAP")
    add_image(draft, upload(), caption="ANH-BAN-NHAP", alt_text="ALT-BAN-NHAP", actor=SYSTEM)
    submitted = articles.submit(make_article(title="CHO-DUYET", body="<p>THAN-CHO-DUYET</p>"), actor=SYSTEM)
    approved = make_article(title="DA-DUYET-CHUA-DANG", title_en="APPROVED-EN")
    articles.submit(approved, actor=SYSTEM)
    articles.approve(approved, actor=SYSTEM)
    taken_down = published(title="DA-GO", summary="TOM-TAT-DA-GO")
    issue = bulletin.create_issue(yen_bai, "30", dt.date(2026, 11, 20), actor=SYSTEM)
    bulletin.set_articles(issue, [shown, taken_down], actor=SYSTEM)
    articles.unpublish(taken_down, "Sai số liệu", actor=SYSTEM)
    archived = published(title="DA-LUU-TRU-BAI", title_en="ARCHIVED-EN")
    archive(archived, actor=SYSTEM)
    Person.objects.create(office=yen_bai, name="Nguyễn Không Đồng Ý", kind="other", email="kdy@example.vn")
    pages.create_page(
        yen_bai, title="TRANG-CHUA-CONG-KHAI", slug="trang-an", body="<p>THAN-TRANG-AN</p>", actor=SYSTEM
    )
    old_page = pages.create_page(yen_bai, title="TRANG-DA-GO", title_en="PAGE-TAKEN-DOWN", actor=SYSTEM)
    pages.set_published(old_page, True, actor=SYSTEM)
    pages.set_published(old_page, False, actor=SYSTEM)
    archived_page = pages.create_page(yen_bai, title="TRANG-LUU-TRU", actor=SYSTEM)
    pages.set_published(archived_page, True, actor=SYSTEM)
    archive(archived_page, actor=SYSTEM)
    # Consent withdrawn after publication: a name in the body, and one in a photo caption.
    withdrawn = create_person(yen_bai, name="Lê Rút Lại", kind="other", actor=SYSTEM)
    record_consent(withdrawn, "name_listing", dt.date(2026, 1, 5), actor=SYSTEM)
    record_consent(withdrawn, "photo_use", dt.date(2026, 1, 5), actor=SYSTEM)
    named = published(title="BAI-NEU-TEN-DA-RUT", body="<p>Ông Lê Rút Lại phát biểu.</p>")
    captioned = make_article(title="BAI-ANH-DA-RUT")
    articles.set_tags(captioned, people=[withdrawn], actor=SYSTEM)
    add_image(captioned, upload(), caption="Lê Rút Lại tặng quà", alt_text="ALT-ANH-DA-RUT", actor=SYSTEM)
    for step in (articles.submit, articles.approve, articles.publish):
        step(captioned, actor=SYSTEM)
    later_issue = bulletin.create_issue(yen_bai, "31", dt.date(2026, 11, 25), actor=SYSTEM)
    bulletin.set_articles(later_issue, [shown, named], actor=SYSTEM)
    withdraw_consent(withdrawn, "name_listing", TODAY, actor=SYSTEM)
    secrets = [
        "BAI-NEU-TEN-DA-RUT",
        "BAI-ANH-DA-RUT",
        "ALT-ANH-DA-RUT",
        "Lê Rút Lại",
        "TRANG-CHUA-CONG-KHAI",
        "trang-an",
        "THAN-TRANG-AN",
        "TRANG-DA-GO",
        "PAGE-TAKEN-DOWN",
        "TRANG-LUU-TRU",
        "BAN-NHAP",
        "DRAFT-EN",
        "TOM-TAT-NHAP",
        "ANH-BAN-NHAP",
        "ALT-BAN-NHAP",
        "CHO-DUYET",
        "THAN-CHO-DUYET",
        "DA-DUYET-CHUA-DANG",
        "APPROVED-EN",
        "DA-GO",
        "TOM-TAT-DA-GO",
        "DA-LUU-TRU-BAI",
        "ARCHIVED-EN",
        "Nguyễn Không Đồng Ý",
        "kdy@example.vn",
    ]
    hidden = [draft, submitted, approved, taken_down, archived, named, captioned]
    return shown, hidden, secrets


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_crawl_of_every_public_page_finds_no_unpublished_article(client, planted, language):
    shown, hidden, secrets = planted
    client.cookies["django_language"] = language
    pages = crawl(client)
    assert "/cong-khai/yen-bai/tin-tuc/feed.xml" in pages
    assert "/cong-khai/yen-bai/ban-tin/30.pdf" in pages
    assert f"/cong-khai/yen-bai/tin-tuc/{shown.pk}/" in pages
    assert "/cong-khai/yen-bai/trang/lanh-dao/" in pages  # the office's published pages are crawled too
    assert any(url.startswith("/cong-khai/yen-bai/tin-tuc/anh/") for url in pages) is False  # no photo shown
    title = "SHOWN-IN-ENGLISH" if language == "en" else "HIEN-CONG-KHAI"
    assert title in pages[f"/cong-khai/yen-bai/tin-tuc/{shown.pk}/"]
    assert title in pages["/cong-khai/yen-bai/tin-tuc/feed.xml"]
    assert "HIEN-CONG-KHAI" in pages["/cong-khai/yen-bai/ban-tin/30.pdf"]
    assert "HIEN-CONG-KHAI" in pages["/cong-khai/yen-bai/ban-tin/31.pdf"]  # without the withheld article
    leaks = sorted((secret, url) for url, text in pages.items() for secret in secrets if secret in text)
    assert leaks == []
    for article in hidden:
        assert not any(f"/tin-tuc/{article.pk}/" in url for url in pages)


def test_an_unpublished_article_page_and_its_photo_are_not_found(client, planted):
    shown, hidden, _secrets = planted
    for article in hidden:
        assert client.get(f"/cong-khai/yen-bai/tin-tuc/{article.pk}/").status_code == 404
    photo = Article.objects.get(title="BAN-NHAP").images.get()
    assert client.get(f"/cong-khai/yen-bai/tin-tuc/anh/{photo.pk}.jpg").status_code == 404
    assert client.get(f"/cong-khai/other/tin-tuc/{shown.pk}/").status_code == 404
