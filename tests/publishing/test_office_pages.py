"""The pages an office edits for its public website (about, leadership, contacts): who may write and publish
them, their sanitised bilingual texts and history, the staff pages, and the public pages, navigation, sitemap
and `caunoi publish` roots."""

import pytest

from caunoi.core.audit import archive
from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Page
from caunoi.publishing.services import pages
from caunoi.staticsite.roots import roots_for

pytestmark = pytest.mark.django_db


def test_demo_pages_are_public_in_order_and_in_both_languages(client, yen_bai):
    demo = list(Page.objects.filter(office=yen_bai).values_list("slug", "is_published", "is_illustrative"))
    assert demo == [("gioi-thieu", True, False), ("lanh-dao", True, True), ("lien-he", True, True)]
    response = client.get("/cong-khai/yen-bai/trang/gioi-thieu/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Giới thiệu Liên hiệp</h1>" in text
    assert "Hội hữu nghị Việt - Pháp" in text and "Mimasaka" in text
    client.cookies["django_language"] = "en"
    text = client.get("/cong-khai/yen-bai/trang/gioi-thieu/").content.decode()
    assert "<h1>About the union</h1>" in text and "Val-de-Marne" in text
    contacts = client.get("/cong-khai/yen-bai/trang/lien-he/").content.decode()
    assert "illustrative data" in contacts


def test_the_office_home_links_its_pages_in_its_navigation(client, yen_bai):
    text = client.get("/cong-khai/yen-bai/").content.decode()
    nav = text.split('class="office-nav"', 1)[1].split("</nav>", 1)[0]
    assert nav.index('href="/cong-khai/yen-bai/trang/gioi-thieu/">Giới thiệu Liên hiệp<') < nav.index(
        'href="/cong-khai/yen-bai/trang/lanh-dao/">Lãnh đạo<'
    )
    assert 'href="/cong-khai/yen-bai/trang/lien-he/">Liên hệ<' in nav


def test_pages_are_in_the_sitemap_and_the_publish_roots(client, yen_bai):
    sitemap = client.get("/cong-khai/sitemap.xml").content.decode()
    assert "<loc>http://testserver/cong-khai/yen-bai/trang/lanh-dao/</loc>" in sitemap
    assert "/cong-khai/yen-bai/trang/lien-he/" in roots_for(yen_bai)


def test_an_unpublished_or_archived_page_is_not_found_nor_listed(client, yen_bai):
    draft = pages.create_page(yen_bai, title="TRANG-NHAP", body="<p>NOI-DUNG-NHAP</p>", actor=SYSTEM)
    gone = pages.create_page(yen_bai, title="Trang cũ", slug="trang-cu", actor=SYSTEM)
    pages.set_published(gone, True, actor=SYSTEM)
    archive(gone, actor=SYSTEM)
    assert draft.slug == "trang-nhap"
    for slug in ("trang-nhap", "trang-cu"):
        assert client.get(f"/cong-khai/yen-bai/trang/{slug}/").status_code == 404
        assert f"/cong-khai/yen-bai/trang/{slug}/" not in roots_for(yen_bai)
    for url in ("/cong-khai/yen-bai/", "/cong-khai/sitemap.xml"):
        text = client.get(url).content.decode()
        assert "trang-nhap" not in text and "TRANG-NHAP" not in text and "trang-cu" not in text


def test_texts_are_sanitised_and_each_change_kept(yen_bai, staff):
    page = pages.create_page(
        yen_bai,
        title="Cơ cấu tổ chức",
        body='<p onclick="x()">Các ban<script>alert(1)</script></p>',
        body_en="<p>Departments<iframe src=x></iframe></p>",
        actor=staff["editor"],
    )
    assert (page.slug, page.body, page.body_en) == ("co-cau-to-chuc", "<p>Các ban</p>", "<p>Departments</p>")
    pages.update_page(page, title="Cơ cấu tổ chức Liên hiệp", actor=staff["editor"])
    pages.set_published(page, True, actor=staff["approver"])
    rows = list(page.history.order_by("history_id"))
    assert [(r.title, r.is_published, r.history_user) for r in rows] == [
        ("Cơ cấu tổ chức", False, staff["editor"]),
        ("Cơ cấu tổ chức Liên hiệp", False, staff["editor"]),
        ("Cơ cấu tổ chức Liên hiệp", True, staff["approver"]),
    ]
    assert rows[-1].history_change_reason == "published"


def test_who_may_write_and_publish(yen_bai, staff):
    with pytest.raises(RuleError) as refused:
        pages.create_page(yen_bai, title="Không được", actor=staff["viewer"])
    assert refused.value.code == "permission.denied"
    page = pages.create_page(yen_bai, title="Hoạt động", actor=staff["editor"])
    with pytest.raises(RuleError) as refused:
        pages.set_published(page, True, actor=staff["editor"])
    assert refused.value.code == "permission.denied"
    pages.set_published(page, True, actor=staff["approver"])
    with pytest.raises(RuleError) as refused:
        pages.update_page(page, body="<p>Sửa khi đang công khai</p>", actor=staff["editor"])
    assert refused.value.code == "publishing.page_published_needs_decide"
    pages.update_page(page, body="<p>Lãnh đạo sửa</p>", actor=staff["approver"])
    page.refresh_from_db()
    assert page.body == "<p>Lãnh đạo sửa</p>"


def test_slug_rules(yen_bai):
    with pytest.raises(RuleError) as refused:
        pages.create_page(yen_bai, title="Giới thiệu", slug="gioi-thieu", actor=SYSTEM)
    assert refused.value.code == "publishing.page_slug_taken"
    with pytest.raises(RuleError) as refused:
        pages.create_page(yen_bai, title="Sai", slug="Sai Đường/Dẫn", actor=SYSTEM)
    assert refused.value.code == "publishing.page_slug_invalid"
    assert "chữ thường không dấu" in refused.value.vi
    assert "lower-case" in refused.value.en


def test_staff_pages(login, yen_bai):
    editor = login("bientap")
    assert "Giới thiệu Liên hiệp" in editor.get("/publishing/pages/").content.decode()
    response = editor.post(
        "/publishing/pages/new/",
        {"office": yen_bai.pk, "title": "Hợp tác quốc tế", "body": "<p>Đối tác</p>", "position": 4},
    )
    page = Page.objects.get(office=yen_bai, slug="hop-tac-quoc-te")
    assert response.status_code == 302 and response["Location"] == f"/publishing/pages/{page.pk}/"
    text = editor.get(f"/publishing/pages/{page.pk}/").content.decode()
    assert "Chưa công khai" in text and 'id="page-history"' in text
    assert editor.post(f"/publishing/pages/{page.pk}/publish/", {"published": "1"}).status_code == 302
    page.refresh_from_db()
    assert page.is_published is False  # an editor may not publish
    approver = login("lanhdao")
    approver.post(f"/publishing/pages/{page.pk}/publish/", {"published": "1"})
    page.refresh_from_db()
    assert page.is_published is True
    viewer = login("xem")
    assert viewer.get("/publishing/pages/new/").status_code == 403
    viewer.cookies["django_language"] = "en"
    assert "Pages about the office" in viewer.get("/publishing/pages/").content.decode()
