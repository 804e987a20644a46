"""Messages of the IATI exchange, in Vietnamese and English."""

from caunoi.core.errors import Msg

FILE_UNREADABLE = Msg(
    "iati.file_unreadable",
    "Không đọc được tệp: {reason}.",
    "The file cannot be read: {reason}.",
)
FILE_MISSING = Msg("iati.file_missing", "Không có tệp hoặc thư mục này.", "No such file or folder.")
NOT_WELL_FORMED = Msg(
    "iati.not_well_formed",
    "Tệp không phải XML hợp lệ (hỏng, bị cắt cụt hoặc không phải XML): {reason}.",
    "The file is not well-formed XML (damaged, truncated or not XML): {reason}.",
)
WRONG_ROOT = Msg(
    "iati.wrong_root",
    "Phần tử gốc là <{root}>, không phải <iati-activities>: đây không phải tệp hoạt động IATI.",
    "The root element is <{root}>, not <iati-activities>: this is not an IATI activity file.",
)
VERSION_1X = Msg(
    "iati.version_1x",
    "Tệp theo IATI phiên bản {version}; caunoi chỉ nhận phiên bản 2.01, 2.02, 2.03 "
    "(nhờ bên công bố xuất lại theo 2.03).",
    "The file is IATI version {version}; caunoi accepts only versions 2.01, 2.02 and 2.03 "
    "(ask the publisher for a 2.03 file).",
)
VERSION_UNKNOWN = Msg(
    "iati.version_unknown",
    "Phiên bản IATI “{version}” không hợp lệ; phải là 2.01, 2.02 hoặc 2.03.",
    "IATI version “{version}” is not valid; it must be 2.01, 2.02 or 2.03.",
)
ROOT_INVALID = Msg(
    "iati.root_invalid",
    "Phần tử gốc <iati-activities> sai lược đồ: {reason}",
    "The root element <iati-activities> does not follow the schema: {reason}",
)
NO_ACTIVITIES = Msg(
    "iati.no_activities",
    "Tệp không có hoạt động (iati-activity) nào.",
    "The file holds no activity (iati-activity).",
)
SCHEMA = Msg(
    "iati.schema",
    "Sai lược đồ IATI 2.03 ở <{element}>: {reason}",
    "Not valid against the IATI 2.03 schema at <{element}>: {reason}",
)
EXPONENT = Msg(
    "iati.exponent",
    "Giá trị “{value}” viết dạng lũy thừa (số mũ e); IATI chỉ nhận số thập phân thường như 1500.25.",
    "Value “{value}” is written in exponent notation; IATI accepts only plain decimals such as 1500.25.",
)
PERCENT_RANGE = Msg(
    "iati.percent_range",
    "Tỷ lệ {value}% không hợp lệ: phải từ 0 đến 100 (không âm).",
    "Percentage {value}% is not valid: it must be between 0 and 100 (never negative).",
)
CODE_UNKNOWN = Msg(
    "iati.code_unknown",
    "Mã “{code}” ở {attribute} không có trong danh mục IATI {codelist}.",
    "Code “{code}” in {attribute} is not in the IATI {codelist} codelist.",
)
NO_CURRENCY = Msg(
    "iati.no_currency",
    "Giá trị không có tiền tệ: thiếu @currency và hoạt động không có @default-currency.",
    "The value has no currency: no @currency and the activity has no @default-currency.",
)
VERSION_FEATURE = Msg(
    "iati.version_feature",
    "{what} chỉ có từ IATI {since}, nhưng tệp khai báo phiên bản {version}.",
    "{what} exists only since IATI {since}, but the file declares version {version}.",
)
DUPLICATE_ACTIVITY = Msg(
    "iati.duplicate_activity",
    "Hoạt động {identifier} xuất hiện hai lần trong lần nhập này (lần đầu: {first}).",
    "Activity {identifier} appears twice in this import (first: {first}).",
)
NEEDS_START = Msg(
    "iati.needs_start",
    "Trạng thái IATI {status} (đang/đã thực hiện) cần ngày bắt đầu (activity-date type 1 hoặc 2) "
    "để ghi quyết định phê duyệt.",
    "IATI status {status} (implemented) needs a start date (activity-date type 1 or 2) to record the "
    "approval decision.",
)
OUTSIDE_LEDGER = Msg(
    "iati.outside_ledger",
    "Giao dịch loại {kind} ({value} {currency}, {value_date}) được giữ nguyên trong hồ sơ IATI, không ghi "
    "vào sổ viện trợ: {reason}",
    "Transaction of type {kind} ({value} {currency}, {value_date}) is kept in the IATI record, not in the "
    "aid ledger: {reason_en}",
)
NOT_A_LEDGER_KIND = Msg(
    "iati.not_a_ledger_kind",
    "sổ viện trợ chỉ ghi vốn nhận, cam kết, giải ngân, chi tiêu (loại 1–4).",
    "the aid ledger records only incoming funds, commitments, disbursements and expenditure (types 1–4).",
)
STORED_IS_NEWER = Msg(
    "iati.stored_is_newer",
    "Bản đã lưu mới hơn (cập nhật {stored}) so với tệp ({incoming}); giữ bản đã lưu.",
    "The stored version is newer (updated {stored}) than the file's ({incoming}); kept the stored one.",
)
ITEM_CODE_TAKEN = Msg(
    "iati.item_code_taken",
    "Mã khoản viện trợ “{code}” đã dùng cho một khoản khác không đến từ IATI.",
    "Aid item code “{code}” is already used by an item that did not come from IATI.",
)
EXPORT_INVALID = Msg(
    "iati.export_invalid",
    "Tệp xuất ra không đúng lược đồ IATI 2.03 nên không ghi: {reason}",
    "The exported file does not follow the IATI 2.03 schema, so it was not written: {reason}",
)
EXPORT_EMPTY = Msg(
    "iati.export_empty",
    "Cơ quan {office} không có khoản viện trợ nào để xuất{year}.",
    "Office {office} has no aid item to export{year}.",
)
PATH_NOT_IATI = Msg(
    "iati.path_not_iati",
    "Thư mục không có tệp .xml hoặc .xml.gz nào.",
    "The folder holds no .xml or .xml.gz file.",
)
DATE_OUT_OF_RANGE = Msg(
    "iati.date_out_of_range",
    "Ngày “{value}” ở {attribute} đúng lược đồ IATI nhưng không ghi được: năm phải từ 0001 đến 9999 "
    "(viết đủ bốn chữ số), giờ từ 00:00 đến 23:59.",
    "Date “{value}” in {attribute} follows the IATI schema but cannot be recorded: the year must be "
    "from 0001 to 9999 (four digits), the time from 00:00 to 23:59.",
)
NOT_A_FILE = Msg(
    "iati.not_a_file",
    "Đây không phải tệp thường (mà là ống dẫn, thiết bị hoặc socket): caunoi không đọc.",
    "This is not a regular file (a pipe, device or socket): caunoi does not read it.",
)
INPUT_TOO_LARGE = Msg(
    "iati.input_too_large",
    "Tệp (sau khi giải nén) lớn hơn {limit} MB, giới hạn CAUNOI_IATI_MAX_INPUT_MB: không nhập.",
    "The file (decompressed) is larger than {limit} MB, the limit CAUNOI_IATI_MAX_INPUT_MB: not imported.",
)
ELEMENT_TOO_LARGE = Msg(
    "iati.element_too_large",
    "Một hoạt động (hoặc đoạn văn bản giữa các hoạt động) lớn hơn {limit} MB, giới hạn "
    "CAUNOI_IATI_MAX_ELEMENT_MB: không nhập.",
    "An activity (or the text between activities) is larger than {limit} MB, the limit "
    "CAUNOI_IATI_MAX_ELEMENT_MB: not imported.",
)
IMPORT_BUSY = Msg(
    "iati.import_busy",
    "Một lần nhập IATI khác vào cơ quan {office} vẫn đang chạy sau {seconds} giây chờ; hãy thử lại khi nó "
    "xong (nhập lại cùng tệp khi đó sẽ không đổi gì).",
    "Another IATI import into office {office} is still running after waiting {seconds} s; try again when "
    "it has finished (the same file imported then changes nothing).",
)
CHANGED_MEANWHILE = Msg(
    "iati.changed_meanwhile",
    "Trong lúc nhập, một người dùng đã lưu cùng tổ chức hoặc mã khoản viện trợ vào cơ quan {office}; không "
    "lưu gì. Hãy nhập lại tệp.",
    "While importing, someone saved the same organisation or aid item code in office {office}; nothing was "
    "saved. Import the file again.",
)
