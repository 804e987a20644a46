"""A consent withdrawn after publication: an article (or a page) that names the person in its words or in a
photo's caption leaves every public page, the feed, the sitemap, the national page and the bulletin PDF at
once, and comes back if the consent is given again; a person only tagged just loses the tag."""

import datetime as dt

import pytest

from caunoi.core.permissions import SYSTEM
from caunoi.publishing import public
from caunoi.publishing.services import articles, bulletin, pages
from caunoi.publishing.services.images import add_image
from caunoi.relations.services.people import create_person, record_consent, withdraw_consent
from tests.conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]
D = dt.date


@pytest.fixture
def student(yen_bai):  # type: ignore[no-untyped-def]
    person = create_person(
        yen_bai, name="Phonsavanh Keomany", kind="foreign_student", nationality="LA", actor=SYSTEM
    )
    record_consent(person, "name_listing", D(2026, 1, 5), actor=SYSTEM)
    record_consent(person, "photo_use", D(2026, 1, 5), actor=SYSTEM)
    return person


def _public_texts(client, article) -> dict[str, str]:  # type: ignore[no-untyped-def]
    urls = [
        "/cong-khai/",
        "/cong-khai/yen-bai/",
        "/cong-khai/yen-bai/tin-tuc/",
        "/cong-khai/yen-bai/tin-tuc/feed.xml",
        "/cong-khai/sitemap.xml",
    ]
    return {url: client.get(url).content.decode() for url in urls}


def test_a_name_in_the_body_withholds_the_article_until_consent_is_given_again(
    client, published, student, yen_bai
):
    article = published(title="Lưu học sinh Lào đạt giải", body="<p>Em Phonsavanh Keomany đạt giải nhất.</p>")
    issue = bulletin.create_issue(yen_bai, "40", D(2026, 11, 20), actor=SYSTEM)
    bulletin.set_articles(issue, [article], actor=SYSTEM)
    page = f"/cong-khai/yen-bai/tin-tuc/{article.pk}/"
    assert client.get(page).status_code == 200
    withdraw_consent(student, "name_listing", TODAY, actor=SYSTEM)
    assert client.get(page).status_code == 404
    assert client.get("/cong-khai/yen-bai/ban-tin/40.pdf").status_code == 404
    for url, text in _public_texts(client, article).items():
        assert "Phonsavanh" not in text and "Lưu học sinh Lào đạt giải" not in text, url
        assert f"/tin-tuc/{article.pk}/" not in text, url
    assert article.pk in public.withheld([yen_bai.pk])
    record_consent(student, "name_listing", TODAY, actor=SYSTEM)
    assert client.get(page).status_code == 200


def test_a_name_in_a_caption_withholds_the_article_and_its_photo(
    client, published, make_article, student, upload, media
):
    article = make_article(title="Giao lưu văn nghệ")
    articles.set_tags(article, people=[student], actor=SYSTEM)
    photo = add_image(
        article, upload(), caption="Phonsavanh Keomany biểu diễn", alt_text="Một nữ sinh hát", actor=SYSTEM
    )
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    articles.publish(article, actor=SYSTEM)
    photo_url = f"/cong-khai/yen-bai/tin-tuc/anh/{photo.pk}.jpg"
    assert client.get(photo_url).status_code == 200
    withdraw_consent(student, "photo_use", TODAY, actor=SYSTEM)
    assert client.get(f"/cong-khai/yen-bai/tin-tuc/{article.pk}/").status_code == 404
    assert client.get(photo_url).status_code == 404
    for url, text in _public_texts(client, article).items():
        assert "Phonsavanh" not in text and "Giao lưu văn nghệ" not in text, url


def test_a_person_only_tagged_loses_the_tag_but_the_article_stays(client, make_article, student):
    article = make_article(title="Gặp mặt lưu học sinh")
    articles.set_tags(article, people=[student], actor=SYSTEM)
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    articles.publish(article, actor=SYSTEM)
    url = f"/cong-khai/yen-bai/tin-tuc/{article.pk}/"
    assert "Phonsavanh Keomany" in client.get(url).content.decode()
    withdraw_consent(student, "name_listing", TODAY, actor=SYSTEM)
    text = client.get(url).content.decode()
    assert "Gặp mặt lưu học sinh" in text and "Phonsavanh" not in text


def test_a_page_naming_the_person_is_withheld_too(client, student, yen_bai):
    page = pages.create_page(
        yen_bai, title="Lưu học sinh tiêu biểu", body="<p>Phonsavanh Keomany</p>", actor=SYSTEM
    )
    pages.set_published(page, True, actor=SYSTEM)
    url = f"/cong-khai/yen-bai/trang/{page.slug}/"
    assert client.get(url).status_code == 200
    withdraw_consent(student, "name_listing", TODAY, actor=SYSTEM)
    assert client.get(url).status_code == 404
    assert "Lưu học sinh tiêu biểu" not in client.get("/cong-khai/yen-bai/").content.decode()
