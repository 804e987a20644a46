"""The spreadsheet layout staff use for aid items: one row per transaction (an item without money takes one
row with the money columns empty); the item's own columns repeat on each of its rows, or stay empty after
the first. The same layout serves .xlsx and .csv, for import and export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    item_level: bool = True


COLUMNS = [
    Column("code", "Mã khoản viện trợ", required=True),
    Column("modality", "Hình thức", required=True),
    Column("title", "Tên khoản viện trợ", required=True),
    Column("title_en", "Tên tiếng Anh"),
    Column("status", "Trạng thái"),
    Column("status_date", "Ngày trạng thái"),
    Column("decision_number", "Số quyết định phê duyệt"),
    Column("decision_date", "Ngày quyết định"),
    Column("authority", "Cơ quan phê duyệt"),
    Column("actual_start", "Ngày bắt đầu thực hiện"),
    Column("actual_end", "Ngày hoàn thành"),
    Column("funding", "Nhà tài trợ"),
    Column("line_agency", "Cơ quan chủ quản"),
    Column("owner", "Chủ khoản viện trợ"),
    Column("implementing", "Đơn vị thực hiện"),
    Column("sectors", "Lĩnh vực"),
    Column("places", "Địa bàn"),
    Column("planned_start", "Bắt đầu theo kế hoạch"),
    Column("planned_end", "Kết thúc theo kế hoạch"),
    Column("beneficiaries_count", "Số người hưởng lợi"),
    Column("beneficiary_groups", "Nhóm hưởng lợi"),
    Column("counterpart_amount", "Vốn đối ứng"),
    Column("counterpart_currency", "Tiền tệ vốn đối ứng"),
    Column("illustrative", "Dữ liệu minh họa"),
    Column("tx_kind", "Loại giao dịch", item_level=False),
    Column("tx_amount", "Số tiền", item_level=False),
    Column("tx_currency", "Tiền tệ", item_level=False),
    Column("tx_date", "Ngày giá trị", item_level=False),
    Column("tx_provider", "Bên cấp", item_level=False),
    Column("tx_receiver", "Bên nhận", item_level=False),
    Column("tx_reference", "Số chứng từ", item_level=False),
]
BY_HEADER = {c.header: c for c in COLUMNS}
BY_KEY = {c.key: c for c in COLUMNS}
ITEM_KEYS = [c.key for c in COLUMNS if c.item_level]
TX_KEYS = [c.key for c in COLUMNS if not c.item_level]
YES, NO = "có", "không"
# The column a file of left-out rows adds (`spreadsheet_leftout`); read back, it is ignored.
LEFT_OUT_HEADER = {"vi": "Lý do chưa nhập", "en": "Why it was left out"}
