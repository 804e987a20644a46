"""Every rule of external information, with its message in Vietnamese (English in the catalog)."""

from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

REQUIRED = Msg("publishing.required", _("Chưa nhập {what}."))
ARCHIVED = Msg("publishing.archived", _("“{what}” đã lưu trữ; hãy khôi phục trước khi sửa hoặc dùng."))
WRONG_STEP = Msg(
    "publishing.wrong_step",
    _("Tin bài “{title}” đang ở trạng thái “{status}”; không thể {step}."),
)
PUBLISHED_LOCKED = Msg(
    "publishing.published_locked",
    _("Tin bài “{title}” đã đăng; hãy gỡ bài (ghi lý do) trước khi sửa."),
)
REASON_REQUIRED = Msg("publishing.reason_required", _("Cần ghi lý do {step}."))
NO_CONSENT_NAME = Msg(
    "publishing.no_consent_name",
    _(
        "“{name}” chưa đồng ý được nêu tên (không có sự đồng ý còn hiệu lực ngày {on}); không thể nêu tên hoặc gắn thẻ người này."
    ),
)
NO_CONSENT_PHOTO = Msg(
    "publishing.no_consent_photo",
    _(
        "Chú thích ảnh nêu tên “{name}”, người chưa đồng ý cho dùng ảnh (ngày {on}); hãy ghi sự đồng ý trước hoặc bỏ tên khỏi chú thích."
    ),
)
CAPTION_NOT_TAGGED = Msg(
    "publishing.caption_not_tagged",
    _(
        "Chú thích ảnh nêu tên “{name}” nhưng người này chưa được gắn thẻ trong tin bài; hãy gắn thẻ (cần sự đồng ý được nêu tên)."
    ),
)
IMAGE_INVALID = Msg(
    "publishing.image_invalid",
    _("Tệp “{name}” không phải ảnh JPEG, PNG hoặc WebP đọc được; không có gì được lưu."),
)
IMAGE_TOO_LARGE = Msg(
    "publishing.image_too_large",
    _("Ảnh “{name}” nặng {size} MB; tối đa {limit} MB."),
)
IMAGE_TOO_MANY_PIXELS = Msg(
    "publishing.image_too_many_pixels",
    _("Ảnh “{name}” quá lớn ({width} × {height} điểm ảnh); hãy thu nhỏ trước khi tải lên."),
)
NOT_PUBLISHED = Msg(
    "publishing.not_published",
    _("Tin bài “{title}” chưa đăng; chỉ ghi nơi đăng và đưa vào bản tin những bài đã đăng."),
)
CHANNEL_EXISTS = Msg("publishing.channel_exists", _("Đã có kênh “{name}”."))
CHANNEL_UNKNOWN = Msg("publishing.channel_unknown", _("Không có kênh “{name}” trong cơ quan {office}."))
OWN_SITE_AUTOMATIC = Msg(
    "publishing.own_site_automatic",
    _("Bài được đăng trên trang của cơ quan tự động khi đăng; không ghi tay nơi đăng này."),
)
URL_INVALID = Msg("publishing.url_invalid", _("“{value}” không phải địa chỉ http(s) hợp lệ."))
DATE_IN_FUTURE = Msg("publishing.date_in_future", _("Ngày {on} ở tương lai; chỉ ghi những bài đã đăng."))
PLACEMENT_BEFORE_PUBLISHED = Msg(
    "publishing.placement_before_published",
    _("Ngày đăng {on} sớm hơn ngày bài được duyệt ({approved})."),
)
BULLETIN_NUMBER_TAKEN = Msg("publishing.bulletin_number_taken", _("Đã có bản tin số {number}."))
BULLETIN_EMPTY = Msg("publishing.bulletin_empty", _("Bản tin số {number} chưa có bài nào."))
BULLETIN_DUPLICATE = Msg(
    "publishing.bulletin_duplicate", _("Tin bài “{title}” được chọn hai lần trong cùng một số bản tin.")
)
BULLETIN_UNKNOWN = Msg(
    "publishing.bulletin_unknown", _("Không có bản tin số {number} trong cơ quan {office}.")
)
PDF_UNAVAILABLE = Msg(
    "publishing.pdf_unavailable",
    _("Không tạo được PDF: thư viện {library} chưa dùng được ({reason})."),
)
OUTPUT_UNWRITABLE = Msg(
    "publishing.output_unwritable",
    _("Không ghi được tệp {path}: {reason}."),
)
PAGE_SLUG_TAKEN = Msg("publishing.page_slug_taken", _("Đã có trang với đường dẫn “{slug}”."))
PAGE_SLUG_INVALID = Msg(
    "publishing.page_slug_invalid",
    _("Đường dẫn “{slug}” chỉ được gồm chữ thường không dấu, chữ số và dấu gạch ngang (tối đa 60 ký tự)."),
)
PAGE_PUBLISHED_NEEDS_DECIDE = Msg(
    "publishing.page_published_needs_decide",
    _(
        "Trang “{title}” đang công khai: chỉ lãnh đạo (người có quyền duyệt) được sửa, đăng hoặc gỡ trang công khai."
    ),
)
