"""The Excel annexes read back with openpyxl: sheets, formatting, SUM formulas and the rows they add up."""

import io
from decimal import Decimal

import openpyxl
import pytest

pytestmark = pytest.mark.django_db
FIRST = 5  # header on row 4


@pytest.fixture
def workbook(render):  # type: ignore[no-untyped-def]
    return openpyxl.load_workbook(io.BytesIO(render("xlsx").content))


def _column(ws, letter: str) -> tuple[list, str]:  # type: ignore[no-untyped-def]
    """The data values of a column, and the formula of its total row (the last row)."""
    values = [ws[f"{letter}{row}"].value for row in range(FIRST, ws.max_row)]
    return values, ws[f"{letter}{ws.max_row}"].value


def test_one_workbook_with_every_annex(workbook):
    assert workbook.sheetnames == [
        "Khoản viện trợ",
        "Theo lĩnh vực",
        "Theo nhà tài trợ",
        "Theo địa bàn",
        "Theo hình thức",
        "Giao dịch",
        "Mẫu 01 TT23",
        "Tin bài",
    ]


@pytest.mark.parametrize(
    ("sheet", "letter", "rows"),
    [
        ("Khoản viện trợ", "K", 21),
        ("Theo lĩnh vực", "D", 5),
        ("Theo nhà tài trợ", "D", 8),
        ("Theo địa bàn", "D", 9),
        ("Theo hình thức", "D", 3),
    ],
)
def test_committed_usd_rows_add_up_to_the_total_under_a_sum_formula(workbook, sheet, letter, rows):
    ws = workbook[sheet]
    values, total = _column(ws, letter)
    assert len(values) == rows
    assert sum(Decimal(str(v)) for v in values) == Decimal(1404175)
    assert total == f"=SUM({letter}{FIRST}:{letter}{FIRST + rows - 1})"
    assert ws[f"B{ws.max_row}"].value == "Tổng cộng" and ws[f"B{ws.max_row}"].font.b


def test_sector_counts_add_up_to_21(workbook):
    values, total = _column(workbook["Theo lĩnh vực"], "C")
    assert sum(values) == 21 and total == "=SUM(C5:C9)"


def test_formatted_times_new_roman_bold_headers_number_formats_frozen(workbook):
    ws = workbook["Theo lĩnh vực"]
    header = ws["B4"]
    assert header.value == "Lĩnh vực" and header.font.b and header.font.name == "Times New Roman"
    assert ws["C5"].number_format == "#,##0" and ws["E5"].number_format == "#,##0"
    assert ws["A5"].font.name == "Times New Roman"
    assert ws.freeze_panes == "A5"
    assert ws.column_dimensions["B"].width == 48


def test_cash_aid_table_of_form_01_has_balances_per_item_and_source(workbook):
    ws = workbook["Mẫu 01 TT23"]
    headers = [c.value for c in ws[4]]
    assert headers[1:8] == [
        "Khoản viện trợ",
        "Nguồn (bên cung cấp)",
        "Số quyết định phê duyệt",
        "Số dư đầu kỳ",
        "Số tiếp nhận trong kỳ",
        "Số đã sử dụng trong kỳ",
        "Số dư cuối kỳ",
    ]
    assert ws["H5"].value == "=E5+F5-G5"
    last = ws.max_row
    assert [ws[f"{c}{last}"].value for c in "EFGH"] == [f"=SUM({c}5:{c}{last - 1})" for c in "EFGH"]
    received = sum(ws[f"F{row}"].value for row in range(5, last))
    # Every disbursement of 2022 is cash received in 2022, in VND (USD at the demo's 23.500 rate).
    transactions = workbook["Giao dịch"]
    disbursed_vnd = sum(
        (row[4] * (23500 if row[5] == "USD" else 1))
        for row in transactions.iter_rows(min_row=5, values_only=True)
        if row[2] == "Giải ngân"
    )
    assert received == disbursed_vnd


def test_a_formula_in_a_record_is_written_as_text_and_the_totals_stay_formulas(render, yen_bai):
    from caunoi.aid.models import AidItem
    from caunoi.core.cells import FORMULA_STARTS

    dde = "=cmd|' /C calc'!A0"
    AidItem.objects.filter(office=yen_bai, code="YB-2022-01").update(title=dde)
    ws = openpyxl.load_workbook(io.BytesIO(render("xlsx").content))["Khoản viện trợ"]
    titles = [ws[f"C{row}"] for row in range(FIRST, ws.max_row)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in titles if c.value == dde] == [(dde, "s", True)]
    assert ws[f"K{ws.max_row}"].data_type == "f" and ws[f"K{ws.max_row}"].value.startswith("=SUM(")
    texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.quotePrefix or c.data_type == "f" for c in texts if c.value.startswith(FORMULA_STARTS))
