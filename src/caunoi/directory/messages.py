from caunoi.core.errors import Msg

NAME_REQUIRED = Msg(
    "directory.name_required", "Chưa nhập tên tổ chức.", "The organisation's name is missing."
)
COUNTRY_UNKNOWN = Msg(
    "directory.country_unknown",
    "“{code}” không phải mã quốc gia ISO 3166 (2 chữ cái, ví dụ VN, FR, JP).",
    "“{code}” is not an ISO 3166 country code (two letters, e.g. VN, FR, JP).",
)
ORG_TYPE_UNKNOWN = Msg(
    "directory.org_type_unknown",
    "“{code}” không phải mã loại tổ chức IATI.",
    "“{code}” is not an IATI organisation type code.",
)
IATI_REF_TAKEN = Msg(
    "directory.iati_ref_taken",
    "Mã IATI “{ref}” đã dùng cho tổ chức {other}.",
    "IATI identifier “{ref}” is already used by {other}.",
)
REGISTRATION_DATES = Msg(
    "directory.registration_dates",
    "Ngày hết hạn phải sau ngày cấp.",
    "The expiry date must come after the issue date.",
)
REGISTRATION_TOO_LONG = Msg(
    "directory.registration_too_long",
    "{kind} có thời hạn tối đa {years} năm (Nghị định 58/2022/NĐ-CP).",
    "A {kind_en} runs for at most {years} years (Decree 58/2022).",
)
NAME_TAKEN = Msg(
    "directory.name_taken",
    "Cơ quan đã có tổ chức tên “{other}”; “{name}” trùng tên đó (không kể dấu, hoa thường). Hãy dùng tổ "
    "chức đã có, hoặc ghi mã IATI để phân biệt.",
    "The office already has an organisation named “{other}”; “{name}” is the same name (ignoring accents "
    "and case). Use that organisation, or give an IATI identifier to tell them apart.",
)
