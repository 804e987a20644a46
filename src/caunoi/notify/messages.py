from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

OWN_ONLY = Msg(
    "notify.own_only",
    _("Chỉ người dùng tự quản lý thông báo và lựa chọn nhắc việc của mình."),
)
