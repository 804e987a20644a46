"""Every rule of people's diplomacy, with its message in Vietnamese and English."""

from django.utils.translation import gettext_noop as _  # marks a template for the catalog; Msg translates it

from caunoi.core.errors import Msg

# Common
REQUIRED = Msg("relations.required", _("Chưa nhập {what}."))
CHOICE_UNKNOWN = Msg(
    "relations.choice_unknown",
    _("“{value}” không hợp lệ cho {what}; chọn một trong: {choices}."),
)
COUNTRY_UNKNOWN = Msg(
    "relations.country_unknown",
    _("“{value}” không phải mã quốc gia ISO 3166 (vd. LA, FR, CN, JP)."),
)
DATES_ORDER = Msg(
    "relations.dates_order",
    _("{end_what} ({end}) không thể sớm hơn {start_what} ({start})."),
)
DATE_IN_FUTURE = Msg(
    "relations.date_in_future",
    _("Ngày {on} ở tương lai; chỉ ghi những việc đã xảy ra."),
)
ARCHIVED = Msg(
    "relations.archived",
    _("“{what}” đã lưu trữ; hãy khôi phục trước khi sửa hoặc liên kết."),
)
NEGATIVE = Msg("relations.negative", _("{what} không thể âm hoặc bằng 0."))
DUPLICATE = Msg("relations.duplicate", _("“{name}” đã có."))
YEAR_INVALID = Msg("relations.year_invalid", _("Năm {year} không hợp lệ."))
DATE_INVALID = Msg(
    "relations.date_invalid",
    _("“{value}” không phải ngày hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy)."),
)

# Partners
NOT_A_FOREIGN_PARTNER = Msg(
    "relations.not_a_foreign_partner",
    _("“{name}” là {kind}, không phải địa phương hay tổ chức nước ngoài nên không thể là đối tác."),
)
PARTNER_WITHOUT_COUNTRY = Msg(
    "relations.partner_without_country",
    _("Đối tác “{name}” chưa ghi quốc gia; hãy bổ sung trong danh bạ tổ chức."),
)
PARTNERSHIP_EXISTS = Msg(
    "relations.partnership_exists",
    _("Đã có quan hệ đối tác với “{name}” trong cơ quan {office}."),
)
ENDED_NEEDS_DATE = Msg(
    "relations.ended_needs_date",
    _("Quan hệ đã chấm dứt cần ghi ngày chấm dứt."),
)

# Agreements
AGREEMENT_SIDES = Msg(
    "relations.agreement_sides",
    _("Thỏa thuận cần ít nhất một bên ta và một bên đối tác."),
)
RENEWS_ITSELF = Msg(
    "relations.renews_itself",
    _("Thỏa thuận “{title}” không thể gia hạn chính nó, trực tiếp hay gián tiếp."),
)
RENEWAL_BEFORE_ORIGINAL = Msg(
    "relations.renewal_before_original",
    _("Thỏa thuận gia hạn ({signed}) không thể ký trước thỏa thuận được gia hạn ({original})."),
)
FIELD_ARCHIVED = Msg(
    "relations.field_archived",
    _("Lĩnh vực “{name}” đã lưu trữ, không dùng được nữa."),
)
TERMINATED_BEFORE_SIGNED = Msg(
    "relations.terminated_before_signed",
    _("Ngày chấm dứt ({on}) không thể trước ngày ký ({signed})."),
)

# Files
FILE_TYPE = Msg(
    "relations.file_type",
    _("Tệp “{name}” không thuộc loại được nhận ({allowed})."),
)
FILE_CONTENT = Msg(
    "relations.file_content",
    _("Nội dung tệp “{name}” không phải tệp {ext} thật."),
)
FILE_TOO_LARGE = Msg(
    "relations.file_too_large",
    _("Tệp “{name}” nặng {size} MB, vượt giới hạn {limit} MB."),
)
FILE_EMPTY = Msg("relations.file_empty", _("Tệp “{name}” rỗng."))

# Associations
TERM_OVERLAP = Msg(
    "relations.term_overlap",
    _("Nhiệm kỳ {number} ({start}–{end}) trùng thời gian với nhiệm kỳ {other} ({other_start}–{other_end})."),
)
TERM_ORDER = Msg(
    "relations.term_order",
    _("Nhiệm kỳ {number} phải sau nhiệm kỳ {other} (số thứ tự và thời gian cùng tăng)."),
)
SEAT_OUTSIDE_TERM = Msg(
    "relations.seat_outside_term",
    _("Thời gian giữ chức ({start}–{end}) phải nằm trong nhiệm kỳ {number} ({term_start}–{term_end})."),
)
SEAT_OTHER_ASSOCIATION = Msg(
    "relations.seat_other_association",
    _("Nhiệm kỳ này thuộc {other}, không phải {association}."),
)
FOUNDING_STEP_MISSING = Msg(
    "relations.founding_step_missing",
    _("Chưa có bước “{missing}” nên chưa thể ghi bước “{step}”."),
)
FOUNDING_STEP_EARLY = Msg(
    "relations.founding_step_early",
    _("Bước “{step}” ({on}) không thể sớm hơn bước “{previous}” ({previous_on})."),
)
FOUNDING_STEP_TWICE = Msg(
    "relations.founding_step_twice",
    _("Bước “{step}” đã được ghi ngày {on}."),
)
ALREADY_FOUNDED = Msg(
    "relations.already_founded",
    _("{association} đã thành lập ({on}); không cần ghi các bước thành lập."),
)
CONGRESS_BEFORE_FOUNDING = Msg(
    "relations.congress_before_founding",
    _("Đại hội nhiệm kỳ của {association} cần hội đã thành lập; hãy ghi Đại hội thành lập trước."),
)
CONGRESS_HELD_NEEDS_DAY = Msg(
    "relations.congress_held_needs_day",
    _("Đại hội đã tổ chức cần ghi đúng ngày tổ chức."),
)

