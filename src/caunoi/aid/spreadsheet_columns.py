"""The column dictionary of the aid spreadsheet: what each column holds, in Vietnamese and English, with an
example. The template's second sheet and docs/aid-spreadsheet-columns.csv are both written from it (a test
keeps the document in step)."""

from __future__ import annotations

import csv
from io import StringIO

from caunoi.aid.spreadsheet_layout import COLUMNS

# key: (what it holds in Vietnamese, in English, an example)
DICTIONARY: dict[str, tuple[str, str, str]] = {
    "code": (
        "Mã khoản viện trợ, không trùng trong cơ quan; mã đã có thì dòng sửa khoản đó",
        "The item's code, unique in the office; an existing code updates that item",
        "YB-2022-01",
    ),
    "modality": ("Chương trình, Dự án hoặc Phi dự án", "Programme, project or non-project", "Dự án"),
    "title": ("Tên khoản viện trợ", "The item's title", "Giếng nước sạch cho xã Trạm Tấu"),
    "title_en": ("Tên tiếng Anh (không bắt buộc)", "English title (optional)", "Clean water wells"),
    "status": (
        "Trạng thái hiện tại (mặc định Đề xuất)",
        "Current status (default: proposal)",
        "Đang thực hiện",
    ),
    "status_date": ("Ngày đạt trạng thái đó", "The date the status was reached", "10/05/2022"),
    "decision_number": (
        "Số quyết định phê duyệt (bắt buộc từ Đã phê duyệt trở đi)",
        "Approval decision number (required from approved on)",
        "7/QĐ-UBND",
    ),
    "decision_date": ("Ngày quyết định phê duyệt", "Approval decision date", "05/04/2022"),
    "authority": ("Cơ quan hoặc người phê duyệt", "Approving authority", "Chủ tịch UBND tỉnh"),
    "actual_start": (
        "Ngày bắt đầu thực hiện (bắt buộc từ Đang thực hiện)",
        "Actual start (required from implementing on)",
        "10/05/2022",
    ),
    "actual_end": ("Ngày hoàn thành", "Actual completion date", "30/12/2022"),
    "funding": (
        "Nhà tài trợ, cách nhau bằng dấu ;; tên chưa có sẽ được tạo",
        "Donors, separated by ;; unknown names are created",
        "Tổ chức Tầm nhìn Thế giới",
    ),
    "line_agency": ("Cơ quan chủ quản", "Line agency", "UBND tỉnh Yên Bái"),
    "owner": ("Chủ khoản viện trợ", "Aid owner", "UBND huyện Trạm Tấu"),
    "implementing": ("Đơn vị thực hiện", "Implementing organisations", "Hội Chữ thập đỏ tỉnh"),
    "sectors": (
        "Lĩnh vực và tỷ lệ, tổng 100%; một lĩnh vực có thể bỏ (100%)",
        "Sectors with shares totalling 100%; a single one may omit its 100%",
        "Y tế (60%); Giáo dục và đào tạo (40%)",
    ),
    "places": (
        "Địa bàn như đã ghi (đơn vị, tỉnh) và tỷ lệ, tổng 100%",
        "Places as recorded (unit, province) with shares totalling 100%",
        "Huyện Trạm Tấu, Tỉnh Yên Bái",
    ),
    "planned_start": ("Ngày bắt đầu theo kế hoạch", "Planned start", "01/04/2022"),
    "planned_end": ("Ngày kết thúc theo kế hoạch", "Planned end", "31/12/2023"),
    "beneficiaries_count": ("Số người hưởng lợi", "Number of beneficiaries", "1.200"),
    "beneficiary_groups": ("Nhóm hưởng lợi", "Beneficiary groups", "Trẻ em, phụ nữ dân tộc Mông"),
    "counterpart_amount": ("Vốn đối ứng (số tiền)", "Counterpart funds (amount)", "150.000.000"),
    "counterpart_currency": (
        "Mã tiền tệ của vốn đối ứng (ISO 4217)",
        "Currency of the counterpart funds (ISO 4217)",
        "VND",
    ),
    "illustrative": ("“có” nếu là dữ liệu minh họa", "“có” for illustrative records", ""),
    "tx_kind": (
        "Loại giao dịch: Cam kết, Giải ngân, Chi tiêu, Vốn nhận vào; mỗi giao dịch một dòng",
        "Transaction kind; one row per transaction",
        "Cam kết",
    ),
    "tx_amount": (
        "Số tiền, viết kiểu Việt Nam hoặc ô số",
        "Amount, Vietnamese style or a number cell",
        "12.500,50",
    ),
    "tx_currency": ("Mã tiền tệ (ISO 4217)", "Currency code (ISO 4217)", "USD"),
    "tx_date": ("Ngày giá trị của giao dịch", "Value date of the transaction", "05/04/2022"),
    "tx_provider": ("Bên cấp tiền", "Provider of the money", "Tổ chức Tầm nhìn Thế giới"),
    "tx_receiver": ("Bên nhận tiền", "Receiver of the money", "UBND huyện Trạm Tấu"),
    "tx_reference": ("Số chứng từ", "Reference (voucher number)", "GN-2022-015"),
}
DICTIONARY_HEADERS = [
    "Cột / Column",
    "Mã / Key",
    "Bắt buộc / Required",
    "Nội dung",
    "Content",
    "Ví dụ / Example",
]


def dictionary_rows() -> list[list[str]]:
    """One row per column of the layout, in its order."""
    return [[c.header, c.key, "có / yes" if c.required else "", *DICTIONARY[c.key]] for c in COLUMNS]


def dictionary_csv() -> str:
    """docs/aid-spreadsheet-columns.csv (`python tools/aid_spreadsheet_columns.py` writes it)."""
    out = StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DICTIONARY_HEADERS)
    writer.writerows(dictionary_rows())
    return out.getvalue()
