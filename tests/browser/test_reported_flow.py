"""Issue 17: an editor uploads a .docx report of 2019, confirms the figures read from it, and sees them on the
dashboard as reported figures for 2019 — a series apart from the ledger's (which has nothing in 2019)."""

from __future__ import annotations

import io
import re

import pytest

from .conftest import UI

pytestmark = pytest.mark.browser

REPORT = [
    "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH YÊN BÁI",
    "Yên Bái, ngày 08 tháng 01 năm 2020",
    "BÁO CÁO Kết quả công tác viện trợ phi chính phủ nước ngoài năm 2019",
    "Năm 2019, tỉnh Yên Bái đã tiếp nhận 21 chương trình, dự án, phi dự án của 14 tổ chức phi chính phủ nước "
    "ngoài với tổng giá trị cam kết 1.404.155 USD; giải ngân 1.126.430 USD.",
    "Phân theo lĩnh vực: y tế 5 dự án, 457.250 USD; giáo dục và đào tạo 7 dự án, 81.725 USD.",
]


def _docx(path: str) -> None:
    import docx

    document = docx.Document()
    for text in REPORT:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    with open(path, "wb") as out:
        out.write(buffer.getvalue())


def test_upload_a_docx_confirm_its_2019_figures_and_see_them_on_the_dashboard(ui: UI, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bao-cao-2019.docx"
    _docx(str(path))
    page = ui.page(username="bientap")

    page.goto("/reported/upload/")
    ui.shot(page, "upload")
    page.get_by_label(re.compile(r"^Văn bản báo cáo")).set_input_files(str(path))
    page.get_by_label(re.compile(r"^Cơ quan")).select_option("yen-bai")
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc số liệu").click()
    assert re.search(r"/reported/\d+/confirm/$", page.url), page.url
    ui.shot(page, "proposal")
    main = page.locator("main")
    assert "Đã đọc số liệu từ bao-cao-2019.docx" in main.inner_text()
    assert page.get_by_label(re.compile(r"^Từ năm")).input_value() == "2019"
    assert page.get_by_label(re.compile(r"^Số chương trình, dự án, phi dự án")).input_value() == "21"
    assert page.get_by_label(re.compile(r"^Giá trị cam kết")).input_value() == "1.404.155"
    assert page.get_by_label(re.compile(r"^Giá trị giải ngân")).input_value() == "1.126.430"
    assert page.locator("#sector-lines input[name='sectors-0-sector']").input_value() == "Y tế"
    # The reader compares each figure with its sentence, and corrects one: the report had 15 NGOs.
    assert "Năm 2019, tỉnh Yên Bái đã tiếp nhận 21 chương trình" in main.inner_text()
    page.get_by_label(re.compile(r"^Số tổ chức tài trợ")).fill("15")
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận", exact=True).click()
    assert page.url.endswith("/reported/")
    ui.shot(page, "confirmed")
    row = page.locator("#reported-table tbody tr", has_text="bao-cao-2019.docx")
    assert "đã xác nhận (bientap)" in row.inner_text()

    page.goto("/dashboard/?office=yen-bai&year_from=2017&year_to=2021")
    page.wait_for_load_state("networkidle")
    ui.shot(page, "dashboard")
    card = page.locator("#card-years")
    assert "Cột gạch chéo: số liệu theo báo cáo" in card.inner_text()
    card.locator("summary").click()
    reported = card.locator("tbody tr", has_text="Theo báo cáo: bao-cao-2019.docx")
    assert reported.locator("th").inner_text() == "2019"
    assert [c.strip() for c in reported.locator("td").all_inner_texts()] == [
        "21",
        "1.404.155",
        "1.126.430",
        "Theo báo cáo: bao-cao-2019.docx",
    ]
    legend = page.evaluate("() => Chart.getChart('chart-years').data.datasets.map(d => d.label)")
    assert legend == ["Cam kết", "Giải ngân", "Cam kết theo báo cáo", "Giải ngân theo báo cáo"]
    ui.shot(page, "dashboard-table")
