from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

FILE_KIND = Msg(
    "reported.file_kind",
    _("Tệp “{name}” không đọc được: chỉ nhận văn bản .txt, .docx hoặc .pdf."),
)
FILE_EMPTY = Msg(
    "reported.file_empty",
    _("Tệp “{name}” không có chữ nào để đọc số liệu."),
)
FILE_TOO_LARGE = Msg(
    "reported.file_too_large",
    _("Tệp “{name}” lớn hơn {mb} MB."),
)
FILE_DAMAGED = Msg(
    "reported.file_damaged",
    _("Tệp “{name}” không phải tệp {kind} đọc được (hỏng hoặc sai định dạng)."),
)
FILE_NOT_TEXT = Msg(
    "reported.file_not_text",
    _("Tệp “{name}” không phải văn bản UTF-8."),
)
FILE_UNPACKS_TOO_LARGE = Msg(
    "reported.file_unpacks_too_large",
    _("Tệp “{name}” khi giải nén lớn hơn {mb} MB: không đọc."),
)
NO_PERIOD = Msg(
    "reported.no_period",
    _("Không tìm thấy năm hoặc giai đoạn của số liệu: hãy nhập “từ năm” và “đến năm”."),
)
NO_FIGURES = Msg(
    "reported.no_figures",
    _(
        "Không tìm thấy số liệu viện trợ nào (số dự án, số tổ chức, giá trị cam kết, giải ngân) trong “{name}”."
    ),
)
PERIOD_ORDER = Msg(
    "reported.period_order",
    _("Năm bắt đầu {first} sau năm kết thúc {last}."),
)
PERIOD_RANGE = Msg(
    "reported.period_range",
    _("Năm {year} không hợp lệ (cần từ {low} đến {high})."),
)
CURRENCY_UNKNOWN = Msg(
    "reported.currency_unknown",
    _("“{code}” không phải mã tiền tệ ISO 4217 (3 chữ cái, ví dụ USD, VND)."),
)
ALREADY_CONFIRMED = Msg(
    "reported.already_confirmed",
    _(
        "Đã có số liệu theo báo cáo được xác nhận cho {office}, {period}: hãy sửa bản đó hoặc lưu trữ nó trước."
    ),
)
ARCHIVED = Msg(
    "reported.archived",
    _("Số liệu này đã được lưu trữ."),
)
