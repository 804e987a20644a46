from caunoi.core.errors import Msg

OWN_ONLY = Msg(
    "notify.own_only",
    "Chỉ người dùng tự quản lý thông báo và lựa chọn nhắc việc của mình.",
    "Only users themselves manage their notifications and reminder choices.",
)
