"""The annexes of the annual report as one Excel workbook (openpyxl): aid items, breakdowns by sector, donor,
place and modality, the year's transactions, and the cash-aid table of Circular 23/2022/TT-BTC.

Form 01 of Circular 23/2022/TT-BTC (finance reports on foreign non-refundable aid): the circular itself was
found (Bộ Tài chính, 06/4/2022, "Hướng dẫn quản lý tài chính nhà nước đối với nguồn viện trợ không hoàn lại
của nước ngoài thuộc nguồn thu ngân sách nhà nước", text at hoatieu.vn/phap-luat/thong-tu-23-2022-tt-btc-214149),
but the column layout of its form 01 could not be confirmed from the sources at hand. The sheet therefore has
the columns the issue names — opening balance, received, used, closing balance, per item and source — in VND,
and must be checked against the published form before it is filed.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from caunoi.core.cells import Formula
from caunoi.core.models import Office
from caunoi.documents import annex_data as data
from caunoi.documents.xlsx_style import (
    AMOUNT,
    DATE,
    HEADER_ROW,
    INTEGER,
    column,
    data_row,
    titled_sheet,
    total_row,
)
from caunoi.reports.aid import AidSummary, Line, aid_summary
from caunoi.vntext.numbers import format_money

TOTAL = "Tổng cộng"
FIRST = HEADER_ROW + 1


def _sheet(wb: Workbook, name: str) -> Worksheet:
    ws = wb.create_sheet(name)
    return ws


def _items(ws: Worksheet, rows: list[data.ItemRow], subtitle: str, year: int) -> None:
    columns = [
        column("STT", 6),
        column("Mã", 14),
        column("Tên khoản viện trợ", 42),
        column("Hình thức", 12),
        column("Lĩnh vực", 22),
        column("Nhà tài trợ", 30),
        column("Địa bàn", 34),
        column("Ngày phê duyệt", 13, DATE),
        column("Số quyết định", 16),
        column("Vốn cam kết (nguyên tệ)", 22),
        column("Vốn cam kết quy đổi (USD)", 18, AMOUNT, total=True),
        column("Vốn cam kết quy đổi (VND)", 20, INTEGER, total=True),
        column(f"Giải ngân năm {year} (USD)", 18, AMOUNT, total=True),
    ]
    titled_sheet(
        ws,
        "DANH MỤC KHOẢN VIỆN TRỢ ĐƯỢC PHÊ DUYỆT",
        subtitle,
        "Quy đổi theo tỷ giá tại ngày giá trị",
        columns,
    )
    for index, row in enumerate(rows, start=1):
        original = "; ".join(format_money(amount, cur) for cur, amount in sorted(row.committed.items()))
        values = [
            index,
            row.code,
            row.title,
            row.modality,
            row.sector,
            row.donors,
            row.places,
            row.approved_on,
            row.decision,
            original,
            row.committed_usd,
            row.committed_vnd,
            row.disbursed_usd,
        ]
        data_row(ws, HEADER_ROW + index, values, columns)
    total_row(ws, HEADER_ROW + len(rows) + 1, FIRST, columns, TOTAL)


def _lines(ws: Worksheet, title: str, lines: list[Line], subtitle: str, label: str, note: str = "") -> None:
    columns = [
        column("STT", 6),
        column(label, 48),
        column("Số khoản", 10, INTEGER, total=True),
        column("Vốn cam kết (USD)", 18, AMOUNT, total=True),
        column("Vốn cam kết (VND)", 20, INTEGER, total=True),
    ]
    titled_sheet(ws, title, subtitle, note or "Quy đổi theo tỷ giá tại ngày giá trị", columns)
    for index, line in enumerate(lines, start=1):
        values = [index, line.name, line.count, line.committed.usd, line.committed.vnd]
        data_row(ws, HEADER_ROW + index, values, columns)
    total_row(ws, HEADER_ROW + len(lines) + 1, FIRST, columns, TOTAL)


def _transactions(ws: Worksheet, offices: list[Office], year: int, subtitle: str) -> None:
    columns = [
        column("STT", 6),
        column("Mã khoản viện trợ", 14),
        column("Loại giao dịch", 14),
        column("Ngày giá trị", 13, DATE),
        column("Số tiền", 18, AMOUNT),
        column("Tiền tệ", 8),
        column("Bên cấp", 32),
        column("Bên nhận", 32),
        column("Số chứng từ", 14),
        column("Diễn giải", 34),
    ]
    titled_sheet(ws, f"GIAO DỊCH NĂM {year}", subtitle, "Số tiền theo nguyên tệ", columns)
    for index, t in enumerate(data.transactions(offices, year), start=1):
        values = [
            index,
            t.item.code,
            t.get_kind_display(),
            t.value_date,
            t.amount,
            t.currency,
            t.provider.name if t.provider else t.provider_name,
            t.receiver.name if t.receiver else t.receiver_name,
            t.reference,
            t.description,
        ]
        data_row(ws, HEADER_ROW + index, values, columns)


def _cash(ws: Worksheet, office: Office, offices: list[Office], year: int, subtitle: str) -> None:
    columns = [
        column("STT", 6),
        column("Khoản viện trợ", 44),
        column("Nguồn (bên cung cấp)", 32),
        column("Số quyết định phê duyệt", 16),
        column("Số dư đầu kỳ", 18, INTEGER, total=True),
        column("Số tiếp nhận trong kỳ", 18, INTEGER, total=True),
        column("Số đã sử dụng trong kỳ", 18, INTEGER, total=True),
        column("Số dư cuối kỳ", 18, INTEGER, total=True),
        column("Nguyên tệ", 10),
    ]
    titled_sheet(
        ws,
        f"TÌNH HÌNH TIẾP NHẬN, SỬ DỤNG VIỆN TRỢ BẰNG TIỀN NĂM {year} (theo mẫu 01, Thông tư 23/2022/TT-BTC)",
        subtitle,
        "Đơn vị tính: đồng (quy đổi theo tỷ giá tại ngày giá trị)",
        columns,
    )
    rows = data.cash_rows(office, offices, year)
    for index, row in enumerate(rows, start=1):
        r = HEADER_ROW + index
        # The closing balance is a formula: the reader sees that it is opening + received − used.
        values = [
            index,
            row.item,
            row.source,
            row.decision,
            row.opening,
            row.received,
            row.used,
            Formula(f"=E{r}+F{r}-G{r}"),
            ", ".join(sorted(row.currencies)),
        ]
        data_row(ws, r, values, columns)
    total_row(ws, HEADER_ROW + len(rows) + 1, FIRST, columns, TOTAL)


def _articles(ws: Worksheet, offices: list[Office], year: int, subtitle: str) -> None:
    """The list of titles of the external-information section (caunoi.publishing, when installed)."""
    from caunoi.documents.body_publishing import figures_of

    columns = [
        column("STT", 6),
        column("Tiêu đề tin bài", 60),
        column("Tác giả", 24),
        column("Ngày đăng", 13, DATE),
        column("Nơi đăng", 50),
    ]
    titled_sheet(ws, f"DANH MỤC TIN BÀI THÔNG TIN ĐỐI NGOẠI NĂM {year}", subtitle, "Theo nơi đăng", columns)
    figures = figures_of(offices, year)
    for index, row in enumerate(figures.articles if figures else [], start=1):
        values = [index, row.title, row.author, row.first_on, "; ".join(row.channels)]
        data_row(ws, HEADER_ROW + index, values, columns)


def build_workbook(office: Office, year: int, include_predecessors: bool = False) -> Workbook:
    summary: AidSummary = aid_summary(office, year, include_predecessors=include_predecessors)
    offices = summary.offices
    subtitle = f"{office.name} — năm {year}"
    wb = Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    _items(_sheet(wb, "Khoản viện trợ"), data.item_rows(office, offices, year), subtitle, year)
    _lines(_sheet(wb, "Theo lĩnh vực"), "VỐN CAM KẾT THEO LĨNH VỰC", summary.by_sector, subtitle, "Lĩnh vực")
    _lines(
        _sheet(wb, "Theo nhà tài trợ"),
        "VỐN CAM KẾT THEO NHÀ TÀI TRỢ",
        summary.by_donor,
        subtitle,
        "Nhà tài trợ",
    )
    _lines(
        _sheet(wb, "Theo địa bàn"),
        "VỐN CAM KẾT THEO ĐỊA BÀN",
        summary.by_place,
        subtitle,
        "Địa bàn (như khi ghi nhận)",
        "Vốn chia theo tỷ lệ địa bàn; một khoản có thể ở nhiều địa bàn nên tổng số khoản có thể lớn hơn",
    )
    _lines(
        _sheet(wb, "Theo hình thức"), "VỐN CAM KẾT THEO HÌNH THỨC", summary.by_modality, subtitle, "Hình thức"
    )
    _transactions(_sheet(wb, "Giao dịch"), offices, year, subtitle)
    _cash(_sheet(wb, "Mẫu 01 TT23"), office, offices, year, subtitle)
    _articles(_sheet(wb, "Tin bài"), offices, year, subtitle)
    return wb


def render_annexes(office: Office, year: int, include_predecessors: bool = False) -> bytes:
    out = io.BytesIO()
    build_workbook(office, year, include_predecessors).save(out)
    return out.getvalue()
