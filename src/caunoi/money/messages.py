from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

CURRENCY_UNKNOWN = Msg(
    "money.currency_unknown",
    _("“{currency}” không phải mã tiền tệ ISO 4217."),
)
NO_RATE = Msg(
    "money.no_rate",
    _("Chưa có tỷ giá {base}/{quote} áp dụng cho ngày {day}; hãy nhập tỷ giá (kèm nguồn) trước khi quy đổi."),
)
RATE_NOT_POSITIVE = Msg(
    "money.rate_not_positive",
    _("Tỷ giá phải lớn hơn 0."),
)
RATE_DATES = Msg(
    "money.rate_dates",
    _("Ngày kết thúc áp dụng tỷ giá phải sau ngày bắt đầu."),
)
AMOUNT_NOT_POSITIVE = Msg(
    "money.amount_not_positive",
    _("Số tiền phải lớn hơn 0 (nhận được {amount})."),
)
AMOUNT_TOO_PRECISE = Msg(
    "money.amount_too_precise",
    _("Số tiền {amount} có quá 2 chữ số thập phân."),
)
AMOUNT_TOO_LARGE = Msg(
    "money.amount_too_large",
    _("Số tiền {amount} quá lớn: sổ viện trợ nhận số tiền tối đa {limit}."),
)
AMOUNT_FORMAT = Msg(
    "money.amount_format",
    _("“{amount}” không phải số tiền hợp lệ (chỉ gồm chữ số, dấu chấm thập phân; không dùng dạng 1e3)."),
)
RATE_RANGE = Msg(
    "money.rate_range",
    _("Tỷ giá {rate} nằm ngoài khoảng sổ viện trợ nhận ({low} đến {high})."),
)
NOT_CONVERTED = Msg(
    "money.not_converted",
    _(
        "Không quy đổi được {what} sang {quote}: kết quả quá lớn để tính (hãy kiểm tra số tiền và tỷ giá đã nhập)."
    ),
)
RATE_SAME_CURRENCY = Msg(
    "money.rate_same_currency",
    _("Tỷ giá phải giữa hai loại tiền khác nhau (nhận được {currency}/{currency})."),
)
RATE_OVERLAP = Msg(
    "money.rate_overlap",
    _(
        "Đã có tỷ giá {base}/{quote} áp dụng trong thời gian này ({existing}): hãy sửa hoặc lưu trữ tỷ giá đó "
        "trước, hoặc chọn ngày áp dụng khác."
    ),
)
RATE_COMMON_NATIONAL = Msg(
    "money.rate_common_national",
    _(
        "Chỉ quản trị viên cấp quốc gia mới nhập, sửa, lưu trữ tỷ giá chung cho mọi cơ quan; hãy chọn cơ quan."
    ),
)
RATE_YEAR_CLOSED = Msg(
    "money.rate_year_closed",
    _(
        "Tỷ giá áp dụng trong năm {year}, năm cơ quan {office} đã khóa số liệu: quản trị cơ quan phải mở lại năm "
        "trước khi thay đổi tỷ giá của năm đó."
    ),
)
RATE_ARCHIVED = Msg(
    "money.rate_archived",
    _("Tỷ giá này đã lưu trữ: hãy khôi phục trước khi sửa."),
)
RATE_NOT_ARCHIVED = Msg(
    "money.rate_not_archived",
    _("Tỷ giá này đang dùng, không cần khôi phục."),
)
RATE_SOURCE_UNKNOWN = Msg(
    "money.rate_source_unknown",
    _(
        "“{source}” không phải nguồn tỷ giá (Ngân hàng Nhà nước, Bộ Tài chính, ngân hàng, nhà tài trợ, cán bộ nhập)."
    ),
)
RATES_FILE_EMPTY = Msg(
    "money.rates_file_empty",
    _("Tệp tỷ giá không có dòng nào sau dòng tiêu đề."),
)
RATES_FILE_TOO_LONG = Msg(
    "money.rates_file_too_long",
    _("Tệp tỷ giá có hơn {limit} dòng; một tệp là tỷ giá của một tháng."),
)
RATES_NO_DATE = Msg(
    "money.rates_no_date",
    _("Thiếu ngày bắt đầu áp dụng: ghi cột “Áp dụng từ” hoặc chọn tháng (--month)."),
)
RATES_MONTH = Msg(
    "money.rates_month",
    _("“{value}” không phải tháng hợp lệ (viết 2026-01 hoặc 01/2026)."),
)
