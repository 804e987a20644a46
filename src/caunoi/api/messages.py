"""The API's own rules, in Vietnamese (English in the catalog)."""

from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

TOKEN_NAME_REQUIRED = Msg("api.token_name_required", _("Chưa đặt tên cho mã truy cập."))
TOKEN_SCOPE_UNKNOWN = Msg("api.token_scope_unknown", _("“{value}” không phải phạm vi của mã truy cập."))
TOKEN_NOT_YOURS = Msg("api.token_not_yours", _("Chỉ chủ của mã truy cập mới tạo hoặc thu hồi được nó."))
TOKEN_REVOKED = Msg("api.token_revoked", _("Mã truy cập “{name}” đã bị thu hồi."))
TOKEN_READ_ONLY = Msg(
    "api.token_read_only", _("Mã truy cập này chỉ được đọc: tạo mã “Đọc và ghi” để ghi dữ liệu.")
)
NOT_SIGNED_IN = Msg(
    "api.not_signed_in",
    _("Chưa xác thực: gửi mã truy cập trong tiêu đề “Authorization: Bearer …”, hoặc đăng nhập."),
)
TOKEN_INVALID = Msg(
    "api.token_invalid", _("Mã truy cập không đúng, đã bị thu hồi hoặc tài khoản đã bị khóa.")
)
NOT_FOUND = Msg("api.not_found", _("Không có bản ghi này (hoặc bạn không được xem nó)."))
THROTTLED = Msg("api.throttled", _("Quá nhiều yêu cầu: thử lại sau {seconds} giây."))
BAD_INPUT = Msg("api.bad_input", _("Giá trị không hợp lệ: {detail}"))
IDEMPOTENCY_KEY_REUSED = Msg(
    "api.idempotency_key_reused",
    _("Khóa Idempotency-Key “{key}” đã dùng cho một yêu cầu khác ({path})."),
)
FILTER_INVALID = Msg("api.filter_invalid", _("Bộ lọc “{name}” không hợp lệ: “{value}”."))
YEAR_INVALID = Msg("api.year_invalid", _("Năm {year} không hợp lệ (1990–2100)."))
OFFICE_REQUIRED = Msg("api.office_required", _("Chưa chọn cơ quan (tham số office); các mã: {codes}."))
SERVER_ERROR = Msg(
    "api.server_error", _("Lỗi của hệ thống, không phải của yêu cầu: đã ghi lại để quản trị viên xem xét.")
)
