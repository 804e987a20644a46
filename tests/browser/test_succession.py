"""Issue 12, item 3 in the browser, on the demo: the new Lào Cai union carries on Yên Bái's work.

laocai (editor of the new Lào Cai union, Yên Bái's successor since 1 July 2025) records a disbursement on a
still-running Yên Bái programme; the programme stays Yên Bái's, in Yên Bái's 2022 report and in Lào Cai's
report with its predecessors; yenbai, who stayed a member of Yên Bái only, reads it and can change nothing.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .conftest import UI

pytestmark = pytest.mark.browser
ITEM_URL = re.compile(r".*/aid/(\d+)/$")
COMMITTED_2022 = "1.404.175"


def test_the_successor_carries_on_and_the_former_member_only_reads(ui: UI) -> None:
    page = ui.page(username="laocai")
    page.goto("/aid/?office=&status=implementing&sort=code")
    ui.shot(page, "running-items-of-both-offices")
    row = page.locator("main table tbody tr").filter(has_text="yen-bai").first
    code = row.locator("td").first.inner_text()
    with page.expect_navigation():
        row.get_by_role("link", name=code).click()
    assert ITEM_URL.match(page.url), page.url
    item_url = page.url
    assert "Yên Bái" in page.locator("main").inner_text()  # the item's office, kept

    page.locator("summary", has_text="Ghi giao dịch").click()
    form = page.locator("form[action$='/transactions/']")
    form.get_by_label(re.compile(r"^Loại giao dịch")).select_option(label="Giải ngân")
    form.get_by_label(re.compile(r"^Số tiền")).fill("4321")
    form.get_by_label(re.compile(r"^Tiền tệ")).fill("USD")
    form.get_by_label(re.compile(r"^Ngày giá trị")).fill(dt.date.today().isoformat())
    ui.shot(page, "disbursement-form")
    with page.expect_navigation():
        form.get_by_role("button", name="Ghi giao dịch", exact=True).click()
    assert page.url == item_url
    assert "Đã ghi giao dịch." in page.locator(".messages").inner_text()
    page.locator("summary", has_text="Các giao dịch").click()
    assert "4.321" in page.locator("main table").last.inner_text()
    ui.shot(page, "disbursement-recorded")

    page.goto("/reports/aid/?office=yen-bai&year=2022")
    ui.shot(page, "yen-bai-2022-alone")
    assert COMMITTED_2022 in page.locator("main").inner_text()
    page.goto("/reports/aid/?office=lao-cai&year=2022&predecessors=1")
    ui.shot(page, "lao-cai-2022-with-predecessors")
    assert COMMITTED_2022 in page.locator("main").inner_text()
    page.goto("/reports/aid/?office=lao-cai&year=2022")
    assert COMMITTED_2022 not in page.locator("main").inner_text()

    former = ui.page(username="yenbai")
    former.goto(item_url)
    ui.shot(former, "former-member-reads")
    main = former.locator("main").inner_text()
    assert code in main and "4.321" in former.content()
    assert former.locator("summary", has_text="Ghi giao dịch").count() == 0
    assert former.get_by_role("link", name="Sửa, hủy").count() == 0
    assert former.get_by_role("button", name="Lưu trữ").count() == 0
