"""Every change kept: per record (which fields went from what to what) and per user."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Participation, Transaction
from caunoi.core.models import Membership
from caunoi.core.permissions import visible_offices
from caunoi.directory.models import Organisation
from caunoi.web.views.common import get_visible

HISTORY_LIMIT = 200


def _label(record: Any, name: str) -> str:
    try:
        return str(record.instance_type._meta.get_field(name).verbose_name)
    except Exception:  # a field since removed from the model: its name is all there is
        return name


def _shown(record: Any, name: str, value: Any) -> Any:
    """A choice field shows its label. A many-to-many field's history holds its through rows ([{"agreement": 2, "cooperationfield": 1}]):
    show the names of the records linked instead."""
    try:
        field = record.instance_type._meta.get_field(name)
    except FieldDoesNotExist:
        return value
    if not isinstance(value, list):
        # A choice shows its label ("Đã phê duyệt"), not the stored code ("approved").
        choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
        return choices.get(value, value)
    related = field.related_model if field.many_to_many else None
    if related is None or isinstance(related, str):
        return value
    key = related._meta.model_name
    ids = [row.get(key) for row in value if isinstance(row, dict)]
    found = related._default_manager.in_bulk([i for i in ids if i is not None])
    return ", ".join(str(found[i]) if i in found else f"#{i}" for i in ids)


def changes(records: list[Any]) -> list[dict[str, Any]]:
    """Each historical record with the fields it changed against the one before it of the same row. Rows of
    several models are listed together and their ids overlap, so a row is its model and its id."""
    rows = []
    previous: dict[tuple[type, int], Any] = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        key = (type(record), record.id)
        before = previous.get(key) or (record.prev_record if record.history_type == "~" else None)
        found = []
        if before is not None and record.history_type == "~":
            delta = record.diff_against(before, excluded_fields=["updated_at", "search_text"])
            found = [
                (_label(record, c.field), _shown(record, c.field, c.old), _shown(record, c.field, c.new))
                for c in delta.changes
            ]
        rows.append(
            {
                "record": record,
                "changes": found,
                "model": record.instance_type._meta.verbose_name,
                # The record as it was, without simple-history's "… as of <UTC timestamp>".
                "name": str(record.instance),
            }
        )
        previous[key] = record
    return list(reversed(rows))


@login_required
def item_history(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible(AidItem.objects.all(), request, pk)
    records: list[Any] = list(item.history.select_related("history_user"))
    for model in (Transaction, ItemSector, ItemPlace, Participation):
        records += list(model.history.filter(item_id=item.pk).select_related("history_user"))
    return render(
        request,
        "web/history.html",
        {
            "rows": changes(records)[:HISTORY_LIMIT],
            "item": item,
            "title": _("Lịch sử %(code)s") % {"code": item.code},
        },
    )


@login_required
def user_history(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise Http404
    offices = visible_offices(request.user)
    # A user of no office the requester reads does not exist for them (like records of other offices).
    if user != request.user and not Membership.objects.filter(user=user, office__in=offices).exists():
        raise Http404
    records: list[Any] = []
    for model, office_field in ((AidItem, "office"), (Transaction, "office"), (Organisation, "office")):
        records += list(
            model.history.filter(history_user=user, **{f"{office_field}__in": offices})
            .select_related("history_user")
            .order_by("-history_date")[:HISTORY_LIMIT]
        )
    return render(
        request,
        "web/history.html",
        {
            "rows": changes(records)[:HISTORY_LIMIT],
            "subject": user,
            "title": _("Thay đổi của %(user)s") % {"user": user.get_username()},
        },
    )
