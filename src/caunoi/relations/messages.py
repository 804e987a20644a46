"""Every rule of people's diplomacy, with its message in Vietnamese and English."""

from caunoi.core.errors import Msg

# Common
REQUIRED = Msg("relations.required", "Chưa nhập {what}.", "The {what_en} is missing.")
CHOICE_UNKNOWN = Msg(
    "relations.choice_unknown",
    "“{value}” không hợp lệ cho {what}; chọn một trong: {choices}.",
    "“{value}” is not a valid {what_en}; choose one of: {choices}.",
)
COUNTRY_UNKNOWN = Msg(
    "relations.country_unknown",
    "“{value}” không phải mã quốc gia ISO 3166 (vd. LA, FR, CN, JP).",
    "“{value}” is not an ISO 3166 country code (e.g. LA, FR, CN, JP).",
)
DATES_ORDER = Msg(
    "relations.dates_order",
    "{end_what} ({end}) không thể sớm hơn {start_what} ({start}).",
    "The {end_what_en} ({end}) cannot be before the {start_what_en} ({start}).",
)
DATE_IN_FUTURE = Msg(
    "relations.date_in_future",
    "Ngày {on} ở tương lai; chỉ ghi những việc đã xảy ra.",
    "The date {on} is in the future; record only what has happened.",
)
ARCHIVED = Msg(
    "relations.archived",
    "“{what}” đã lưu trữ; hãy khôi phục trước khi sửa hoặc liên kết.",
    "“{what}” is archived; restore it before changing or linking it.",
)
NEGATIVE = Msg("relations.negative", "{what} không thể âm hoặc bằng 0.", "The {what_en} must be above zero.")
DUPLICATE = Msg("relations.duplicate", "“{name}” đã có.", "“{name}” already exists.")
YEAR_INVALID = Msg("relations.year_invalid", "Năm {year} không hợp lệ.", "The year {year} is not valid.")
DATE_INVALID = Msg(
    "relations.date_invalid",
    "“{value}” không phải ngày hợp lệ (yyyy-mm-dd hoặc dd/mm/yyyy).",
    "“{value}” is not a valid date (yyyy-mm-dd or dd/mm/yyyy).",
)

# Partners
NOT_A_FOREIGN_PARTNER = Msg(
    "relations.not_a_foreign_partner",
    "“{name}” là {kind}, không phải địa phương hay tổ chức nước ngoài nên không thể là đối tác.",
    "“{name}” is a {kind_en}, not a foreign locality or organisation, so it cannot be a partner.",
)
PARTNER_WITHOUT_COUNTRY = Msg(
    "relations.partner_without_country",
    "Đối tác “{name}” chưa ghi quốc gia; hãy bổ sung trong danh bạ tổ chức.",
    "Partner “{name}” has no country; add it in the organisation registry.",
)
PARTNERSHIP_EXISTS = Msg(
    "relations.partnership_exists",
    "Đã có quan hệ đối tác với “{name}” trong cơ quan {office}.",
    "There is already a partnership with “{name}” in office {office}.",
)
ENDED_NEEDS_DATE = Msg(
    "relations.ended_needs_date",
    "Quan hệ đã chấm dứt cần ghi ngày chấm dứt.",
    "An ended partnership needs the date it ended.",
)

# Agreements
AGREEMENT_SIDES = Msg(
    "relations.agreement_sides",
    "Thỏa thuận cần ít nhất một bên ta và một bên đối tác.",
    "An agreement needs at least one party on our side and one on the partner's side.",
)
RENEWS_ITSELF = Msg(
    "relations.renews_itself",
    "Thỏa thuận “{title}” không thể gia hạn chính nó, trực tiếp hay gián tiếp.",
    "Agreement “{title}” cannot renew itself, directly or indirectly.",
)
RENEWAL_BEFORE_ORIGINAL = Msg(
    "relations.renewal_before_original",
    "Thỏa thuận gia hạn ({signed}) không thể ký trước thỏa thuận được gia hạn ({original}).",
    "A renewal ({signed}) cannot be signed before the agreement it renews ({original}).",
)
FIELD_ARCHIVED = Msg(
    "relations.field_archived",
    "Lĩnh vực “{name}” đã lưu trữ, không dùng được nữa.",
    "Field “{name}” is archived and can no longer be used.",
)
TERMINATED_BEFORE_SIGNED = Msg(
    "relations.terminated_before_signed",
    "Ngày chấm dứt ({on}) không thể trước ngày ký ({signed}).",
    "The termination date ({on}) cannot be before the signing date ({signed}).",
)

# Files
FILE_TYPE = Msg(
    "relations.file_type",
    "Tệp “{name}” không thuộc loại được nhận ({allowed}).",
    "The file “{name}” is not of an accepted type ({allowed}).",
)
FILE_CONTENT = Msg(
    "relations.file_content",
    "Nội dung tệp “{name}” không phải tệp {ext} thật.",
    "The content of “{name}” is not a real {ext} file.",
)
FILE_TOO_LARGE = Msg(
    "relations.file_too_large",
    "Tệp “{name}” nặng {size} MB, vượt giới hạn {limit} MB.",
    "The file “{name}” is {size} MB, above the {limit} MB limit.",
)
FILE_EMPTY = Msg("relations.file_empty", "Tệp “{name}” rỗng.", "The file “{name}” is empty.")

