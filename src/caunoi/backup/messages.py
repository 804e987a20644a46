from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

SYSTEM_ONLY = Msg(
    "backup.system_only",
    _(
        "Chỉ người vận hành máy chủ (lệnh caunoi) hoặc quản trị hệ thống được sao lưu, phục hồi toàn bộ dữ liệu."
    ),
)
NOT_MIGRATED = Msg(
    "backup.not_migrated",
    _("Cơ sở dữ liệu chưa cập nhật cấu trúc; hãy chạy `caunoi migrate` trước khi sao lưu."),
)
NO_PG_DUMP = Msg(
    "backup.no_pg_tool",
    _("Không tìm thấy chương trình {tool} (gói postgresql-client) phiên bản {server} trở lên."),
)
PG_TOOL_FAILED = Msg(
    "backup.pg_tool_failed",
    _("{tool} báo lỗi: {detail}"),
)
CANNOT_WRITE = Msg(
    "backup.cannot_write",
    _("Không ghi được {path}: {reason}."),
)
KEEP_NEEDS_DIR = Msg(
    "backup.keep_needs_dir",
    _("--keep chỉ dùng khi -o là một thư mục."),
)
NOT_AN_ARCHIVE = Msg(
    "backup.not_an_archive",
    _("{path} không phải tệp sao lưu của caunoi ({reason})."),
)
ARCHIVE_MISSING = Msg(
    "backup.archive_missing",
    _("Không có tệp {path}."),
)
CHECKSUM_MISMATCH = Msg(
    "backup.checksum",
    _("Tệp {name} trong bản sao lưu bị hỏng hoặc bị sửa (mã kiểm tra không khớp)."),
)
MISSING_FILE = Msg(
    "backup.missing_file",
    _("Bản sao lưu thiếu tệp {name} mà bảng kê ghi nhận."),
)
UNLISTED_FILE = Msg(
    "backup.unlisted_file",
    _("Bản sao lưu có tệp {name} không có trong bảng kê."),
)
NEWER_SCHEMA = Msg(
    "backup.newer_schema",
    _(
        "Bản sao lưu được tạo bởi phiên bản caunoi mới hơn (có các bước cập nhật cấu trúc chưa biết: {migrations}); hãy cài phiên bản caunoi {version} trở lên rồi phục hồi."
    ),
)
FORMAT_UNKNOWN = Msg(
    "backup.format_unknown",
    _("Bản sao lưu có định dạng {format} mà phiên bản này không đọc được."),
)
NOT_EMPTY = Msg(
    "backup.not_empty",
    _(
        "Cơ sở dữ liệu đích đã có dữ liệu ({offices} cơ quan, {users} người dùng); chỉ phục hồi vào cơ sở dữ liệu trống, hoặc dùng --force để thay thế toàn bộ."
    ),
)
MEDIA_NOT_EMPTY = Msg(
    "backup.media_not_empty",
    _("Thư mục tệp tải lên {path} đã có tệp; dùng --force để thay thế."),
)
