"""Messages of the IATI exchange, in Vietnamese and English."""

from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

FILE_UNREADABLE = Msg(
    "iati.file_unreadable",
    _("Không đọc được tệp: {reason}."),
)
FILE_MISSING = Msg("iati.file_missing", _("Không có tệp hoặc thư mục này."))
NOT_WELL_FORMED = Msg(
    "iati.not_well_formed",
    _("Tệp không phải XML hợp lệ (hỏng, bị cắt cụt hoặc không phải XML): {reason}."),
)
WRONG_ROOT = Msg(
    "iati.wrong_root",
    _("Phần tử gốc là <{root}>, không phải <iati-activities>: đây không phải tệp hoạt động IATI."),
)
VERSION_1X = Msg(
    "iati.version_1x",
    _(
        "Tệp theo IATI phiên bản {version}; caunoi chỉ nhận phiên bản 2.01, 2.02, 2.03 "
        "(nhờ bên công bố xuất lại theo 2.03)."
    ),
)
VERSION_UNKNOWN = Msg(
    "iati.version_unknown",
    _("Phiên bản IATI “{version}” không hợp lệ; phải là 2.01, 2.02 hoặc 2.03."),
)
ROOT_INVALID = Msg(
    "iati.root_invalid",
    _("Phần tử gốc <iati-activities> sai lược đồ: {reason}"),
)
NO_ACTIVITIES = Msg(
    "iati.no_activities",
    _("Tệp không có hoạt động (iati-activity) nào."),
)
SCHEMA = Msg(
    "iati.schema",
    _("Sai lược đồ IATI 2.03 ở <{element}>: {reason}"),
)
EXPONENT = Msg(
    "iati.exponent",
    _("Giá trị “{value}” viết dạng lũy thừa (số mũ e); IATI chỉ nhận số thập phân thường như 1500.25."),
)
PERCENT_RANGE = Msg(
    "iati.percent_range",
    _("Tỷ lệ {value}% không hợp lệ: phải từ 0 đến 100 (không âm)."),
)
CODE_UNKNOWN = Msg(
    "iati.code_unknown",
    _("Mã “{code}” ở {attribute} không có trong danh mục IATI {codelist}."),
)
NO_CURRENCY = Msg(
    "iati.no_currency",
    _("Giá trị không có tiền tệ: thiếu @currency và hoạt động không có @default-currency."),
)
VERSION_FEATURE = Msg(
    "iati.version_feature",
    _("{what} chỉ có từ IATI {since}, nhưng tệp khai báo phiên bản {version}."),
)
DUPLICATE_ACTIVITY = Msg(
    "iati.duplicate_activity",
    _("Hoạt động {identifier} xuất hiện hai lần trong lần nhập này (lần đầu: {first})."),
)
NEEDS_START = Msg(
    "iati.needs_start",
    _(
        "Trạng thái IATI {status} (đang/đã thực hiện) cần ngày bắt đầu (activity-date type 1 hoặc 2) "
        "để ghi quyết định phê duyệt."
    ),
)
OUTSIDE_LEDGER = Msg(
    "iati.outside_ledger",
    _(
        "Giao dịch loại {kind} ({value} {currency}, {value_date}) được giữ nguyên trong hồ sơ IATI, không ghi "
        "vào sổ viện trợ: {reason}"
    ),
)
NOT_A_LEDGER_KIND = Msg(
    "iati.not_a_ledger_kind",
    _("sổ viện trợ chỉ ghi vốn nhận, cam kết, giải ngân, chi tiêu (loại 1–4)."),
)
STORED_IS_NEWER = Msg(
    "iati.stored_is_newer",
    _("Bản đã lưu mới hơn (cập nhật {stored}) so với tệp ({incoming}); giữ bản đã lưu."),
)
ITEM_CODE_TAKEN = Msg(
    "iati.item_code_taken",
    _("Mã khoản viện trợ “{code}” đã dùng cho một khoản khác không đến từ IATI."),
)
EXPORT_INVALID = Msg(
    "iati.export_invalid",
    _("Tệp xuất ra không đúng lược đồ IATI 2.03 nên không ghi: {reason}"),
)
EXPORT_EMPTY = Msg(
    "iati.export_empty",
    _("Cơ quan {office} không có khoản viện trợ nào để xuất{year}."),
)
PATH_NOT_IATI = Msg(
    "iati.path_not_iati",
    _("Thư mục không có tệp .xml hoặc .xml.gz nào."),
)
DATE_OUT_OF_RANGE = Msg(
    "iati.date_out_of_range",
    _(
        "Ngày “{value}” ở {attribute} đúng lược đồ IATI nhưng không ghi được: năm phải từ 0001 đến 9999 "
        "(viết đủ bốn chữ số), giờ từ 00:00 đến 23:59."
    ),
)
NOT_A_FILE = Msg(
    "iati.not_a_file",
    _("Đây không phải tệp thường (mà là ống dẫn, thiết bị hoặc socket): caunoi không đọc."),
)
INPUT_TOO_LARGE = Msg(
    "iati.input_too_large",
    _("Tệp (sau khi giải nén) lớn hơn {limit} MB, giới hạn CAUNOI_IATI_MAX_INPUT_MB: không nhập."),
)
ELEMENT_TOO_LARGE = Msg(
    "iati.element_too_large",
    _(
        "Một hoạt động (hoặc đoạn văn bản giữa các hoạt động) lớn hơn {limit} MB, giới hạn "
        "CAUNOI_IATI_MAX_ELEMENT_MB: không nhập."
    ),
)
IMPORT_BUSY = Msg(
    "iati.import_busy",
    _(
        "Một lần nhập IATI khác vào cơ quan {office} vẫn đang chạy sau {seconds} giây chờ; hãy thử lại khi nó "
        "xong (nhập lại cùng tệp khi đó sẽ không đổi gì)."
    ),
)
CHANGED_MEANWHILE = Msg(
    "iati.changed_meanwhile",
    _(
        "Trong lúc nhập, một người dùng đã lưu cùng tổ chức hoặc mã khoản viện trợ vào cơ quan {office}; không "
        "lưu gì. Hãy nhập lại tệp."
    ),
)