# Associations
TERM_OVERLAP = Msg(
    "relations.term_overlap",
    "Nhiệm kỳ {number} ({start}–{end}) trùng thời gian với nhiệm kỳ {other} ({other_start}–{other_end}).",
    "Term {number} ({start}–{end}) overlaps term {other} ({other_start}–{other_end}).",
)
TERM_ORDER = Msg(
    "relations.term_order",
    "Nhiệm kỳ {number} phải sau nhiệm kỳ {other} (số thứ tự và thời gian cùng tăng).",
    "Term {number} must come after term {other} (numbers and dates go up together).",
)
SEAT_OUTSIDE_TERM = Msg(
    "relations.seat_outside_term",
    "Thời gian giữ chức ({start}–{end}) phải nằm trong nhiệm kỳ {number} ({term_start}–{term_end}).",
    "The seat ({start}–{end}) must lie within term {number} ({term_start}–{term_end}).",
)
SEAT_OTHER_ASSOCIATION = Msg(
    "relations.seat_other_association",
    "Nhiệm kỳ này thuộc {other}, không phải {association}.",
    "This term belongs to {other}, not to {association}.",
)
FOUNDING_STEP_MISSING = Msg(
    "relations.founding_step_missing",
    "Chưa có bước “{missing}” nên chưa thể ghi bước “{step}”.",
    "The step “{missing_en}” is not recorded yet, so “{step_en}” cannot be.",
)
FOUNDING_STEP_EARLY = Msg(
    "relations.founding_step_early",
    "Bước “{step}” ({on}) không thể sớm hơn bước “{previous}” ({previous_on}).",
    "The step “{step_en}” ({on}) cannot be before “{previous_en}” ({previous_on}).",
)
FOUNDING_STEP_TWICE = Msg(
    "relations.founding_step_twice",
    "Bước “{step}” đã được ghi ngày {on}.",
    "The step “{step_en}” was already recorded on {on}.",
)
ALREADY_FOUNDED = Msg(
    "relations.already_founded",
    "{association} đã thành lập ({on}); không cần ghi các bước thành lập.",
    "{association} is already founded ({on}); founding steps do not apply.",
)
CONGRESS_BEFORE_FOUNDING = Msg(
    "relations.congress_before_founding",
    "Đại hội nhiệm kỳ của {association} cần hội đã thành lập; hãy ghi Đại hội thành lập trước.",
    "A regular congress of {association} needs the association to be founded; record the founding first.",
)
CONGRESS_HELD_NEEDS_DAY = Msg(
    "relations.congress_held_needs_day",
    "Đại hội đã tổ chức cần ghi đúng ngày tổ chức.",
    "A held congress needs the exact day it was held.",
)

# People and consent
CONSENT_DATES = Msg(
    "relations.consent_dates",
    "Ngày rút lại ({withdrawn}) không thể sớm hơn ngày đồng ý ({given}).",
    "The withdrawal ({withdrawn}) cannot be before the consent ({given}).",
)
MEMBER_DATES = Msg(
    "relations.member_dates",
    "Ngày ra hội ({left}) không thể sớm hơn ngày vào hội ({joined}).",
    "Leaving ({left}) cannot be before joining ({joined}).",
)

# Events
PERMISSION_LEAD_TIME = Msg(
    "relations.permission_lead_time",
    "Theo Quyết định 06/2020/QĐ-TTg, hội nghị, hội thảo quốc tế phải xin phép trước ít nhất {lead} ngày: xin phép "
    "ngày {requested} thì sớm nhất khai mạc ngày {earliest} (dự kiến {start}).",
    "Under Decision 06/2020/QĐ-TTg an international workshop needs permission asked for at least {lead} days "
    "ahead: asked on {requested}, it can open on {earliest} at the earliest (planned {start}).",
)
PERMISSION_ONLY_FOR_WORKSHOP = Msg(
    "relations.permission_only_for_workshop",
    "Chỉ hội nghị, hội thảo quốc tế mới cần xin phép theo Quyết định 06/2020/QĐ-TTg.",
    "Only international workshops need permission under Decision 06/2020/QĐ-TTg.",
)
PARTICIPANT_NEEDS_NAME = Msg(
    "relations.participant_needs_name",
    "Người tham gia cần họ tên hoặc chọn một cá nhân đã có.",
    "A participant needs a name or an existing person.",
)

