"""Issue 12, item 5 in the browser, on the demo: laocai (editor of the new Lào Cai union, which carries on
Yên Bái's records) records a disbursement in won on a running Yên Bái programme, sees it waiting for a rate,
enters the rate on /rates/ and finds it named on the programme's page beside the converted amount."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .conftest import UI

pytestmark = pytest.mark.browser
ITEM_URL = re.compile(r".*/aid/(\d+)/$")


def test_an_editor_enters_a_rate_and_the_item_page_uses_it(ui: UI) -> None:
    today = dt.date.today()
    page = ui.page(username="laocai")
    page.goto("/aid/?office=&status=implementing&sort=code")
    row = page.locator("main table tbody tr").filter(has_text="yen-bai").first
    code = row.locator("td").first.inner_text()
    with page.expect_navigation():
        row.get_by_role("link", name=code).click()
    assert ITEM_URL.match(page.url), page.url
    item_url = page.url

    page.locator("summary", has_text="Ghi giao dịch").click()
    form = page.locator("form[action$='/transactions/']")
    form.get_by_label(re.compile(r"^Loại giao dịch")).select_option(label="Giải ngân")
    form.get_by_label(re.compile(r"^Số tiền")).fill("7.000.000")
    form.get_by_label(re.compile(r"^Tiền tệ")).fill("KRW")
    form.get_by_label(re.compile(r"^Ngày giá trị")).fill(today.isoformat())
    with page.expect_navigation():
        form.get_by_role("button", name="Ghi giao dịch", exact=True).click()
    page.locator("summary", has_text="Các giao dịch").click()
    waiting = page.locator("main tr").filter(has_text="7.000.000 KRW")
    assert "Chưa quy đổi" in waiting.inner_text()
    ui.shot(page, "waiting-for-a-rate")

    with page.expect_navigation():
        page.locator("nav.main-nav").get_by_role("link", name="Tỷ giá", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Nhập tỷ giá").click()
    form = page.locator("main form")
    form.get_by_label(re.compile(r"^Cơ quan")).select_option(
        label="Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái"
    )
    form.get_by_label(re.compile(r"^Tiền gốc")).fill("KRW")
    form.get_by_label(re.compile(r"^Tiền quy đổi")).fill("USD")
    form.get_by_label(re.compile(r"^Tỷ giá")).fill("0,00072")
    form.get_by_label(re.compile(r"^Áp dụng từ")).fill(today.replace(day=1).isoformat())
    form.get_by_label(re.compile(r"^Nguồn")).select_option(label="Tỷ giá mua của ngân hàng")
    form.get_by_label(re.compile(r"^Căn cứ")).fill("Bảng tỷ giá Vietcombank (thử nghiệm)")
    ui.shot(page, "rate-form")
    with page.expect_navigation():
        form.get_by_role("button", name="Lưu").click()
    assert "Đã ghi tỷ giá." in page.locator(".messages").inner_text()
    listed = page.locator("main table tr").filter(has_text="KRW/USD").inner_text()
    assert "1 KRW = 0,00072 USD" in listed and "laocai" in listed
    ui.shot(page, "rate-listed")

    page.goto(item_url)
    page.locator("summary", has_text="Các giao dịch").click()
    converted = page.locator("main tr").filter(has_text="7.000.000 KRW").inner_text()
    assert "5.040 USD" in converted  # 7.000.000 × 0,00072
    assert "1 KRW = 0,00072 USD (tỷ giá mua của ngân hàng, Bảng tỷ giá Vietcombank (thử nghiệm)" in converted
    ui.shot(page, "rate-used-on-the-item")
    ui.assert_clean(page, "item page")

    viewer = ui.page(username="xem")
    viewer.goto("/rates/?currency=KRW")
    assert "1 KRW = 0,00072 USD" in viewer.locator("main").inner_text()
    assert viewer.get_by_role("link", name="Nhập tỷ giá").count() == 0
    assert viewer.get_by_role("link", name="Sửa", exact=True).count() == 0
