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
    "“{label_en}” is {length_en} characters long; at most {limit_en} are allowed.",
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

# Users, roles and offices (caunoi.core.accounts)
USERNAME_INVALID = Msg(
    "account.username_invalid",
    "Tên đăng nhập “{username}” không hợp lệ: chỉ dùng chữ không dấu, số và . @ + - _ (tối đa 150 ký tự).",
    "User name “{username}” is not valid: use letters without diacritics, digits and . @ + - _ (150 at most).",
)
USERNAME_TAKEN = Msg(
    "account.username_taken",
    "Đã có người dùng tên đăng nhập “{username}”.",
    "There is already a user named “{username}”.",
)
EMAIL_INVALID = Msg(
    "account.email_invalid",
    "Địa chỉ thư “{email}” không hợp lệ.",
    "E-mail address “{email}” is not valid.",
)
PASSWORD_REJECTED = Msg(
    "account.password_rejected",
    "Mật khẩu chưa dùng được: {reasons}",
    "The password cannot be used: {reasons_en}",
)
PASSWORD_WRONG = Msg(
    "account.password_wrong",
    "Mật khẩu hiện tại không đúng.",
    "The current password is not right.",
)
PASSWORD_UNCHANGED = Msg(
    "account.password_unchanged",
    "Mật khẩu mới phải khác mật khẩu cũ.",
    "The new password must differ from the old one.",
)
PASSWORD_OWN_ONLY = Msg(
    "account.password_own_only",
    "Mỗi người chỉ tự đổi mật khẩu của mình; quản trị viên thì đặt lại mật khẩu.",
    "Users change only their own password; an administrator resets it instead.",
)
ROLE_UNKNOWN = Msg(
    "account.role_unknown",
    "Không có vai trò “{role}”.",
    "There is no role “{role}”.",
)
ROLE_NATIONAL_ONLY = Msg(
    "account.role_national_only",
    "Chỉ quản trị toàn quốc mới giao được vai trò “{role}”.",
    "Only a national administrator may give the role “{role}”.",
)
LAST_ADMIN = Msg(
    "account.last_admin",
    "{username} là quản trị duy nhất của cơ quan {office}: hãy giao vai trò quản trị cho người khác trước.",
    "{username} is the only administrator of office {office}: make someone else administrator first.",
)
NOT_YOURSELF = Msg(
    "account.not_yourself",
    "Không thể tự khóa tài khoản của chính mình.",
    "You cannot deactivate your own account.",
)
LANGUAGE_UNKNOWN = Msg(
    "account.language_unknown",
    "Không có ngôn ngữ “{language}” (có: {known}).",
    "There is no language “{language}” (known: {known}).",
)
OFFICE_CODE_INVALID = Msg(
    "office.code_invalid",
    "Mã cơ quan “{code}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (vd. lao-cai).",
    "Office code “{code}” is not valid: use lower-case letters without diacritics, digits and hyphens (e.g. lao-cai).",
)
OFFICE_CODE_TAKEN = Msg(
    "office.code_taken",
    "Đã có cơ quan mã {code}.",
    "There is already an office with code {code}.",
)
OFFICE_NAME_REQUIRED = Msg(
    "office.name_required",
    "Hãy nhập tên cơ quan.",
    "Enter the office's name.",
)
PROVINCE_REQUIRED = Msg(
    "office.province_required",
    "Hãy chọn tỉnh, thành phố của cơ quan (đơn vị hành chính hiện nay).",
    "Choose the office's province or city (an administrative unit of today).",
)
PROVINCE_NOT_CURRENT = Msg(
    "office.province_not_current",
    "“{unit}” không phải tỉnh, thành phố hiện nay (sau 01/7/2025).",
    "“{unit}” is not a province or city of today (after 1 July 2025).",
)
PROVINCE_UNKNOWN = Msg(
    "office.province_unknown",
    "Không tìm thấy tỉnh, thành phố hiện nay nào tên hoặc mã “{text}”.",
    "No province or city of today is named or coded “{text}”.",
)
PROVINCE_AMBIGUOUS = Msg(
    "office.province_ambiguous",
    "“{text}” khớp nhiều tỉnh, thành phố: {names}. Hãy ghi rõ hơn hoặc dùng mã.",
    "“{text}” matches several provinces or cities: {names}. Be more precise or use the code.",
)

# caunoi setup
SETUP_MISSING = Msg(
    "setup.missing",
    "Thiếu {names}: hãy ghi các tham số này, hoặc chạy `caunoi setup` trong một terminal để được hỏi.",
    "Missing {names}: give these options, or run `caunoi setup` in a terminal to be asked.",
)
SETUP_BAD_ARGUMENTS = Msg(
    "setup.bad_arguments",
    "Tham số không đúng ({detail}). Xem `caunoi setup --help`.",
    "Bad arguments ({detail}). See `caunoi setup --help`.",
)
SETUP_PASSWORDS_DIFFER = Msg(
    "setup.passwords_differ",
    "Hai lần nhập mật khẩu không giống nhau.",
    "The two passwords typed differ.",
)
