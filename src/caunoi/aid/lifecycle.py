"""The lifecycle of an aid item under Decree 80/2020 (kept by Decree 313/2025): which step may follow which."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PROPOSAL = "proposal", _("Đề xuất")
    MOBILISING = "mobilising", _("Đang vận động")
    DOSSIER_SUBMITTED = "dossier_submitted", _("Đã nộp hồ sơ")
    IN_APPRAISAL = "in_appraisal", _("Đang thẩm định")
    APPROVED = "approved", _("Đã phê duyệt")
    DECLINED = "declined", _("Không phê duyệt")
    IMPLEMENTING = "implementing", _("Đang thực hiện")
    SUSPENDED = "suspended", _("Tạm dừng")
    COMPLETED = "completed", _("Đã hoàn thành")
    CLOSED = "closed", _("Đã quyết toán, đóng")
    CANCELLED = "cancelled", _("Đã hủy")
    APPROVAL_REVOKED = "approval_revoked", _("Bị thu hồi quyết định phê duyệt")


S = Status
TRANSITIONS: dict[str, frozenset[str]] = {
    S.PROPOSAL: frozenset({S.MOBILISING, S.DOSSIER_SUBMITTED, S.CANCELLED}),
    S.MOBILISING: frozenset({S.DOSSIER_SUBMITTED, S.CANCELLED}),
    S.DOSSIER_SUBMITTED: frozenset({S.IN_APPRAISAL, S.CANCELLED}),
    S.IN_APPRAISAL: frozenset({S.APPROVED, S.DECLINED, S.DOSSIER_SUBMITTED, S.CANCELLED}),
    S.APPROVED: frozenset({S.IMPLEMENTING, S.APPROVAL_REVOKED, S.CANCELLED}),
    S.IMPLEMENTING: frozenset({S.SUSPENDED, S.COMPLETED, S.APPROVAL_REVOKED}),
    S.SUSPENDED: frozenset({S.IMPLEMENTING, S.APPROVAL_REVOKED, S.CANCELLED}),
    S.COMPLETED: frozenset({S.CLOSED}),
    S.DECLINED: frozenset(),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
    S.APPROVAL_REVOKED: frozenset(),
}

# Statuses an item can only be in after an approval decision.
APPROVED_STATUSES = frozenset({S.APPROVED, S.IMPLEMENTING, S.SUSPENDED, S.COMPLETED, S.CLOSED})
# Statuses that end an item for good: a year no longer counts an item that reached one by the year's end.
ENDED_STATUSES = frozenset({S.APPROVAL_REVOKED, S.CANCELLED})
# The pipeline before a decision.
PIPELINE_STATUSES = frozenset({S.PROPOSAL, S.MOBILISING, S.DOSSIER_SUBMITTED, S.IN_APPRAISAL})


# What the button that moves an item to each status says (an action, not the state it leads to).
ACTION_LABELS: dict[str, Any] = {
    S.MOBILISING: _("Bắt đầu vận động"),
    S.DOSSIER_SUBMITTED: _("Nộp hồ sơ"),
    S.IN_APPRAISAL: _("Ghi nhận đang thẩm định"),
    S.APPROVED: _("Phê duyệt"),
    S.DECLINED: _("Không phê duyệt"),
    S.IMPLEMENTING: _("Bắt đầu thực hiện"),
    S.SUSPENDED: _("Tạm dừng"),
    S.COMPLETED: _("Hoàn thành"),
    S.CLOSED: _("Quyết toán, đóng"),
    S.CANCELLED: _("Hủy"),
    S.APPROVAL_REVOKED: _("Thu hồi quyết định phê duyệt"),
}
