from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

CODE_REQUIRED = Msg("aid.code_required", _("Chưa nhập mã khoản viện trợ."))
CODE_TAKEN = Msg(
    "aid.code_taken",
    _("Mã khoản viện trợ “{code}” đã có trong cơ quan {office}."),
)
TITLE_REQUIRED = Msg("aid.title_required", _("Chưa nhập tên khoản viện trợ."))
MODALITY_UNKNOWN = Msg(
    "aid.modality_unknown",
    _("Hình thức “{value}” không hợp lệ; chọn chương trình, dự án hoặc phi dự án."),
)
STATUS_UNKNOWN = Msg("aid.status_unknown", _("Trạng thái “{value}” không hợp lệ."))
TRANSITION_NOT_ALLOWED = Msg(
    "aid.transition_not_allowed",
    _(
        "Không thể chuyển khoản viện trợ {code} từ “{from_status}” sang “{to_status}”; bước tiếp theo được phép: {allowed}."
    ),
)
TRANSITION_BEFORE_PREVIOUS = Msg(
    "aid.transition_before_previous",
    _("Ngày {on} sớm hơn bước trước ({previous})."),
)
DATE_IN_FUTURE = Msg(
    "aid.date_in_future",
    _("Ngày {on} ở tương lai; chỉ ghi những việc đã xảy ra."),
)
APPROVAL_NEEDS_DECISION = Msg(
    "aid.approval_needs_decision",
    _("Phê duyệt phải có số quyết định, ngày quyết định và cơ quan phê duyệt."),
)
START_BEFORE_APPROVAL = Msg(
    "aid.start_before_approval",
    _("Không thể bắt đầu thực hiện ({on}) trước ngày phê duyệt ({approved_on})."),
)
NOT_APPROVED = Msg(
    "aid.not_approved",
    _("Khoản viện trợ {code} chưa được phê duyệt nên chưa thể thực hiện."),
)
PLANNED_DATES = Msg(
    "aid.planned_dates",
    _("Ngày kết thúc kế hoạch phải sau ngày bắt đầu."),
)
SHARES_TOTAL = Msg(
    "aid.shares_total",
    _("Tổng tỷ lệ {what} phải bằng 100% (hiện là {total}%)."),
)
SHARE_RANGE = Msg(
    "aid.share_range",
    _("Tỷ lệ {share}% không hợp lệ; phải lớn hơn 0 và không quá 100."),
)
DUPLICATE_ENTRY = Msg(
    "aid.duplicate_entry",
    _("“{name}” được nhập hai lần."),
)
SECTOR_UNKNOWN = Msg("aid.sector_unknown", _("Không có lĩnh vực “{value}”."))
SECTOR_ARCHIVED = Msg(
    "aid.sector_archived",
    _("Lĩnh vực “{value}” đã lưu trữ, không dùng được nữa."),
)
DAC_CODE_UNKNOWN = Msg(
    "aid.dac_code_unknown",
    _("“{code}” không phải mã lĩnh vực OECD DAC."),
)
ROLE_UNKNOWN = Msg("aid.role_unknown", _("Vai trò “{value}” không hợp lệ."))
KIND_UNKNOWN = Msg(
    "aid.transaction_kind_unknown",
    _("Loại giao dịch “{value}” không hợp lệ; chọn cam kết, giải ngân, chi tiêu hoặc vốn nhận vào."),
)
TRANSACTION_STATUS = Msg(
    "aid.transaction_status",
    _("Khoản viện trợ {code} ở trạng thái “{status}” nên chưa thể ghi {kind}."),
)
ITEM_ARCHIVED = Msg(
    "aid.item_archived",
    _("Khoản viện trợ {code} đã lưu trữ; hãy khôi phục trước khi sửa."),
)
BENEFICIARIES_NEGATIVE = Msg(
    "aid.beneficiaries_negative",
    _("Số người hưởng lợi không thể âm."),
)
COUNTERPART_CURRENCY = Msg(
    "aid.counterpart_currency",
    _("Vốn đối ứng cần cả số tiền và tiền tệ."),
)
FILE_UNREADABLE = Msg(
    "aid.file_unreadable",
    _("Không đọc được tệp {path}: {reason}."),
)
FILE_TYPE = Msg(
    "aid.file_type",
    _("Tệp {path} không phải .xlsx hoặc .csv."),
)
FILE_EMPTY = Msg("aid.file_empty", _("Tệp không có dòng dữ liệu nào."))
HEADER_MISSING = Msg(
    "aid.header_missing",
    _("Thiếu cột bắt buộc “{column}”."),
)
HEADER_UNKNOWN = Msg(
    "aid.header_unknown",
    _("Cột “{column}” không thuộc mẫu nhập liệu."),
)
CELL_REQUIRED = Msg("aid.cell_required", _("Ô này không được để trống."))
CELL_DATE = Msg(
    "aid.cell_date",
    _("“{value}” không phải ngày hợp lệ (dd/mm/yyyy)."),
)
CELL_NUMBER = Msg(
    "aid.cell_number",
    _("“{value}” không phải số hợp lệ (viết 1.404.175 hoặc 8612,50)."),
)
CELL_CHOICE = Msg(
    "aid.cell_choice",
    _("“{value}” không hợp lệ; chọn một trong: {choices}."),
)
CELL_SHARES = Msg(
    "aid.cell_shares",
    _("“{value}” không đúng dạng “Tên (60%); Tên khác (40%)”."),
)
PLACE_UNKNOWN = Msg(
    "aid.place_unknown",
    _("Không tìm thấy đơn vị hành chính “{value}”."),
)
PLACE_AMBIGUOUS = Msg(
    "aid.place_ambiguous",
    _("“{value}” trùng tên với nhiều đơn vị; ghi thêm tên tỉnh (vd. “Huyện X, Tỉnh Y”)."),
)
ROW_CONFLICT = Msg(
    "aid.row_conflict",
    _("Cột “{column}” khác với dòng {first_row} của cùng khoản viện trợ {code}."),
)
ITEM_EXISTS_DIFFERENT = Msg(
    "aid.item_exists_different",
    _("Khoản viện trợ {code} đã có và khác với tệp ({detail}); hãy sửa trên hệ thống thay vì nhập lại."),
)
STATUS_NEEDS_DATE = Msg(
    "aid.status_needs_date",
    _("Trạng thái “{status}” cần cột “{column}”."),
)
PURGE_NOT_ARCHIVED = Msg(
    "aid.purge_not_archived",
    _("Chỉ xóa hẳn được khoản viện trợ đã lưu trữ; hãy lưu trữ {code} trước."),
)
HEADER_DUPLICATE = Msg(
    "aid.header_duplicate",
    _("Cột “{column}” có hai lần (cột thứ {first} và thứ {second}); chỉ giữ một."),
)
PROBLEMS_MORE = Msg(
    "aid.problems_more",
    _("Chỉ liệt kê {shown} lỗi đầu tiên trong tổng số {total} lỗi."),
)
# Corrections and closed years
YEAR_CLOSED = Msg(
    "aid.year_closed",
    _(
        "Số liệu năm {year} của cơ quan {office} đã khóa (báo cáo năm đã gửi); quản trị cơ quan phải mở lại năm "
        "trước khi ghi hoặc sửa giao dịch ngày {on}."
    ),
)
YEAR_ALREADY_CLOSED = Msg("aid.year_already_closed", _("Năm {year} đã khóa số liệu."))
YEAR_NOT_CLOSED = Msg("aid.year_not_closed", _("Năm {year} chưa khóa số liệu."))
YEAR_NOT_ENDED = Msg(
    "aid.year_not_ended",
    _("Năm {year} chưa kết thúc; chỉ khóa số liệu một năm đã qua."),
)
REASON_REQUIRED = Msg(
    "aid.reason_required",
    _("Cần ghi lý do {what}."),
)
TRANSACTION_REVERSED = Msg(
    "aid.transaction_reversed",
    _("Giao dịch {what} đã hủy ngày {on}; không sửa hay hủy lại được."),
)
NOTHING_CHANGED = Msg(
    "aid.nothing_changed",
    _("Giao dịch không thay đổi gì."),
)
# --- the spreadsheet's updates (issue 12) ---
FIELD_NOT_UPDATABLE = Msg(
    "aid.field_not_updatable",
    _(
        "Cột “{column}” của khoản viện trợ {code} không sửa được bằng tệp (đang là “{before}”); hãy sửa trong trang của khoản viện trợ."
    ),
)
TX_MISSING = Msg(
    "aid.tx_missing",
    _(
        "Tệp không còn giao dịch {what} của khoản viện trợ {code}; muốn bỏ giao dịch thì hãy hủy nó trong caunoi, kèm lý do."
    ),
)
ROW_LEFT_OUT = Msg(
    "aid.row_left_out",
    _("Khoản viện trợ {code} có lỗi ở dòng {row}: {reason}"),
)
# --- the open aid portal (issue 15) ---
PUBLIC_NOT_APPROVED = Msg(
    "aid.public_not_approved",
    _("Khoản viện trợ {code} chưa được phê duyệt (đang là “{status}”) nên chưa thể công khai."),
)
