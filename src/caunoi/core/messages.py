from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

OFFICE_UNKNOWN = Msg(
    "office.unknown",
    _("Không có cơ quan mã {code}."),
)
OFFICE_REQUIRED = Msg(
    "office.required",
    _("Có nhiều cơ quan; hãy chọn một bằng --office (có: {codes})."),
)
OFFICE_NONE = Msg(
    "office.none",
    _("Chưa có cơ quan nào; hãy tạo một cơ quan bằng lệnh caunoi setup --office-code <mã>."),
)
OFFICE_SUCCESSION_CYCLE = Msg(
    "office.succession_cycle",
    _("Cơ quan {code} không thể kế thừa chính nó, trực tiếp hay gián tiếp."),
)
OFFICE_MISMATCH = Msg(
    "office.mismatch",
    _("{what} thuộc cơ quan khác ({other}), không dùng được cho {office}."),
)
TEXT_TOO_LONG = Msg(
    "limits.text_too_long",
    _("“{label}” dài {length} ký tự; tối đa {limit} ký tự."),
)
NUMBER_OUT_OF_RANGE = Msg(
    "limits.number_out_of_range",
    _("“{label}” phải từ {low} đến {high} (nhận được {value})."),
)
DECIMAL_TOO_LARGE = Msg(
    "limits.decimal_too_large",
    _("“{label}” quá lớn (nhận được {value}); phải nhỏ hơn {limit}."),
)
DECIMAL_TOO_PRECISE = Msg(
    "limits.decimal_too_precise",
    _("“{label}” có quá {places} chữ số thập phân (nhận được {value})."),
)
NOT_A_NUMBER = Msg(
    "limits.not_a_number",
    _("“{label}” không phải một số hữu hạn (nhận được {value})."),
)
DATABASE_BUSY = Msg(
    "database.busy",
    _("Cơ sở dữ liệu đang bận (một thao tác khác đang ghi) quá {seconds} giây; hãy thử lại sau."),
)

# Users, roles and offices (caunoi.core.accounts)
USERNAME_INVALID = Msg(
    "account.username_invalid",
    _("Tên đăng nhập “{username}” không hợp lệ: chỉ dùng chữ không dấu, số và . @ + - _ (tối đa 150 ký tự)."),
)
USERNAME_TAKEN = Msg(
    "account.username_taken",
    _("Đã có người dùng tên đăng nhập “{username}”."),
)
EMAIL_INVALID = Msg(
    "account.email_invalid",
    _("Địa chỉ thư “{email}” không hợp lệ."),
)
PASSWORD_REJECTED = Msg(
    "account.password_rejected",
    _("Mật khẩu chưa dùng được: {reasons}"),
)
PASSWORD_WRONG = Msg(
    "account.password_wrong",
    _("Mật khẩu hiện tại không đúng."),
)
PASSWORD_UNCHANGED = Msg(
    "account.password_unchanged",
    _("Mật khẩu mới phải khác mật khẩu cũ."),
)
PASSWORD_OWN_ONLY = Msg(
    "account.password_own_only",
    _("Mỗi người chỉ tự đổi mật khẩu của mình; quản trị viên thì đặt lại mật khẩu."),
)
ROLE_UNKNOWN = Msg(
    "account.role_unknown",
    _("Không có vai trò “{role}”."),
)
ROLE_NATIONAL_ONLY = Msg(
    "account.role_national_only",
    _("Chỉ quản trị toàn quốc mới giao được vai trò “{role}”."),
)
LAST_ADMIN = Msg(
    "account.last_admin",
    _(
        "{username} là quản trị duy nhất của cơ quan {office}: hãy giao vai trò quản trị cho người khác trước."
    ),
)
NOT_YOURSELF = Msg(
    "account.not_yourself",
    _("Không thể tự khóa tài khoản của chính mình."),
)
LANGUAGE_UNKNOWN = Msg(
    "account.language_unknown",
    _("Không có ngôn ngữ “{language}” (có: {known})."),
)
OFFICE_CODE_INVALID = Msg(
    "office.code_invalid",
    _("Mã cơ quan “{code}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang (vd. lao-cai)."),
)
OFFICE_CODE_TAKEN = Msg(
    "office.code_taken",
    _("Đã có cơ quan mã {code}."),
)
OFFICE_NAME_REQUIRED = Msg(
    "office.name_required",
    _("Hãy nhập tên cơ quan."),
)
PROVINCE_REQUIRED = Msg(
    "office.province_required",
    _("Hãy chọn tỉnh, thành phố của cơ quan (đơn vị hành chính hiện nay)."),
)
PROVINCE_NOT_CURRENT = Msg(
    "office.province_not_current",
    _("“{unit}” không phải tỉnh, thành phố hiện nay (sau 01/7/2025)."),
)
PROVINCE_UNKNOWN = Msg(
    "office.province_unknown",
    _("Không tìm thấy tỉnh, thành phố hiện nay nào tên hoặc mã “{text}”."),
)
PROVINCE_AMBIGUOUS = Msg(
    "office.province_ambiguous",
    _("“{text}” khớp nhiều tỉnh, thành phố: {names}. Hãy ghi rõ hơn hoặc dùng mã."),
)

# caunoi setup
SETUP_MISSING = Msg(
    "setup.missing",
    _("Thiếu {names}: hãy ghi các tham số này, hoặc chạy `caunoi setup` trong một terminal để được hỏi."),
)
SETUP_BAD_ARGUMENTS = Msg(
    "setup.bad_arguments",
    _("Tham số không đúng ({detail}). Xem `caunoi setup --help`."),
)
SETUP_PASSWORDS_DIFFER = Msg(
    "setup.passwords_differ",
    _("Hai lần nhập mật khẩu không giống nhau."),
)
