from caunoi.core.errors import Msg

CURRENCY_UNKNOWN = Msg(
    "money.currency_unknown",
    "“{currency}” không phải mã tiền tệ ISO 4217.",
    "“{currency}” is not an ISO 4217 currency code.",
)
NO_RATE = Msg(
    "money.no_rate",
    "Chưa có tỷ giá {base}/{quote} áp dụng cho ngày {day}; hãy nhập tỷ giá (kèm nguồn) trước khi quy đổi.",
    "No {base}/{quote} exchange rate is in force on {day}; enter one (with its source) before converting.",
)
RATE_NOT_POSITIVE = Msg(
    "money.rate_not_positive",
    "Tỷ giá phải lớn hơn 0.",
    "An exchange rate must be greater than 0.",
)
RATE_DATES = Msg(
    "money.rate_dates",
    "Ngày kết thúc áp dụng tỷ giá phải sau ngày bắt đầu.",
    "A rate's end date must come after its start date.",
)
AMOUNT_NOT_POSITIVE = Msg(
    "money.amount_not_positive",
    "Số tiền phải lớn hơn 0 (nhận được {amount}).",
    "The amount must be greater than 0 (got {amount}).",
)
AMOUNT_TOO_PRECISE = Msg(
    "money.amount_too_precise",
    "Số tiền {amount} có quá 2 chữ số thập phân.",
    "The amount {amount} has more than 2 decimal places.",
)
AMOUNT_TOO_LARGE = Msg(
    "money.amount_too_large",
    "Số tiền {amount} quá lớn: sổ viện trợ nhận số tiền tối đa {limit}.",
    "The amount {amount} is too large: the ledger accepts amounts up to {limit_en}.",
)
AMOUNT_FORMAT = Msg(
    "money.amount_format",
    "“{amount}” không phải số tiền hợp lệ (chỉ gồm chữ số, dấu chấm thập phân; không dùng dạng 1e3).",
    "“{amount}” is not a valid amount (digits and a decimal point only; no exponent such as 1e3).",
)
RATE_RANGE = Msg(
    "money.rate_range",
    "Tỷ giá {rate} nằm ngoài khoảng sổ viện trợ nhận ({low} đến {high}).",
    "The exchange rate {rate} is outside the range the ledger accepts ({low_en} to {high_en}).",
)
NOT_CONVERTED = Msg(
    "money.not_converted",
    "Không quy đổi được {what} sang {quote}: kết quả quá lớn để tính (hãy kiểm tra số tiền và tỷ giá đã nhập).",
    "{what_en} could not be converted to {quote}: the result is too large to compute (check the amounts and "
    "rates entered).",
)
RATE_SAME_CURRENCY = Msg(
    "money.rate_same_currency",
    "Tỷ giá phải giữa hai loại tiền khác nhau (nhận được {currency}/{currency}).",
    "A rate is between two different currencies (got {currency}/{currency}).",
)
RATE_OVERLAP = Msg(
    "money.rate_overlap",
    "Đã có tỷ giá {base}/{quote} áp dụng trong thời gian này ({existing}): hãy sửa hoặc lưu trữ tỷ giá đó "
    "trước, hoặc chọn ngày áp dụng khác.",
    "A {base}/{quote} rate is already in force in this period ({existing_en}): correct or archive that rate "
    "first, or choose other dates.",
)
RATE_COMMON_NATIONAL = Msg(
    "money.rate_common_national",
    "Chỉ quản trị viên cấp quốc gia mới nhập, sửa, lưu trữ tỷ giá chung cho mọi cơ quan; hãy chọn cơ quan.",
    "Only a national administrator enters, corrects or archives a rate common to every office; choose an "
    "office.",
)
RATE_YEAR_CLOSED = Msg(
    "money.rate_year_closed",
    "Tỷ giá áp dụng trong năm {year}, năm cơ quan {office} đã khóa số liệu: quản trị cơ quan phải mở lại năm "
    "trước khi thay đổi tỷ giá của năm đó.",
    "The rate is in force in {year}, a year whose figures office {office} has locked: the office "
    "administrator must reopen the year before that year's rates change.",
)
RATE_ARCHIVED = Msg(
    "money.rate_archived",
    "Tỷ giá này đã lưu trữ: hãy khôi phục trước khi sửa.",
    "This rate is archived: restore it before correcting it.",
)
RATE_NOT_ARCHIVED = Msg(
    "money.rate_not_archived",
    "Tỷ giá này đang dùng, không cần khôi phục.",
    "This rate is in use; there is nothing to restore.",
)
RATE_SOURCE_UNKNOWN = Msg(
    "money.rate_source_unknown",
    "“{source}” không phải nguồn tỷ giá (Ngân hàng Nhà nước, Bộ Tài chính, ngân hàng, nhà tài trợ, cán bộ nhập).",
    "“{source}” is not a rate source (State Bank, Ministry of Finance, bank, donor, staff).",
)
RATES_FILE_EMPTY = Msg(
    "money.rates_file_empty",
    "Tệp tỷ giá không có dòng nào sau dòng tiêu đề.",
    "The rates file has no row after its header.",
)
RATES_FILE_TOO_LONG = Msg(
    "money.rates_file_too_long",
    "Tệp tỷ giá có hơn {limit} dòng; một tệp là tỷ giá của một tháng.",
    "The rates file has more than {limit_en} rows; one file holds one month's rates.",
)
RATES_NO_DATE = Msg(
    "money.rates_no_date",
    "Thiếu ngày bắt đầu áp dụng: ghi cột “Áp dụng từ” hoặc chọn tháng (--month).",
    "The start date is missing: fill the “Áp dụng từ” column or give the month (--month).",
)
RATES_MONTH = Msg(
    "money.rates_month",
    "“{value}” không phải tháng hợp lệ (viết 2026-01 hoặc 01/2026).",
    "“{value}” is not a valid month (write 2026-01 or 01/2026).",
)
