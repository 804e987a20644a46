"""One aid item: its money, sectors, places, participants, documents, lifecycle and history."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from caunoi.aid.lifecycle import ACTION_LABELS, APPROVED_STATUSES, TRANSITIONS, Status
from caunoi.aid.models import (
    AidItem,
    ItemDocument,
    ItemPlace,
    ItemSector,
    Participation,
    StatusChange,
    Transaction,
)
from caunoi.aid.services import DECISIONS
from caunoi.core.permissions import Action, can
from caunoi.web.forms import DocumentForm, ParticipantForm, TransactionForm, TransitionForm
from caunoi.web.kept_pages import kept_page
from caunoi.web.money_panel import money_panel
from caunoi.web.views.common import get_visible

# Each list in one query, its records joined (a prefetch per relation cost a query and a millisecond each).
DETAIL_QUERYSET = AidItem.objects.select_related("office", "primary_sector").prefetch_related(
    Prefetch("participations", queryset=Participation.objects.select_related("organisation")),
    Prefetch("sector_shares", queryset=ItemSector.objects.select_related("sector")),
    Prefetch("place_shares", queryset=ItemPlace.objects.select_related("unit__province")),
    Prefetch("status_changes", queryset=StatusChange.objects.select_related("actor").order_by("on", "id")),
    Prefetch(
        "transactions", queryset=Transaction.objects.select_related("provider").order_by("value_date", "id")
    ),
    Prefetch("documents", queryset=ItemDocument.objects.filter(archived_at__isnull=True)),
)


def next_steps(request: HttpRequest, item: AidItem) -> list[dict[str, Any]]:
    steps = []
    for status in sorted(TRANSITIONS[item.status]):
        action = Action.DECIDE if status in DECISIONS else Action.EDIT
        if can(request.user, action, item.office):
            form = TransitionForm(initial={"to_status": status, "on": timezone.localdate()}, prefix=status)
            steps.append(
                {
                    "status": status,
                    "label": ACTION_LABELS[status],
                    "form": form,
                    "decision": status == Status.APPROVED,
                }
            )
    return steps


def item_context(request: HttpRequest, item: AidItem, **extra: Any) -> dict[str, Any]:
    transactions = list(item.transactions.all())
    editable = can(request.user, Action.EDIT, item.office) and item.archived_at is None
    context = {
        "item": item,
        "title": f"{item.code} — {item.title}",
        "money": money_panel(item, transactions),
        "transactions": transactions,
        "steps": next_steps(request, item) if item.archived_at is None else [],
        "can_edit": editable,
        # Publishing is offered only where `services.set_public` would allow it; taking off, always.
        "can_publish": editable and (item.is_public or item.status in APPROVED_STATUSES),
        "can_archive": can(request.user, Action.ARCHIVE, item.office) and item.archived_at is None,
        "can_restore": can(request.user, Action.RESTORE, item.office) and item.archived_at is not None,
        "can_purge": can(request.user, Action.PURGE, item.office) and item.archived_at is not None,
        "transaction_form": TransactionForm(office=item.office, initial={"value_date": timezone.localdate()})
        if editable
        else None,
        "participant_form": ParticipantForm(office=item.office) if editable else None,
        "document_form": DocumentForm(auto_id="id_doc_%s") if editable else None,
    }
    context.update(extra)
    return context


@login_required
@kept_page("aid-detail")
def aid_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible(DETAIL_QUERYSET, request, pk)
    return render(request, "web/aid/detail.html", item_context(request, item))
