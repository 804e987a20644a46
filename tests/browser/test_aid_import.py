"""Spreadsheets in the browser (issue 12, item 6): the editor downloads Yên Bái's items in the import layout,
changes one cell in it (with openpyxl, as Excel would), uploads it, sees that one change before → after in the
preview, confirms, and finds the item changed."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from .conftest import UI

pytestmark = pytest.mark.browser
TITLE_EN = "Tên tiếng Anh"


def test_download_change_upload_preview_confirm(ui: UI, tmp_path: Path) -> None:
    page: Any = ui.page(username="bientap")
    page.goto("/aid/")
    with page.expect_navigation():
        page.get_by_role("link", name="Nhập hoặc sửa từ bảng tính").click()
    ui.shot(page, "upload-form")
    with page.expect_download() as download:
        page.locator("a[href='/aid/import/export/?office=yen-bai']").click()
    path = tmp_path / "khoan-vien-tro.xlsx"
    download.value.save_as(path)
    book = load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    column = headers.index(TITLE_EN) + 1
    code = sheet.cell(row=2, column=1).value
    old = sheet.cell(row=2, column=column).value or ""
    new = (old + " (phase 2)").strip()
    sheet.cell(row=2, column=column).value = new
    book.save(path)

    page.get_by_label(re.compile(r"^Bảng tính")).set_input_files(str(path))
    page.get_by_label(re.compile(r"^Nhập vào cơ quan")).select_option("yen-bai")
    with page.expect_navigation():
        page.get_by_role("button", name="Kiểm tra và xem trước").click()
    ui.shot(page, "preview")
    assert page.locator("dd[data-count=changed]").inner_text() == "1"
    assert page.locator("dd[data-count=invalid]").inner_text() == "0"
    changed = page.locator("tr.outcome-changed")
    assert changed.count() == 1
    assert changed.locator("td").nth(1).inner_text() == code
    assert changed.locator("ul.changes li").inner_text() == f"{TITLE_EN}: {old or '—'} → {new}"

    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận nhập").click()
    ui.shot(page, "result")
    assert "Đã lưu." in page.locator(".messages").inner_text()
    page.goto("/aid/?q=" + code)
    with page.expect_navigation():
        page.get_by_role("link", name=code, exact=True).click()
    assert new in page.locator("main").inner_text()
