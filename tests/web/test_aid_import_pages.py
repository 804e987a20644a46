"""The aid spreadsheet pages: upload → preview (each item new / changed with its cells before → after /
unchanged / invalid with its rule message) → confirm; the uploaded file kept under the data folder for the
uploader alone and removed on confirmation; bad files get a message on the form; viewers the refusal page."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import load_workbook

from caunoi.aid.models import AidItem, Transaction
from caunoi.aid.spreadsheet_layout import COLUMNS

pytestmark = pytest.mark.django_db
HEADERS = [c.header for c in COLUMNS]
URL = "/aid/import/"


@pytest.fixture(autouse=True)
def data_dir(tmp_path):  # type: ignore[no-untyped-def]
    with override_settings(DATA_DIR=tmp_path):
        yield tmp_path


def exported(client: Any) -> Any:
    response = client.get("/aid/import/export/?office=yen-bai")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def upload(client: Any, book: Any, name: str = "aid.xlsx", **data: str) -> Any:
    out = io.BytesIO()
    book.save(out)
    return client.post(URL, {"file": SimpleUploadedFile(name, out.getvalue()), "office": "yen-bai", **data})


def test_an_exported_file_with_a_changed_title_is_previewed_then_saved(login, data_dir):
    client = login("bientap")
    book = exported(client)
    sheet = book.active
    title = HEADERS.index("Tên khoản viện trợ") + 1
    code = sheet.cell(row=2, column=1).value
    old = sheet.cell(row=2, column=title).value
    sheet.cell(row=2, column=title).value = old + " (sửa)"

    response = upload(client, book)

    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert '<dd data-count="changed">1</dd>' in page and '<dd data-count="unchanged">20</dd>' in page
    assert f"<del>{old}</del> → <ins>{old} (sửa)</ins>" in page
    assert AidItem.objects.get(office__code="yen-bai", code=code).title == old
    [folder] = (data_dir / "uploads" / "aid-import").iterdir()

    done = client.post(response["Location"], {"mode": "all"})

    assert done.status_code == 302
    assert AidItem.objects.get(office__code="yen-bai", code=code).title == old + " (sửa)"
    assert "Đã lưu." in client.get(response["Location"]).content.decode()
    assert [p.name for p in folder.iterdir()] == ["meta.json"]  # the upload is gone
    assert client.post(response["Location"], {"mode": "all"}).status_code == 200  # not twice


def test_an_invalid_row_saves_nothing_unless_only_valid_rows_are_asked_for(login):
    client = login("bientap")
    book = exported(client)
    sheet = book.active
    amount = HEADERS.index("Số tiền") + 1
    sheet.cell(row=2, column=amount).value = "nhiều"
    title = HEADERS.index("Tên khoản viện trợ") + 1
    last_first_row = max(r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=title).value)
    sheet.cell(row=last_first_row, column=title).value = "Tên mới"
    before = Transaction.history.count(), AidItem.history.count()

    preview = client.get(upload(client, book)["Location"])

    page = preview.content.decode()
    assert '<dd data-count="invalid">1</dd>' in page and '<dd data-count="changed">1</dd>' in page
    assert "Số tiền “nhiều”" in page or "nhiều" in page
    assert 'value="valid-only"' in page and 'value="all"' not in page
    token_url = preview.request["PATH_INFO"]
    left_out = client.get(token_url + "left-out/")
    rows = list(load_workbook(io.BytesIO(left_out.content)).active.iter_rows(values_only=True))
    assert rows[0][-1] == "Lý do chưa nhập" and len(rows) > 1
    assert (Transaction.history.count(), AidItem.history.count()) == before

    client.post(token_url, {"mode": "valid-only"})

    assert AidItem.objects.filter(office__code="yen-bai", title="Tên mới").count() == 1
    assert Transaction.history.count() == before[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("aid.txt", b"x", "Chỉ nhận tệp .xlsx hoặc .csv."),
        ("aid.xlsx", b"not a workbook", "Không đọc được tệp"),
        ("aid.csv", "Tên khoản viện trợ\nA\n".encode(), "Thiếu cột bắt buộc"),
    ],
)
def test_a_bad_file_gets_a_message_on_the_form(login, data_dir, name, content, message):
    client = login("bientap")
    response = client.post(URL, {"file": SimpleUploadedFile(name, content), "office": "yen-bai"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (
        not any((data_dir / "uploads" / "aid-import").glob("*")) if (data_dir / "uploads").exists() else True
    )


def test_a_file_over_the_limit_is_refused(login):
    client = login("bientap")
    with override_settings(MAX_UPLOAD_MB=0):
        response = client.post(URL, {"file": SimpleUploadedFile("a.csv", b"x"), "office": "yen-bai"})
    assert response.status_code == 400 and "Tệp lớn hơn 0 MB" in response.content.decode()


def test_a_viewer_gets_the_refusal_page_and_another_user_no_preview(login):
    assert login("xem").get(URL).status_code == 403
    client = login("bientap")
    location = upload(client, exported(client))["Location"]
    other = login("quantri")
    assert other.get(location).status_code == 404


def test_the_template_has_the_column_dictionary_and_lists(login):
    response = login("bientap").get("/aid/import/template/?office=yen-bai")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Khoản viện trợ", "Từ điển cột", "Danh mục"]
    assert [c.value for c in book["Khoản viện trợ"][1]] == HEADERS
    assert [r[0] for r in book["Từ điển cột"].iter_rows(min_row=2, values_only=True)] == HEADERS
    rules = {str(r.sqref): r.formula1 for r in book["Khoản viện trợ"].data_validations.dataValidation}
    sectors = HEADERS.index("Lĩnh vực")
    lists = book["Danh mục"]
    assert "Y tế" in [c.value for c in lists["D"]]
    assert len(rules) == 6 and any(f.startswith("'Danh mục'!$D$2") for f in rules.values())
    assert Decimal(sectors) >= 0
