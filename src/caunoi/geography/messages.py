from caunoi.core.errors import Msg

GEO_BAD_ARGUMENTS = Msg(
    "geography.bad_arguments",
    "Tham số không hợp lệ ({detail}). Cách dùng: caunoi geography load | caunoi geography show TÊN "
    "[--era legacy|2025] [--level province|district|commune] [--limit N].",
    "Invalid arguments ({detail}). Usage: caunoi geography load | caunoi geography show NAME "
    "[--era legacy|2025] [--level province|district|commune] [--limit N].",
)
GEO_UNKNOWN_ACTION = Msg(
    "geography.unknown_action",
    "Không có lệnh “{action}”; hãy dùng “load” (nạp danh mục) hoặc “show TÊN” (tìm đơn vị).",
    "There is no action “{action}”; use “load” (load the tables) or “show NAME” (find units).",
)
GEO_ACTION_REQUIRED = Msg(
    "geography.action_required",
    "Thiếu lệnh; hãy dùng “load” (nạp danh mục) hoặc “show TÊN” (tìm đơn vị).",
    "No action given; use “load” (load the tables) or “show NAME” (find units).",
)
GEO_NAME_REQUIRED = Msg(
    "geography.name_required",
    "Hãy cho tên đơn vị cần tìm, có dấu hoặc không dấu, ví dụ: caunoi geography show mu cang chai.",
    "Give the name of the unit to find, with or without diacritics, e.g. caunoi geography show mu cang chai.",
)
GEO_LOAD_TAKES_NO_NAME = Msg(
    "geography.load_takes_no_name",
    "Lệnh “load” không nhận tham số thêm (nhận được: {extra}).",
    "The “load” action takes no further arguments (got: {extra}).",
)
GEO_BAD_ERA = Msg(
    "geography.bad_era",
    "Thời kỳ “{value}” không hợp lệ; dùng “legacy” (63 tỉnh, trước 01/7/2025) hoặc “2025” (34 tỉnh).",
    "Era “{value}” is not valid; use “legacy” (63 provinces, before 1 July 2025) or “2025” (34 provinces).",
)
GEO_BAD_LEVEL = Msg(
    "geography.bad_level",
    "Cấp “{value}” không hợp lệ; dùng “province” (tỉnh), “district” (huyện) hoặc “commune” (xã).",
    "Level “{value}” is not valid; use “province”, “district” or “commune”.",
)
GEO_BAD_LIMIT = Msg(
    "geography.bad_limit",
    "Giới hạn “{value}” không hợp lệ; hãy cho một số nguyên dương.",
    "Limit “{value}” is not valid; give a positive whole number.",
)
GEO_NOT_LOADED = Msg(
    "geography.not_loaded",
    "Chưa nạp danh mục đơn vị hành chính; hãy chạy: caunoi geography load.",
    "The administrative units are not loaded yet; run: caunoi geography load.",
)
GEO_NOT_FOUND = Msg(
    "geography.not_found",
    "Không tìm thấy đơn vị hành chính nào khớp với “{text}”.",
    "No administrative unit matches “{text}”.",
)
GEO_NO_SUCCESSOR = Msg(
    "geography.no_successor",
    "Đơn vị {unit} không có đơn vị kế thừa trong bảng chuyển đổi 2025.",
    "{unit} has no successor in the 2025 conversion table.",
)
GEO_SOURCE_INCONSISTENT = Msg(
    "geography.source_inconsistent",
    "Dữ liệu gói vietnamadminunits không nhất quán: {detail}. Không nạp gì.",
    "The vietnamadminunits data are inconsistent: {detail}. Nothing was loaded.",
)
