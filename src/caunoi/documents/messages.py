from caunoi.core.errors import Msg

YEAR_INVALID = Msg(
    "documents.year_invalid",
    "Năm {year} không hợp lệ (từ 1990 đến 2100).",
    "Year {year} is not valid (1990 to 2100).",
)
EXPORTER_UNKNOWN = Msg(
    "documents.exporter_unknown",
    "Không có mẫu văn bản “{name}” (có: {known}).",
    "There is no document “{name}” (known: {known}).",
)
FORMAT_UNSUPPORTED = Msg(
    "documents.format_unsupported",
    "Văn bản “{name}” không xuất được định dạng “{format}” (được: {known}).",
    "Document “{name}” cannot be exported as “{format}” (supported: {known}).",
)
PARAMETER_MISSING = Msg(
    "documents.parameter_missing",
    "Thiếu tham số “{parameter}”.",
    "Parameter “{parameter}” is missing.",
)
OUTPUT_UNWRITABLE = Msg(
    "documents.output_unwritable",
    "Không ghi được tệp {path}: {reason}.",
    "Cannot write file {path}: {reason}.",
)
DRAFT_EMPTY = Msg(
    "documents.draft_empty",
    "Nội dung dự thảo trống; không lưu phiên bản.",
    "The draft's text is empty; no version was saved.",
)
DRAFT_NO_VERSION = Msg(
    "documents.draft_no_version",
    "Dự thảo báo cáo năm {year} chưa có phiên bản nào.",
    "The {year} report draft has no version yet.",
)
PDF_UNAVAILABLE = Msg(
    "documents.pdf_unavailable",
    "Không tạo được PDF: thiếu thư viện {library} ({reason}).",
    "Cannot make the PDF: library {library} is missing ({reason}).",
)
