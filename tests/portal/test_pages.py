"""The portal's pages: bilingual, readable without JavaScript, with headings, labels, Open Graph and a sitemap."""

import re

import pytest

from caunoi.aid.models import AidItem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]
# The one script of the public pages: it remembers the text size chosen, which works without it.
TEXT_SIZE_SCRIPT = '<script src="/static/portal/text-size.js">'


def test_the_national_page_lists_every_office(client, yen_bai):
    page = client.get("/cong-khai/").content.decode()
    assert '<html lang="vi">' in page
    assert '<a href="/cong-khai/yen-bai/">' in page
    assert re.findall(r"<script[^>]*>", page) == [TEXT_SIZE_SCRIPT]  # only the text size it remembers


def test_the_office_page_has_filters_totals_charts_and_a_map(client, yen_bai, all_public):
    page = client.get("/cong-khai/yen-bai/", {"year": "2022"}).content.decode()
    for name in ("year", "sector", "donor", "modality", "place"):
        assert f'<label for="f-{name}">' in page and f'id="f-{name}" name="{name}"' in page
    assert page.count("<h1>") == 1
    assert '<option value="2022" selected>' in page
    assert page.count('role="img"') >= 3  # the three bar charts (and the map)
    assert "<svg" in page and "dữ liệu minh họa" in page
    assert re.findall(r"<script[^>]*>", page) == [TEXT_SIZE_SCRIPT]  # only the text size it remembers


def test_the_item_page_in_both_languages(client, yen_bai, all_public):
    item = AidItem.objects.filter(office=yen_bai).exclude(title_en="").order_by("code").first()
    url = f"/cong-khai/yen-bai/khoan/{item.pk}/"
    page = client.get(url).content.decode()
    assert f'<meta property="og:title" content="{item.title}">' in page
    assert f'<meta property="og:url" content="http://testserver{url}">' in page
    assert "Quyết định phê duyệt" in page and "/QĐ-UBND" in page
    assert "dữ liệu minh họa" in page
    client.cookies["django_language"] = "en"
    page = client.get(url).content.decode()
    assert '<html lang="en">' in page
    assert f"<h1>{item.title_en}</h1>" in page
    assert "Approval decision" in page and "illustrative data" in page
    assert re.search(r"/QĐ-UBND, [\d/]+ — <span lang=\"vi\">", page)  # the authority, recorded in Vietnamese


def test_a_title_with_no_english_is_marked_vietnamese_on_english_pages(client, yen_bai, all_public):
    item = AidItem.objects.filter(office=yen_bai).order_by("code").first()
    AidItem.objects.filter(pk=item.pk).update(title_en="")
    client.cookies["django_language"] = "en"
    page = client.get(f"/cong-khai/yen-bai/khoan/{item.pk}/").content.decode()
    assert f'<h1 lang="vi">{item.title}</h1>' in page
    listed = client.get("/cong-khai/yen-bai/").content.decode()
    assert f'<a href="/cong-khai/yen-bai/khoan/{item.pk}/" lang="vi">{item.title}</a>' in listed
    client.cookies["django_language"] = "vi"
    assert f"<h1>{item.title}</h1>" in client.get(f"/cong-khai/yen-bai/khoan/{item.pk}/").content.decode()


def test_the_sitemap_lists_the_public_pages(client, yen_bai, all_public):
    text = client.get("/cong-khai/sitemap.xml").content.decode()
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert "http://testserver/cong-khai/" in locs and "http://testserver/cong-khai/yen-bai/" in locs
    assert {f"http://testserver/cong-khai/yen-bai/khoan/{i.pk}/" for i in all_public} <= set(locs)


def test_the_portal_roots_answer_an_anonymous_visitor(client, yen_bai):
    from caunoi.portal.roots import portal_roots

    for path in [*portal_roots(None), *portal_roots(yen_bai)]:
        assert client.get(path).status_code == 200, path


def test_the_language_switch_is_a_link_that_works_without_signing_in(client, yen_bai):
    page = client.get("/cong-khai/yen-bai/?year=2022").content.decode()
    link = "/language/en/?next=%2Fcong-khai%2Fyen-bai%2F%3Fyear%3D2022"
    assert f'<a href="{link}" lang="en" hreflang="en" translate="no">English</a>' in page
    assert "csrfmiddlewaretoken" not in page and "csrftoken" not in client.cookies
    response = client.get(link)
    assert (response.status_code, response["Location"]) == (302, "/cong-khai/yen-bai/?year=2022")
    page = client.get("/cong-khai/yen-bai/").content.decode()
    assert '<html lang="en">' in page and "Open aid portal" in page
    link = "/language/vi/?next=%2Fcong-khai%2Fyen-bai%2F"
    assert f'<a href="{link}" lang="vi" hreflang="vi" translate="no">Tiếng Việt</a>' in page


@pytest.mark.parametrize("target", ["https://example.org/", "//example.org/", "cong-khai/"])
def test_the_language_link_never_leads_to_another_site(client, target):
    response = client.get("/language/en/", {"next": target})
    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get("/language/xx/").status_code == 404
