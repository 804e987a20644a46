"""A form larger than the server accepts is not sent: the text stays in the form, with a message at its top
(the server could not read it back, and a 413 page would lose it)."""

from __future__ import annotations

from .conftest import UI


def test_a_text_over_the_request_limit_stays_in_the_form(ui: UI) -> None:
    page = ui.page(username="bientap")
    page.goto("/aid/new/")
    limit = int(page.evaluate("document.body.dataset.maxFormBytes"))
    assert limit == 10 * 1024 * 1024  # the settings' default, CAUNOI_MAX_FORM_MB = 10
    page.evaluate("document.body.dataset.maxFormBytes = '3000'")  # a small limit, not a 10 MB text
    text = "Dự án nước sạch cho bản Nậm Búng, " * 200  # 7.000 characters, about 40 KB encoded
    title = page.locator("#id_title")
    description = page.locator("#id_description")
    title.fill("Nước sạch Nậm Búng")
    page.locator("#id_code").fill("LC-KEEP-01")
    description.fill(text)

    page.get_by_role("button", name="Lưu", exact=True).click()

    alert = page.locator("main form .too-big")
    assert alert.inner_text().startswith("Nội dung quá lớn để gửi nên chưa được gửi")
    assert page.url.endswith("/aid/new/")
    assert description.input_value() == text and title.input_value() == "Nước sạch Nậm Búng"
    ui.shot(page, "kept")

    description.fill("Ngắn gọn.")
    page.evaluate("document.body.dataset.maxFormBytes = '100000'")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.wait_for_load_state("load")
    assert page.locator("main form .too-big").count() == 0