# People and consent
CONSENT_DATES = Msg(
    "relations.consent_dates",
    _("Ngày rút lại ({withdrawn}) không thể sớm hơn ngày đồng ý ({given})."),
)
MEMBER_DATES = Msg(
    "relations.member_dates",
    _("Ngày ra hội ({left}) không thể sớm hơn ngày vào hội ({joined})."),
)

# Events
PERMISSION_LEAD_TIME = Msg(
    "relations.permission_lead_time",
    _(
        "Theo Quyết định 06/2020/QĐ-TTg, hội nghị, hội thảo quốc tế phải xin phép trước ít nhất {lead} ngày: xin phép "
        "ngày {requested} thì sớm nhất khai mạc ngày {earliest} (dự kiến {start})."
    ),
)
PERMISSION_ONLY_FOR_WORKSHOP = Msg(
    "relations.permission_only_for_workshop",
    _("Chỉ hội nghị, hội thảo quốc tế mới cần xin phép theo Quyết định 06/2020/QĐ-TTg."),
)
PARTICIPANT_NEEDS_NAME = Msg(
    "relations.participant_needs_name",
    _("Người tham gia cần họ tên hoặc chọn một cá nhân đã có."),
)

# Plans
EVIDENCE_KIND = Msg(
    "relations.evidence_kind",
    _("“{what}” không phải minh chứng phù hợp cho chỉ tiêu “{target}” (cần: {kind})."),
)
EVIDENCE_TWICE = Msg(
    "relations.evidence_twice",
    _("“{what}” đã được gắn làm minh chứng cho chỉ tiêu này."),
)
TARGET_NEEDS_ASSOCIATION = Msg(
    "relations.target_needs_association",
    _("Chỉ tiêu tổ chức đại hội cần chọn hội hữu nghị."),
)
TASK_CANCELLED = Msg(
    "relations.task_cancelled",
    _("Nhiệm vụ “{title}” đã hủy; không gắn thêm minh chứng."),
)

# Calendar
OCCASION_DATE = Msg(
    "relations.occasion_date",
    _("Ngày {day}/{month} không có thật."),
)
OCCASION_DATE_YEAR = Msg(
    "relations.occasion_date_year",
    _("Ngày {on} không thuộc năm {year}."),
)
OCCASION_NEEDS_DAY = Msg(
    "relations.occasion_needs_day",
    _("Dịp kỷ niệm theo dương lịch cần ngày và tháng."),
)

# Plans and calendar: editing
TARGET_FIELD_UNUSED = Msg(
    "relations.target_field_unused",
    _("{what} không dùng cho chỉ tiêu loại “{kind}”; hãy để trống."),
)
TARGET_EVIDENCE_UNSUITED = Msg(
    "relations.target_evidence_unsuited",
    _(
        "Minh chứng đã gắn “{what}” sẽ không còn phù hợp với chỉ tiêu sau khi sửa; hãy bỏ minh chứng đó trước."
    ),
)
TARGET_HAS_EVIDENCE = Msg(
    "relations.target_has_evidence",
    _("Chỉ tiêu “{target}” đã gắn {count} minh chứng; hãy bỏ các minh chứng trước khi xóa chỉ tiêu."),
)
TASK_ALREADY_CANCELLED = Msg(
    "relations.task_already_cancelled",
    _("Nhiệm vụ “{title}” đã hủy ngày {on}."),
)
TASK_NOT_CANCELLED = Msg(
    "relations.task_not_cancelled",
    _("Nhiệm vụ “{title}” chưa bị hủy."),
)
OCCASION_ROUND_NEEDS_YEAR = Msg(
    "relations.occasion_round_needs_year",
    _("Kỷ niệm tròn năm cần năm gốc (vd. 1962 với quan hệ Việt Nam - Lào) để tính số năm."),
)
OCCASION_NOT_PER_YEAR = Msg(
    "relations.occasion_not_per_year",
    _("“{title}” có ngày cố định hằng năm; chỉ dịp theo âm lịch mới ghi ngày cho từng năm."),
)

# People, consent, named members, association details (people's-diplomacy pages)
CONSENT_STANDING = Msg(
    "relations.consent_standing",
    _("{name} đã đồng ý “{kind}” từ ngày {given} và chưa rút lại; không cần ghi lần nữa."),
)
CONSENT_BEFORE_WITHDRAWAL = Msg(
    "relations.consent_before_withdrawal",
    _("Ngày đồng ý ({given}) không thể sớm hơn lần rút lại gần nhất ({withdrawn})."),
)
CONSENT_NONE_STANDING = Msg(
    "relations.consent_none_standing",
    _("{name} không có sự đồng ý “{kind}” nào còn hiệu lực để rút lại."),
)
EMAIL_INVALID = Msg(
    "relations.email_invalid",
    _("“{value}” không phải địa chỉ thư điện tử hợp lệ."),
)
FOUNDING_FROM_STEPS = Msg(
    "relations.founding_from_steps",
    _(
        "{association} thành lập qua các bước đã ghi: quyết định và ngày thành lập lấy từ các bước đó, không sửa ở đây."
    ),
)
MEMBER_ALREADY_LEFT = Msg(
    "relations.member_already_left",
    _("{name} đã ra hội ngày {left}."),
)
