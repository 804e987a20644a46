from caunoi.core.errors import Msg

OFFICE_UNKNOWN = Msg(
    "office.unknown",
    "Không có cơ quan mã {code}.",
    "There is no office with code {code}.",
)
OFFICE_REQUIRED = Msg(
    "office.required",
    "Có nhiều cơ quan; hãy chọn một bằng --office (có: {codes}).",
    "There are several offices; choose one with --office (known: {codes}).",
)
OFFICE_NONE = Msg(
    "office.none",
    "Chưa có cơ quan nào; hãy tạo một cơ quan bằng lệnh caunoi setup --office-code <mã>.",
    "No office exists; create one with caunoi setup --office-code <code>.",
)
OFFICE_SUCCESSION_CYCLE = Msg(
    "office.succession_cycle",
    "Cơ quan {code} không thể kế thừa chính nó, trực tiếp hay gián tiếp.",
    "Office {code} cannot succeed itself, directly or indirectly.",
)
OFFICE_MISMATCH = Msg(
    "office.mismatch",
    "{what} thuộc cơ quan khác ({other}), không dùng được cho {office}.",
    "{what} belongs to another office ({other}) and cannot be used for {office}.",
)
TEXT_TOO_LONG = Msg(
    "limits.text_too_long",
    "“{label}” dài {length} ký tự; tối đa {limit} ký tự.",
    "“{label_en}” is {length} characters long; at most {limit} are allowed.",
)
NUMBER_OUT_OF_RANGE = Msg(
    "limits.number_out_of_range",
    "“{label}” phải từ {low} đến {high} (nhận được {value}).",
    "“{label_en}” must be between {low_en} and {high_en} (got {value}).",
)
DECIMAL_TOO_LARGE = Msg(
    "limits.decimal_too_large",
    "“{label}” quá lớn (nhận được {value}); phải nhỏ hơn {limit}.",
    "“{label_en}” is too large (got {value}); it must be less than {limit_en}.",
)
DECIMAL_TOO_PRECISE = Msg(
    "limits.decimal_too_precise",
    "“{label}” có quá {places} chữ số thập phân (nhận được {value}).",
    "“{label_en}” has more than {places} decimal places (got {value}).",
)
NOT_A_NUMBER = Msg(
    "limits.not_a_number",
    "“{label}” không phải một số hữu hạn (nhận được {value}).",
    "“{label_en}” is not a finite number (got {value}).",
)
DATABASE_BUSY = Msg(
    "database.busy",
    "Cơ sở dữ liệu đang bận (một thao tác khác đang ghi) quá {seconds} giây; hãy thử lại sau.",
    "The database is busy (another operation is writing) for more than {seconds} s; try again later.",
)
