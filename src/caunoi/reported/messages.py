from caunoi.core.errors import Msg

FILE_KIND = Msg(
    "reported.file_kind",
    "Tệp “{name}” không đọc được: chỉ nhận văn bản .txt, .docx hoặc .pdf.",
    "File “{name}” cannot be read: only .txt, .docx or .pdf texts are accepted.",
)
FILE_EMPTY = Msg(
    "reported.file_empty",
    "Tệp “{name}” không có chữ nào để đọc số liệu.",
    "File “{name}” holds no text to read figures from.",
)
FILE_TOO_LARGE = Msg(
    "reported.file_too_large",
    "Tệp “{name}” lớn hơn {mb} MB.",
    "File “{name}” is larger than {mb_en} MB.",
)
FILE_DAMAGED = Msg(
    "reported.file_damaged",
    "Tệp “{name}” không phải tệp {kind} đọc được (hỏng hoặc sai định dạng).",
    "File “{name}” is not a readable {kind} file (damaged or of another format).",
)
FILE_NOT_TEXT = Msg(
    "reported.file_not_text",
    "Tệp “{name}” không phải văn bản UTF-8.",
    "File “{name}” is not UTF-8 text.",
)
FILE_UNPACKS_TOO_LARGE = Msg(
    "reported.file_unpacks_too_large",
    "Tệp “{name}” khi giải nén lớn hơn {mb} MB: không đọc.",
    "File “{name}” unpacks to more than {mb_en} MB: not read.",
)
NO_PERIOD = Msg(
    "reported.no_period",
    "Không tìm thấy năm hoặc giai đoạn của số liệu: hãy nhập “từ năm” và “đến năm”.",
    "No year or period of the figures was found: enter the first and last year.",
)
NO_FIGURES = Msg(
    "reported.no_figures",
    "Không tìm thấy số liệu viện trợ nào (số dự án, số tổ chức, giá trị cam kết, giải ngân) trong “{name}”.",
    "No aid figures (projects, NGOs, committed or disbursed value) were found in “{name}”.",
)
PERIOD_ORDER = Msg(
    "reported.period_order",
    "Năm bắt đầu {first} sau năm kết thúc {last}.",
    "The first year {first} comes after the last year {last}.",
)
PERIOD_RANGE = Msg(
    "reported.period_range",
    "Năm {year} không hợp lệ (cần từ {low} đến {high}).",
    "Year {year} is not valid (it must be between {low} and {high}).",
)
CURRENCY_UNKNOWN = Msg(
    "reported.currency_unknown",
    "“{code}” không phải mã tiền tệ ISO 4217 (3 chữ cái, ví dụ USD, VND).",
    "“{code}” is not an ISO 4217 currency code (three letters, e.g. USD, VND).",
)
ALREADY_CONFIRMED = Msg(
    "reported.already_confirmed",
    "Đã có số liệu theo báo cáo được xác nhận cho {office}, {period}: hãy sửa bản đó hoặc lưu trữ nó trước.",
    "Confirmed reported figures already exist for {office}, {period}: correct those or archive them first.",
)
ARCHIVED = Msg(
    "reported.archived",
    "Số liệu này đã được lưu trữ.",
    "These figures have been archived.",
)
