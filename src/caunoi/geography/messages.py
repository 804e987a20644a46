from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

GEO_BAD_ARGUMENTS = Msg(
    "geography.bad_arguments",
    _(
        "Tham số không hợp lệ ({detail}). Cách dùng: caunoi geography load | caunoi geography show TÊN "
        "[--era legacy|2025] [--level province|district|commune] [--limit N]."
    ),
)
GEO_UNKNOWN_ACTION = Msg(
    "geography.unknown_action",
    _("Không có lệnh “{action}”; hãy dùng “load” (nạp danh mục) hoặc “show TÊN” (tìm đơn vị)."),
)
GEO_ACTION_REQUIRED = Msg(
    "geography.action_required",
    _("Thiếu lệnh; hãy dùng “load” (nạp danh mục) hoặc “show TÊN” (tìm đơn vị)."),
)
GEO_NAME_REQUIRED = Msg(
    "geography.name_required",
    _("Hãy cho tên đơn vị cần tìm, có dấu hoặc không dấu, ví dụ: caunoi geography show mu cang chai."),
)
GEO_LOAD_TAKES_NO_NAME = Msg(
    "geography.load_takes_no_name",
    _("Lệnh “load” không nhận tham số thêm (nhận được: {extra})."),
)
GEO_BAD_ERA = Msg(
    "geography.bad_era",
    _("Thời kỳ “{value}” không hợp lệ; dùng “legacy” (63 tỉnh, trước 01/7/2025) hoặc “2025” (34 tỉnh)."),
)
GEO_BAD_LEVEL = Msg(
    "geography.bad_level",
    _("Cấp “{value}” không hợp lệ; dùng “province” (tỉnh), “district” (huyện) hoặc “commune” (xã)."),
)
GEO_BAD_LIMIT = Msg(
    "geography.bad_limit",
    _("Giới hạn “{value}” không hợp lệ; hãy cho một số nguyên dương."),
)
GEO_NOT_LOADED = Msg(
    "geography.not_loaded",
    _("Chưa nạp danh mục đơn vị hành chính; hãy chạy: caunoi geography load."),
)
GEO_NOT_FOUND = Msg(
    "geography.not_found",
    _("Không tìm thấy đơn vị hành chính nào khớp với “{text}”."),
)
GEO_NO_SUCCESSOR = Msg(
    "geography.no_successor",
    _("Đơn vị {unit} không có đơn vị kế thừa trong bảng chuyển đổi 2025."),
)
GEO_SOURCE_INCONSISTENT = Msg(
    "geography.source_inconsistent",
    _("Dữ liệu gói vietnamadminunits không nhất quán: {detail}. Không nạp gì."),
)
