from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

YEAR_INVALID = Msg(
    "documents.year_invalid",
    _("Năm {year} không hợp lệ (từ 1990 đến 2100)."),
)
EXPORTER_UNKNOWN = Msg(
    "documents.exporter_unknown",
    _("Không có mẫu văn bản “{name}” (có: {known})."),
)
FORMAT_UNSUPPORTED = Msg(
    "documents.format_unsupported",
    _("Văn bản “{name}” không xuất được định dạng “{format}” (được: {known})."),
)
PARAMETER_MISSING = Msg(
    "documents.parameter_missing",
    _("Thiếu tham số “{parameter}”."),
)
OUTPUT_UNWRITABLE = Msg(
    "documents.output_unwritable",
    _("Không ghi được tệp {path}: {reason}."),
)
DRAFT_EMPTY = Msg(
    "documents.draft_empty",
    _("Nội dung dự thảo trống; không lưu phiên bản."),
)
DRAFT_NO_VERSION = Msg(
    "documents.draft_no_version",
    _("Dự thảo báo cáo năm {year} chưa có phiên bản nào."),
)
PDF_UNAVAILABLE = Msg(
    "documents.pdf_unavailable",
    _("Không tạo được PDF: thiếu thư viện {library} ({reason})."),
)
