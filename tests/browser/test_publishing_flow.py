"""External information in Debian's chromium against the production server (tests/browser/conftest.py): an
editor writes an article about the 2022 talks with Viêng Chăn with a photo, tags the event and the partner,
submits; the approver approves and publishes; the event's staff page lists it; a placement in Báo Yên Bái is
recorded and the annual report of the year counts it. An anonymous visitor reads it on the public site in
Vietnamese and English, and in the Atom feed."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from .conftest import UI

pytestmark = pytest.mark.browser

TITLE = "Yên Bái và Viêng Chăn thống nhất kế hoạch hợp tác giáo dục"
TALKS = "Hội đàm giữa đoàn đại biểu cấp cao tỉnh Yên Bái và tỉnh Viêng Chăn"
ARTICLE_URL = re.compile(r".*/publishing/(\d+)/$")


def field(scope: Any, label: str) -> Any:
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def submit(page: Any, scope: Any, label: str) -> None:
    with page.expect_navigation():
        scope.get_by_role("button", name=label, exact=True).click()


def photo(tmp_path: Path) -> Path:
    path = tmp_path / "hoi-dam.jpg"
    out = io.BytesIO()
    Image.new("RGB", (2000, 1500), (30, 90, 160)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_write_approve_publish_place_and_count(ui: UI, tmp_path: Path) -> None:
    page = ui.page(username="bientap")
    page.goto("/")
    assert page.locator("nav.main-nav a[href='/publishing/']").count() == 1  # the menu entry
    page.goto("/publishing/")
    page.get_by_role("link", name="Viết tin bài").click()
    form = page.locator("main form")
    field(form, "Cơ quan").select_option(label="Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái")
    field(form, "Tiêu đề").fill(TITLE)
    field(form, "Tóm tắt").fill("Hai tỉnh thống nhất đào tạo lưu học sinh Lào tại Yên Bái.")
    field(form, "Nội dung").fill("<p>Buổi hội đàm diễn ra thân mật.</p><script>alert(1)</script>")
    field(form, "Tác giả").fill("Ban Thông tin đối ngoại")
    submit(page, form, "Lưu")
    assert ARTICLE_URL.match(page.url), page.url
    article_url = page.url
    ui.shot(page, "draft")

    page.locator("summary", has_text="Gắn thẻ").click()
    tags = page.locator("form[action$='/tags/']")
    field(tags, "Hoạt động").select_option(label=TALKS)
    field(tags, "Đối tác").select_option(label="Tỉnh Viêng Chăn")
    submit(page, tags, "Lưu")
    assert TALKS in page.locator("#article-tags").inner_text()

    page.locator("summary", has_text="Thêm ảnh").click()
    images = page.locator("form[action$='/images/']")
    field(images, "Ảnh").set_input_files(str(photo(tmp_path)))
    field(images, "Chú thích").fill("Quang cảnh buổi hội đàm")
    field(images, "Mô tả ảnh cho người khiếm thị").fill("Hai đoàn đại biểu ngồi quanh bàn họp")
    submit(page, images, "Tải lên")
    assert page.locator("img[alt='Hai đoàn đại biểu ngồi quanh bàn họp']").count() == 1
    submit(page, page.locator("main"), "Trình duyệt")
    assert page.locator("#article-status").inner_text() == "Chờ duyệt"
    assert page.get_by_role("button", name="Duyệt", exact=True).count() == 0  # an editor does not approve
    ui.shot(page, "submitted")

    boss = ui.page(username="lanhdao")
    boss.goto(article_url)
    submit(boss, boss.locator("main"), "Duyệt")
    submit(boss, boss.locator("main"), "Đăng")
    assert boss.locator("#article-status").inner_text() == "Đã đăng"
    assert "Trang thông tin điện tử của Liên hiệp" in boss.locator("#placements").inner_text()
    ui.shot(boss, "published")

    article_pk = ARTICLE_URL.match(article_url).group(1)  # type: ignore[union-attr]
    visitor = ui.page()  # anonymous: the public site needs no sign-in
    visitor.goto("/cong-khai/yen-bai/tin-tuc/")
    visitor.get_by_role("link", name=TITLE).click()
    visitor.wait_for_url(re.compile(rf".*/cong-khai/yen-bai/tin-tuc/{article_pk}/$"))
    assert visitor.locator("h1").inner_text() == TITLE
    assert visitor.locator("img[alt='Hai đoàn đại biểu ngồi quanh bàn họp']").count() == 1
    assert visitor.locator(".body script").count() == 0
    ui.shot(visitor, "public-vi")
    with visitor.expect_navigation():
        visitor.get_by_role("link", name="English").click()
    assert visitor.locator("html").get_attribute("lang") == "en"
    assert (
        visitor.locator("h1 span[lang='vi']").inner_text() == TITLE
    )  # no English version: marked Vietnamese
    ui.shot(visitor, "public-en")
    feed = visitor.request.get("/cong-khai/yen-bai/tin-tuc/feed.xml")
    assert feed.ok
    assert f"<title>{TITLE}</title>" in feed.text()

    boss.get_by_role("link", name=TALKS).click()
    boss.wait_for_url(re.compile(r".*/relations/events/\d+/$"))
    assert TITLE in boss.locator("#event-articles").inner_text()
    ui.shot(boss, "event")

    boss.goto(article_url)
    boss.locator("summary", has_text="Ghi nơi đăng").click()
    placement = boss.locator("form[action$='/placements/']")
    field(placement, "Kênh").select_option(label="Báo Yên Bái")
    field(placement, "Ngày đăng").fill(dt.date.today().isoformat())
    field(placement, "Số báo, kỳ").fill("5678")
    submit(boss, placement, "Lưu")
    assert "Báo Yên Bái" in boss.locator("#placements").inner_text()
    ui.shot(boss, "placed")

    year = dt.date.today().year
    report = boss.request.get(f"/documents/annual/?office=yen-bai&year={year}&format=md")
    assert report.ok
    text = report.text()
    assert "Báo Yên Bái: 01 tin bài" in text
    assert "Trang thông tin điện tử của Liên hiệp: 01 tin bài" in text
