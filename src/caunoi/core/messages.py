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
DATABASE_BUSY = Msg(
    "database.busy",
    "Cơ sở dữ liệu đang bận (một thao tác khác đang ghi) quá {seconds} giây; hãy thử lại sau.",
    "The database is busy (another operation is writing) for more than {seconds} s; try again later.",
)
