from caunoi.core.errors import Msg

SYSTEM_ONLY = Msg(
    "backup.system_only",
    "Chỉ người vận hành máy chủ (lệnh caunoi) hoặc quản trị hệ thống được sao lưu, phục hồi toàn bộ dữ liệu.",
    "Only the server's operator (the caunoi command) or a superuser may back up or restore all data.",
)
NOT_MIGRATED = Msg(
    "backup.not_migrated",
    "Cơ sở dữ liệu chưa cập nhật cấu trúc; hãy chạy `caunoi migrate` trước khi sao lưu.",
    "The database is not migrated; run `caunoi migrate` before backing up.",
)
NO_PG_DUMP = Msg(
    "backup.no_pg_tool",
    "Không tìm thấy chương trình {tool} (gói postgresql-client) phiên bản {server} trở lên.",
    "Program {tool} (package postgresql-client) version {server} or newer was not found.",
)
PG_TOOL_FAILED = Msg(
    "backup.pg_tool_failed",
    "{tool} báo lỗi: {detail}",
    "{tool} failed: {detail}",
)
CANNOT_WRITE = Msg(
    "backup.cannot_write",
    "Không ghi được {path}: {reason}.",
    "Cannot write {path}: {reason}.",
)
KEEP_NEEDS_DIR = Msg(
    "backup.keep_needs_dir",
    "--keep chỉ dùng khi -o là một thư mục.",
    "--keep needs -o to name a folder.",
)
NOT_AN_ARCHIVE = Msg(
    "backup.not_an_archive",
    "{path} không phải tệp sao lưu của caunoi ({reason}).",
    "{path} is not a caunoi backup ({reason}).",
)
ARCHIVE_MISSING = Msg(
    "backup.archive_missing",
    "Không có tệp {path}.",
    "There is no file {path}.",
)
CHECKSUM_MISMATCH = Msg(
    "backup.checksum",
    "Tệp {name} trong bản sao lưu bị hỏng hoặc bị sửa (mã kiểm tra không khớp).",
    "File {name} in the backup is damaged or altered (its checksum does not match).",
)
MISSING_FILE = Msg(
    "backup.missing_file",
    "Bản sao lưu thiếu tệp {name} mà bảng kê ghi nhận.",
    "The backup lacks file {name} that its manifest lists.",
)
UNLISTED_FILE = Msg(
    "backup.unlisted_file",
    "Bản sao lưu có tệp {name} không có trong bảng kê.",
    "The backup holds file {name} that its manifest does not list.",
)
NEWER_SCHEMA = Msg(
    "backup.newer_schema",
    "Bản sao lưu được tạo bởi phiên bản caunoi mới hơn (có các bước cập nhật cấu trúc chưa biết: {migrations}); hãy cài phiên bản caunoi {version} trở lên rồi phục hồi.",
    "The backup was made by a newer caunoi (unknown migrations: {migrations}); install caunoi {version} or newer, then restore.",
)
FORMAT_UNKNOWN = Msg(
    "backup.format_unknown",
    "Bản sao lưu có định dạng {format} mà phiên bản này không đọc được.",
    "The backup has format {format}, which this version cannot read.",
)
NOT_EMPTY = Msg(
    "backup.not_empty",
    "Cơ sở dữ liệu đích đã có dữ liệu ({offices} cơ quan, {users} người dùng); chỉ phục hồi vào cơ sở dữ liệu trống, hoặc dùng --force để thay thế toàn bộ.",
    "The target database holds data ({offices} offices, {users} users); restore only into an empty database, or use --force to replace everything.",
)
MEDIA_NOT_EMPTY = Msg(
    "backup.media_not_empty",
    "Thư mục tệp tải lên {path} đã có tệp; dùng --force để thay thế.",
    "The upload folder {path} already holds files; use --force to replace them.",
)
