"""The topics a user chooses reminders by: each reminder's kind belongs to one (by its prefix)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

TOPICS = {
    "approval_not_started": _("Khoản viện trợ đã phê duyệt chưa triển khai sau 6 tháng"),
    "registration_expiring": _("Giấy đăng ký của tổ chức PCPNN sắp hết hạn"),
    "report_due": _("Báo cáo năm đến hạn"),
    "agreement": _("Thỏa thuận sắp hết hạn hoặc đã hết hạn"),
    "workshop": _("Xin phép và báo cáo hội nghị, hội thảo quốc tế"),
    "anniversary": _("Ngày kỷ niệm sắp tới"),
    "other": _("Nhắc việc khác"),
}


def topic_of(kind: str) -> str:
    for topic in TOPICS:
        if kind == topic or kind.startswith(f"{topic}_"):
            return topic
    return "other"
