"""Correcting an item's money and participants, and closing reported years: thin views over the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.aid import closing, corrections, services
from caunoi.aid.models import AidItem, ClosedYear, Participation, Transaction
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.web.correction_forms import CorrectionForm, ReversalForm
from caunoi.web.views.common import flash_rule_errors, get_visible, rule_errors_to_form

YEARS_SHOWN = 6  # the last six ended years: reports are sent for the year just ended, corrections come later


@login_required
def transaction_edit(request: HttpRequest, pk: int, tx: int) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    found = Transaction.objects.select_related("office", "item").filter(item=item, pk=tx).first()
    if found is None:
        raise Http404
    action = request.POST.get("action") if request.method == "POST" else None
    correct = CorrectionForm(request.POST if action == "correct" else None, tx=found)
    reverse = ReversalForm(request.POST if action == "reverse" else None)
    form = correct if action == "correct" else reverse
    if action in ("correct", "reverse") and form.is_valid():
        data = form.cleaned_data
        try:
            if action == "correct":
                corrections.correct_transaction(
                    found,
                    actor=request.user,
                    amount=str(data["amount"]),
                    currency=data["currency"],
                    value_date=data["value_date"],
                    provider=data["provider"],
                    receiver=data["receiver"],
                    reference=data["reference"] or "",
                    reason=data["reason"] or "",
                )
            else:
                corrections.reverse_transaction(found, actor=request.user, reason=data["reason"])
        except RuleErrors as error:
            rule_errors_to_form(form, error)
        else:
            messages.success(
                request, _("Đã sửa giao dịch.") if action == "correct" else _("Đã hủy giao dịch.")
            )
            return redirect("web:aid-detail", pk=item.pk)
    context = {
        "item": item,
        "tx": found,
        "correct_form": correct,
        "reverse_form": reverse,
        "can_edit": can(request.user, Action.EDIT, item.office) and found.counts,
        "title": _("Sửa giao dịch — %(code)s") % {"code": item.code},
    }
    return render(request, "web/aid/transaction_edit.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def participant_remove(request: HttpRequest, pk: int, participation: int) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    found = Participation.objects.filter(item=item, pk=participation).select_related("item__office").first()
    if found is None:
        raise Http404
    try:
        services.remove_participant(found, actor=request.user)
    except RuleErrors as error:
        flash_rule_errors(request, error)
    else:
        messages.success(request, _("Đã bỏ bên tham gia %(name)s.") % {"name": found.organisation})
    return redirect("web:aid-detail", pk=item.pk)


@login_required
def closed_years(request: HttpRequest) -> HttpResponse:
    """The office administrator's page: lock a reported year's figures, or reopen it with a reason."""
    offices = [
        o for o in visible_offices(request.user).order_by("code") if can(request.user, Action.CLOSE_YEAR, o)
    ]
    if request.method == "POST":
        office = next((o for o in offices if o.code == request.POST.get("office")), None)
        year = request.POST.get("year", "")
        if office is None or not year.isdigit():
            raise Http404
        try:
            if request.POST.get("action") == "reopen":
                reason = request.POST.get("reason", "")
                closing.reopen_year(office, int(year), actor=request.user, reason=reason)
                messages.success(request, _("Đã mở lại số liệu năm %(year)s.") % {"year": year})
            else:
                closing.close_year(office, int(year), actor=request.user)
                messages.success(request, _("Đã khóa số liệu năm %(year)s.") % {"year": year})
        except RuleErrors as error:
            flash_rule_errors(request, error)
        return redirect("web:closed-years")
    this_year = timezone.localdate().year
    locks = {
        (c.office_id, c.year): c
        for c in ClosedYear.objects.filter(office__in=offices).select_related("reopened_by")
    }
    rows = [
        {"office": office, "year": year, "lock": locks.get((office.pk, year))}
        for office in offices
        for year in range(this_year - 1, this_year - 1 - YEARS_SHOWN, -1)
    ]
    return render(
        request,
        "web/closed_years.html",
        {"rows": rows, "title": _("Khóa số liệu năm")},
    )
