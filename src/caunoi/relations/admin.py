"""Admin for people's diplomacy: every record is shown with its history; none is deleted (staff archive).

Records bound by rules (dates in order, founding steps, terms, permission lead time…) are read-only here:
they are written through `caunoi.relations.services`, which the web pages and the CLI call, so the admin can
never save what the services would refuse. The plain editable lists (fields of cooperation, the calendar of
occasions) are edited here.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from caunoi.core.admin import ReadOnlyInline
from caunoi.relations import models as r
from caunoi.relations.status import agreement_status


class NoDelete(SimpleHistoryAdmin):
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # staff archive, they do not destroy


class ReadOnly(NoDelete):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ContactInline(ReadOnlyInline):
    model = r.PartnershipContact


@admin.register(r.Partnership)
class PartnershipAdmin(ReadOnly):
    list_display = ["organisation", "level", "kind", "since", "status", "is_illustrative", "office"]
    list_filter = ["office", "kind", "status", "level", "is_illustrative"]
    search_fields = ["organisation__name", "organisation__name_original"]
    inlines = [ContactInline]


class PartyInline(ReadOnlyInline):
    model = r.AgreementParty


class AidLinkInline(ReadOnlyInline):
    model = r.AgreementAidItem


@admin.register(r.Agreement)
class AgreementAdmin(ReadOnly):
    list_display = ["title", "kind", "signed_on", "period_start", "period_end", "status_today", "office"]
    list_filter = ["office", "kind", "is_illustrative"]
    search_fields = ["title", "number"]
    inlines = [PartyInline, AidLinkInline]

    @admin.display(description="Tình trạng hôm nay")
    def status_today(self, obj: r.Agreement) -> str:
        return str(agreement_status(obj, timezone.localdate()).label)


@admin.register(r.CooperationField)
class CooperationFieldAdmin(NoDelete):
    list_display = ["order", "code", "name", "name_en", "archived_at"]


class StepInline(ReadOnlyInline):
    model = r.FoundingStep


class TermInline(ReadOnlyInline):
    model = r.Term


class CountInline(ReadOnlyInline):
    model = r.MemberCount


class MemberInline(ReadOnlyInline):
    model = r.AssociationMember


@admin.register(r.Association)
class AssociationAdmin(ReadOnly):
    list_display = ["name", "counterpart_country", "founded_on", "is_illustrative", "office"]
    list_filter = ["office", "counterpart_country"]
    inlines = [StepInline, TermInline, CountInline, MemberInline]


class SeatInline(ReadOnlyInline):
    model = r.CommitteeMember


@admin.register(r.Term)
class TermAdmin(ReadOnly):
    list_display = ["association", "number", "start", "end", "is_illustrative"]
    inlines = [SeatInline]


@admin.register(r.Congress)
class CongressAdmin(ReadOnly):
    list_display = ["association", "kind", "term_number", "status", "on", "precision", "office"]
    list_filter = ["office", "status", "kind"]


class ConsentInline(ReadOnlyInline):
    model = r.Consent


@admin.register(r.Person)
class PersonAdmin(ReadOnly):
    list_display = ["name", "kind", "nationality", "institution", "is_illustrative", "office"]
    list_filter = ["office", "kind", "nationality"]
    search_fields = ["name"]
    inlines = [ConsentInline]


class ParticipantInline(ReadOnlyInline):
    model = r.EventParticipant


class HeadcountInline(ReadOnlyInline):
    model = r.Headcount


class PhotoInline(ReadOnlyInline):
    model = r.EventPhoto


class DocumentInline(ReadOnlyInline):
    model = r.EventDocument


@admin.register(r.Event)
class EventAdmin(ReadOnly):
    list_display = ["title", "kind", "start_on", "end_on", "partnership", "is_illustrative", "office"]
    list_filter = ["office", "kind", "is_illustrative"]
    search_fields = ["title", "place"]
    date_hierarchy = "start_on"
    inlines = [ParticipantInline, HeadcountInline, PhotoInline, DocumentInline]


class OccasionDateInline(admin.TabularInline):
    model = r.OccasionDate
    extra = 0
    can_delete = False


@admin.register(r.Occasion)
class OccasionAdmin(NoDelete):
    list_display = ["title", "kind", "country", "recurrence", "day", "month", "origin_year", "office"]
    list_filter = ["office", "kind", "country", "recurrence"]
    inlines = [OccasionDateInline]


@admin.register(r.DocumentRef)
class DocumentRefAdmin(ReadOnly):
    list_display = ["number", "kind", "issued_on", "issuer", "office"]


class TaskInline(ReadOnlyInline):
    model = r.PlanTask


@admin.register(r.AnnualPlan)
class AnnualPlanAdmin(ReadOnly):
    list_display = ["title", "year", "is_illustrative", "office"]
    inlines = [TaskInline]


class TargetInline(ReadOnlyInline):
    model = r.TaskTarget


@admin.register(r.PlanTask)
class PlanTaskAdmin(ReadOnly):
    list_display = ["title", "plan", "owner", "due_on", "cancelled_on"]
    inlines = [TargetInline]


class EvidenceInline(ReadOnlyInline):
    model = r.Evidence


@admin.register(r.TaskTarget)
class TaskTargetAdmin(ReadOnly):
    list_display = ["description", "task", "kind", "count"]
    inlines = [EvidenceInline]