# Plans
EVIDENCE_KIND = Msg(
    "relations.evidence_kind",
    "“{what}” không phải minh chứng phù hợp cho chỉ tiêu “{target}” (cần: {kind}).",
    "“{what}” is not suitable evidence for the target “{target}” (it needs: {kind_en}).",
)
EVIDENCE_TWICE = Msg(
    "relations.evidence_twice",
    "“{what}” đã được gắn làm minh chứng cho chỉ tiêu này.",
    "“{what}” is already linked as evidence of this target.",
)
TARGET_NEEDS_ASSOCIATION = Msg(
    "relations.target_needs_association",
    "Chỉ tiêu tổ chức đại hội cần chọn hội hữu nghị.",
    "A congress target needs the association.",
)
TASK_CANCELLED = Msg(
    "relations.task_cancelled",
    "Nhiệm vụ “{title}” đã hủy; không gắn thêm minh chứng.",
    "Task “{title}” is cancelled; no evidence can be linked.",
)

# Calendar
OCCASION_DATE = Msg(
    "relations.occasion_date",
    "Ngày {day}/{month} không có thật.",
    "{day}/{month} is not a real date.",
)
OCCASION_DATE_YEAR = Msg(
    "relations.occasion_date_year",
    "Ngày {on} không thuộc năm {year}.",
    "The date {on} is not in the year {year}.",
)
OCCASION_NEEDS_DAY = Msg(
    "relations.occasion_needs_day",
    "Dịp kỷ niệm theo dương lịch cần ngày và tháng.",
    "A solar-calendar occasion needs a day and a month.",
)

# Plans and calendar: editing
TARGET_FIELD_UNUSED = Msg(
    "relations.target_field_unused",
    "{what} không dùng cho chỉ tiêu loại “{kind}”; hãy để trống.",
    "The {what_en} does not apply to a target of kind “{kind_en}”; leave it empty.",
)
TARGET_EVIDENCE_UNSUITED = Msg(
    "relations.target_evidence_unsuited",
    "Minh chứng đã gắn “{what}” sẽ không còn phù hợp với chỉ tiêu sau khi sửa; hãy bỏ minh chứng đó trước.",
    "The linked evidence “{what}” would no longer suit the changed target; unlink it first.",
)
TARGET_HAS_EVIDENCE = Msg(
    "relations.target_has_evidence",
    "Chỉ tiêu “{target}” đã gắn {count} minh chứng; hãy bỏ các minh chứng trước khi xóa chỉ tiêu.",
    "The target “{target}” has {count} linked evidence record(s); unlink them before removing the target.",
)
TASK_ALREADY_CANCELLED = Msg(
    "relations.task_already_cancelled",
    "Nhiệm vụ “{title}” đã hủy ngày {on}.",
    "Task “{title}” was already cancelled on {on}.",
)
TASK_NOT_CANCELLED = Msg(
    "relations.task_not_cancelled",
    "Nhiệm vụ “{title}” chưa bị hủy.",
    "Task “{title}” is not cancelled.",
)
OCCASION_ROUND_NEEDS_YEAR = Msg(
    "relations.occasion_round_needs_year",
    "Kỷ niệm tròn năm cần năm gốc (vd. 1962 với quan hệ Việt Nam - Lào) để tính số năm.",
    "A round-year anniversary needs the year of origin (e.g. 1962 for Vietnam–Laos relations) to count the years.",
)
OCCASION_NOT_PER_YEAR = Msg(
    "relations.occasion_not_per_year",
    "“{title}” có ngày cố định hằng năm; chỉ dịp theo âm lịch mới ghi ngày cho từng năm.",
    "“{title}” falls on a fixed day each year; only a lunar occasion takes a date per year.",
)

# People, consent, named members, association details (people's-diplomacy pages)
CONSENT_STANDING = Msg(
    "relations.consent_standing",
    "{name} đã đồng ý “{kind}” từ ngày {given} và chưa rút lại; không cần ghi lần nữa.",
    "{name} has consented to {kind_en} since {given} and has not withdrawn it; there is nothing to record.",
)
CONSENT_BEFORE_WITHDRAWAL = Msg(
    "relations.consent_before_withdrawal",
    "Ngày đồng ý ({given}) không thể sớm hơn lần rút lại gần nhất ({withdrawn}).",
    "The consent ({given}) cannot be dated before the last withdrawal ({withdrawn}).",
)
CONSENT_NONE_STANDING = Msg(
    "relations.consent_none_standing",
    "{name} không có sự đồng ý “{kind}” nào còn hiệu lực để rút lại.",
    "{name} has no standing consent to {kind_en} to withdraw.",
)
EMAIL_INVALID = Msg(
    "relations.email_invalid",
    "“{value}” không phải địa chỉ thư điện tử hợp lệ.",
    "“{value}” is not a valid e-mail address.",
)
FOUNDING_FROM_STEPS = Msg(
    "relations.founding_from_steps",
    "{association} thành lập qua các bước đã ghi: quyết định và ngày thành lập lấy từ các bước đó, không sửa ở đây.",
    "{association} was founded through its recorded steps: the founding decision and date come from those steps "
    "and cannot be changed here.",
)
MEMBER_ALREADY_LEFT = Msg(
    "relations.member_already_left",
    "{name} đã ra hội ngày {left}.",
    "{name} already left on {left}.",
)
