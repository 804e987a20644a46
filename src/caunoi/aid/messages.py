from caunoi.core.errors import Msg

CODE_REQUIRED = Msg("aid.code_required", "Chưa nhập mã khoản viện trợ.", "The aid item code is missing.")
CODE_TAKEN = Msg(
    "aid.code_taken",
    "Mã khoản viện trợ “{code}” đã có trong cơ quan {office}.",
    "Aid item code “{code}” already exists in office {office}.",
)
TITLE_REQUIRED = Msg("aid.title_required", "Chưa nhập tên khoản viện trợ.", "The aid item title is missing.")
MODALITY_UNKNOWN = Msg(
    "aid.modality_unknown",
    "Hình thức “{value}” không hợp lệ; chọn chương trình, dự án hoặc phi dự án.",
    "Modality “{value}” is not valid; choose programme, project or non-project.",
)
STATUS_UNKNOWN = Msg(
    "aid.status_unknown", "Trạng thái “{value}” không hợp lệ.", "Status “{value}” is not valid."
)
TRANSITION_NOT_ALLOWED = Msg(
    "aid.transition_not_allowed",
    "Không thể chuyển khoản viện trợ {code} từ “{from_status}” sang “{to_status}”; bước tiếp theo được phép: {allowed}.",
    "Aid item {code} cannot go from “{from_status}” to “{to_status}”; allowed next steps: {allowed}.",
)
TRANSITION_BEFORE_PREVIOUS = Msg(
    "aid.transition_before_previous",
    "Ngày {on} sớm hơn bước trước ({previous}).",
    "The date {on} is before the previous step ({previous}).",
)
DATE_IN_FUTURE = Msg(
    "aid.date_in_future",
    "Ngày {on} ở tương lai; chỉ ghi những việc đã xảy ra.",
    "The date {on} is in the future; record only what has happened.",
)
APPROVAL_NEEDS_DECISION = Msg(
    "aid.approval_needs_decision",
    "Phê duyệt phải có số quyết định, ngày quyết định và cơ quan phê duyệt.",
    "An approval needs the decision number, decision date and approving authority.",
)
START_BEFORE_APPROVAL = Msg(
    "aid.start_before_approval",
    "Không thể bắt đầu thực hiện ({on}) trước ngày phê duyệt ({approved_on}).",
    "Implementation cannot start ({on}) before the approval ({approved_on}).",
)
NOT_APPROVED = Msg(
    "aid.not_approved",
    "Khoản viện trợ {code} chưa được phê duyệt nên chưa thể thực hiện.",
    "Aid item {code} is not approved, so it cannot be implemented.",
)
PLANNED_DATES = Msg(
    "aid.planned_dates",
    "Ngày kết thúc kế hoạch phải sau ngày bắt đầu.",
    "The planned end must come after the planned start.",
)
SHARES_TOTAL = Msg(
    "aid.shares_total",
    "Tổng tỷ lệ {what} phải bằng 100% (hiện là {total}%).",
    "The {what_en} shares must total 100% (they total {total}%).",
)
SHARE_RANGE = Msg(
    "aid.share_range",
    "Tỷ lệ {share}% không hợp lệ; phải lớn hơn 0 và không quá 100.",
    "Share {share}% is not valid; it must be above 0 and at most 100.",
)
DUPLICATE_ENTRY = Msg(
    "aid.duplicate_entry",
    "“{name}” được nhập hai lần.",
    "“{name}” is entered twice.",
)
SECTOR_UNKNOWN = Msg("aid.sector_unknown", "Không có lĩnh vực “{value}”.", "There is no sector “{value}”.")
SECTOR_ARCHIVED = Msg(
    "aid.sector_archived",
    "Lĩnh vực “{value}” đã lưu trữ, không dùng được nữa.",
    "Sector “{value}” is archived and can no longer be used.",
)
DAC_CODE_UNKNOWN = Msg(
    "aid.dac_code_unknown",
    "“{code}” không phải mã lĩnh vực OECD DAC.",
    "“{code}” is not an OECD DAC sector code.",
)
ROLE_UNKNOWN = Msg("aid.role_unknown", "Vai trò “{value}” không hợp lệ.", "Role “{value}” is not valid.")
KIND_UNKNOWN = Msg(
    "aid.transaction_kind_unknown",
    "Loại giao dịch “{value}” không hợp lệ; chọn cam kết, giải ngân, chi tiêu hoặc vốn nhận vào.",
    "Transaction type “{value}” is not valid; choose commitment, disbursement, expenditure or incoming funds.",
)
TRANSACTION_STATUS = Msg(
    "aid.transaction_status",
    "Khoản viện trợ {code} ở trạng thái “{status}” nên chưa thể ghi {kind}.",
    "Aid item {code} is “{status}”, so no {kind_en} can be recorded yet.",
)
ITEM_ARCHIVED = Msg(
    "aid.item_archived",
    "Khoản viện trợ {code} đã lưu trữ; hãy khôi phục trước khi sửa.",
    "Aid item {code} is archived; restore it before changing it.",
)
BENEFICIARIES_NEGATIVE = Msg(
    "aid.beneficiaries_negative",
    "Số người hưởng lợi không thể âm.",
    "The number of beneficiaries cannot be negative.",
)
COUNTERPART_CURRENCY = Msg(
    "aid.counterpart_currency",
    "Vốn đối ứng cần cả số tiền và tiền tệ.",
    "Counterpart funds need both an amount and a currency.",
)
FILE_UNREADABLE = Msg(
    "aid.file_unreadable",
    "Không đọc được tệp {path}: {reason}.",
    "Cannot read the file {path}: {reason}.",
)
FILE_TYPE = Msg(
    "aid.file_type",
    "Tệp {path} không phải .xlsx hoặc .csv.",
    "The file {path} is not .xlsx or .csv.",
)
FILE_EMPTY = Msg("aid.file_empty", "Tệp không có dòng dữ liệu nào.", "The file has no data rows.")
HEADER_MISSING = Msg(
    "aid.header_missing",
    "Thiếu cột bắt buộc “{column}”.",
    "The required column “{column}” is missing.",
)
HEADER_UNKNOWN = Msg(
    "aid.header_unknown",
    "Cột “{column}” không thuộc mẫu nhập liệu.",
    "Column “{column}” is not part of the import layout.",
)
CELL_REQUIRED = Msg("aid.cell_required", "Ô này không được để trống.", "This cell must not be empty.")
CELL_DATE = Msg(
    "aid.cell_date",
    "“{value}” không phải ngày hợp lệ (dd/mm/yyyy).",
    "“{value}” is not a valid date (dd/mm/yyyy).",
)
CELL_NUMBER = Msg(
    "aid.cell_number",
    "“{value}” không phải số hợp lệ (viết 1.404.175 hoặc 8612,50).",
    "“{value}” is not a valid number (write 1.404.175 or 8612,50).",
)
CELL_CHOICE = Msg(
    "aid.cell_choice",
    "“{value}” không hợp lệ; chọn một trong: {choices}.",
    "“{value}” is not valid; choose one of: {choices}.",
)
CELL_SHARES = Msg(
    "aid.cell_shares",
    "“{value}” không đúng dạng “Tên (60%); Tên khác (40%)”.",
    "“{value}” is not in the form “Name (60%); Other name (40%)”.",
)
PLACE_UNKNOWN = Msg(
    "aid.place_unknown",
    "Không tìm thấy đơn vị hành chính “{value}”.",
    "No administrative unit “{value}” was found.",
)
PLACE_AMBIGUOUS = Msg(
    "aid.place_ambiguous",
    "“{value}” trùng tên với nhiều đơn vị; ghi thêm tên tỉnh (vd. “Huyện X, Tỉnh Y”).",
    "“{value}” matches several units; add the province (e.g. “Huyện X, Tỉnh Y”).",
)
ROW_CONFLICT = Msg(
    "aid.row_conflict",
    "Cột “{column}” khác với dòng {first_row} của cùng khoản viện trợ {code}.",
    "Column “{column}” differs from row {first_row} of the same aid item {code}.",
)
ITEM_EXISTS_DIFFERENT = Msg(
    "aid.item_exists_different",
    "Khoản viện trợ {code} đã có và khác với tệp ({detail}); hãy sửa trên hệ thống thay vì nhập lại.",
    "Aid item {code} already exists and differs from the file ({detail}); edit it in caunoi instead.",
)
STATUS_NEEDS_DATE = Msg(
    "aid.status_needs_date",
    "Trạng thái “{status}” cần cột “{column}”.",
    "Status “{status}” needs the column “{column}”.",
)
PURGE_NOT_ARCHIVED = Msg(
    "aid.purge_not_archived",
    "Chỉ xóa hẳn được khoản viện trợ đã lưu trữ; hãy lưu trữ {code} trước.",
    "Only an archived aid item can be purged; archive {code} first.",
)
HEADER_DUPLICATE = Msg(
    "aid.header_duplicate",
    "Cột “{column}” có hai lần (cột thứ {first} và thứ {second}); chỉ giữ một.",
    "The column “{column}” appears twice (columns {first} and {second}); keep one.",
)
PROBLEMS_MORE = Msg(
    "aid.problems_more",
    "Chỉ liệt kê {shown} lỗi đầu tiên trong tổng số {total} lỗi.",
    "Only the first {shown} of {total} problems are listed.",
)
# Corrections and closed years
YEAR_CLOSED = Msg(
    "aid.year_closed",
    "Số liệu năm {year} của cơ quan {office} đã khóa (báo cáo năm đã gửi); quản trị cơ quan phải mở lại năm "
    "trước khi ghi hoặc sửa giao dịch ngày {on}.",
    "The {year} figures of office {office} are locked (the annual report was sent); the office administrator "
    "must reopen the year before a transaction dated {on} is recorded or corrected.",
)
YEAR_ALREADY_CLOSED = Msg(
    "aid.year_already_closed", "Năm {year} đã khóa số liệu.", "The {year} figures are already locked."
)
YEAR_NOT_CLOSED = Msg(
    "aid.year_not_closed", "Năm {year} chưa khóa số liệu.", "The {year} figures are not locked."
)
YEAR_NOT_ENDED = Msg(
    "aid.year_not_ended",
    "Năm {year} chưa kết thúc; chỉ khóa số liệu một năm đã qua.",
    "The year {year} has not ended; only a past year's figures can be locked.",
)
REASON_REQUIRED = Msg(
    "aid.reason_required",
    "Cần ghi lý do {what}.",
    "A reason is needed to {what_en}.",
)
TRANSACTION_REVERSED = Msg(
    "aid.transaction_reversed",
    "Giao dịch {what} đã hủy ngày {on}; không sửa hay hủy lại được.",
    "Transaction {what} was reversed on {on}; it can be neither corrected nor reversed again.",
)
NOTHING_CHANGED = Msg(
    "aid.nothing_changed",
    "Giao dịch không thay đổi gì.",
    "The transaction is unchanged.",
)
# --- the spreadsheet's updates (issue 12) ---
FIELD_NOT_UPDATABLE = Msg(
    "aid.field_not_updatable",
    "Cột “{column}” của khoản viện trợ {code} không sửa được bằng tệp (đang là “{before}”); hãy sửa trong trang của khoản viện trợ.",
    "Column “{column}” of aid item {code} cannot be changed by a file (it is “{before}”); change it on the item's page.",
)
TX_MISSING = Msg(
    "aid.tx_missing",
    "Tệp không còn giao dịch {what} của khoản viện trợ {code}; muốn bỏ giao dịch thì hãy hủy nó trong caunoi, kèm lý do.",
    "The file no longer lists the transaction {what} of aid item {code}; to take it out, reverse it in caunoi with a reason.",
)
ROW_LEFT_OUT = Msg(
    "aid.row_left_out",
    "Khoản viện trợ {code} có lỗi ở dòng {row}: {reason}",
    "Aid item {code} has a problem in row {row}: {reason_en}",
)
