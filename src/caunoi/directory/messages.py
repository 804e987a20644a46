from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

NAME_REQUIRED = Msg("directory.name_required", _("Chưa nhập tên tổ chức."))
COUNTRY_UNKNOWN = Msg(
    "directory.country_unknown",
    _("“{code}” không phải mã quốc gia ISO 3166 (2 chữ cái, ví dụ VN, FR, JP)."),
)
ORG_TYPE_UNKNOWN = Msg(
    "directory.org_type_unknown",
    _("“{code}” không phải mã loại tổ chức IATI."),
)
IATI_REF_TAKEN = Msg(
    "directory.iati_ref_taken",
    _("Mã IATI “{ref}” đã dùng cho tổ chức {other}."),
)
REGISTRATION_DATES = Msg(
    "directory.registration_dates",
    _("Ngày hết hạn phải sau ngày cấp."),
)
REGISTRATION_TOO_LONG = Msg(
    "directory.registration_too_long",
    _("{kind} có thời hạn tối đa {years} năm (Nghị định 58/2022/NĐ-CP)."),
)
NAME_TAKEN = Msg(
    "directory.name_taken",
    _(
        "Cơ quan đã có tổ chức tên “{other}”; “{name}” trùng tên đó (không kể dấu, hoa thường). Hãy dùng tổ "
        "chức đã có, hoặc ghi mã IATI để phân biệt."
    ),
)
