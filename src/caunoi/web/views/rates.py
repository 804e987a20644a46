"""Exchange rates in the browser: everyone signed in reads them; an office's editors enter, correct and
archive its rates, its administrator restores them; common rates are the national administrator's."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.money import services
from caunoi.money.models import ExchangeRate
from caunoi.money.rates_csv import import_rates, parse_month
from caunoi.web.rate_forms import COMMON, RateCorrectionForm, RateForm, RateImportForm
from caunoi.web.views.common import flash_rule_errors, rule_errors_to_form
from caunoi.web.views.iati_upload import safe_name

View = Callable[..., HttpResponse]
CHANGED = ("rate", "valid_from", "valid_to", "source", "reference")


def _visible_rates(request: HttpRequest) -> Any:
    return ExchangeRate.objects.filter(Q(office__isnull=True) | Q(office__in=visible_offices(request.user)))


def _rate(request: HttpRequest, pk: int) -> ExchangeRate:
    found = _visible_rates(request).select_related("office").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def _writable_offices(request: HttpRequest) -> list[Any]:
    return [o for o in visible_offices(request.user).order_by("code") if can(request.user, Action.EDIT, o)]


def _refuse() -> PermissionDenied:
    return PermissionDenied(_("Bạn chỉ có quyền xem: trang này dùng để nhập hoặc sửa dữ liệu."))


def rate_page(view: View) -> View:
    """A rate's form only for those the service lets change it (others get the refusal page)."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "pk" in kwargs:
            if not services.can_manage_rates(request.user, _rate(request, kwargs["pk"]).office):
                raise _refuse()
        elif not _writable_offices(request) and not services.can_manage_rates(request.user, None):
            raise _refuse()
        return view(request, *args, **kwargs)

    # The URL test finds a record to open by these (as common.edit_page's).
    checked.edit_model = "money.ExchangeRate"  # type: ignore[attr-defined]
    checked.edit_office_field = "office"  # type: ignore[attr-defined]
    return checked


def _entered_by(rates: list[ExchangeRate]) -> dict[int, Any]:
    """Each rate's first and latest history rows (who entered it, who changed it last)."""
    history = ExchangeRate.history.filter(id__in=[r.pk for r in rates]).select_related("history_user")
    found: dict[int, Any] = {}
    for row in history.order_by("history_date", "history_id"):
        first, _last = found.get(row.id, (row, row))
        found[row.id] = (first, row)
    return found


def _may_restore(request: HttpRequest, rate: ExchangeRate) -> bool:
    if rate.office is None:
        return services.can_manage_rates(request.user, None)
    return can(request.user, Action.RESTORE, rate.office)


@login_required
def rate_list(request: HttpRequest) -> HttpResponse:
    rates = _visible_rates(request).select_related("office")
    currency = request.GET.get("currency", "").strip().upper()[:3]
    if currency:
        rates = rates.filter(Q(base=currency) | Q(quote=currency))
    archived = request.GET.get("archived") == "1"
    rates = rates.filter(archived_at__isnull=not archived)
    shown = list(rates.order_by("base", "quote", "-valid_from", "office__code")[:500])
    who = _entered_by(shown)
    rows = [
        {
            "rate": r,
            "entered": who.get(r.pk, (None, None))[0],
            "changed": who.get(r.pk, (None, None))[1],
            "can_change": services.can_manage_rates(request.user, r.office),
            "can_restore": _may_restore(request, r),
        }
        for r in shown
    ]
    currencies = sorted(
        set(_visible_rates(request).values_list("base", flat=True))
        | set(_visible_rates(request).values_list("quote", flat=True))
    )
    context = {
        "title": _("Tỷ giá"),
        "rows": rows,
        "currency": currency,
        "currencies": currencies,
        "archived": archived,
        "may_add": bool(_writable_offices(request)) or services.can_manage_rates(request.user, None),
    }
    return render(request, "web/rates/list.html", context)


@login_required
@rate_page
def rate_create(request: HttpRequest) -> HttpResponse:
    offices = _writable_offices(request)
    common = services.can_manage_rates(request.user, None)
    form = RateForm(request.POST or None, offices=offices, common=common)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = next((o for o in offices if o.code == data["office"]), None)
        if office is None and data["office"] != COMMON:
            raise Http404
        try:
            services.record_rate(
                data["base"],
                data["quote"],
                data["rate"],
                data["valid_from"],
                data["source"],
                valid_to=data["valid_to"],
                reference=data["reference"],
                office=office,
                actor=request.user,
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error)
        else:
            messages.success(request, _("Đã ghi tỷ giá."))
            return redirect("web:rate-list")
    return render(request, "web/rates/form.html", {"title": _("Nhập tỷ giá"), "form": form})


@login_required
@rate_page
def rate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rate = _rate(request, pk)
    initial = {name: getattr(rate, name) for name in CHANGED}
    form = RateCorrectionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.correct_rate(
                rate, actor=request.user, reason=data["reason"], **{name: data[name] for name in CHANGED}
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error)
        else:
            messages.success(request, _("Đã sửa tỷ giá."))
            return redirect("web:rate-list")
    title = _("Sửa tỷ giá %(pair)s") % {"pair": f"{rate.base}/{rate.quote}"}
    return render(request, "web/rates/form.html", {"title": title, "form": form, "rate": rate})


@login_required
@require_POST
def rate_archive(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    rate = _rate(request, pk)
    try:
        if action == "archive":
            services.archive_rate(rate, actor=request.user, reason=request.POST.get("reason", ""))
            messages.success(request, _("Đã lưu trữ tỷ giá: tỷ giá này không còn được dùng để quy đổi."))
        elif action == "restore":
            services.restore_rate(rate, actor=request.user)
            messages.success(request, _("Đã khôi phục tỷ giá."))
        else:
            raise Http404
    except RuleErrors as error:
        flash_rule_errors(request, error)
    return redirect("web:rate-list")


@login_required
@rate_page
def rate_import(request: HttpRequest) -> HttpResponse:
    """A month of rates from a CSV file, as `caunoi rates import` reads it: all rows or none."""
    offices = _writable_offices(request)
    form = RateImportForm(
        request.POST or None,
        request.FILES or None,
        offices=offices,
        common=services.can_manage_rates(request.user, None),
    )
    problems: list[Any] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = next((o for o in offices if o.code == data["office"]), None)
        try:
            month = parse_month(data["month"]) if data["month"] else None
            with tempfile.TemporaryDirectory(prefix="caunoi-rates-") as folder:
                path = Path(folder) / safe_name(data["file"].name)
                with path.open("wb") as out:
                    for chunk in data["file"].chunks():
                        out.write(chunk)
                result = import_rates(path, office, actor=request.user, month=month)
        except RuleErrors as error:
            problems = error.problems
        else:
            messages.success(request, _("Đã nhập %(count)s tỷ giá.") % {"count": len(result.rates)})
            return redirect("web:rate-list")
    context = {"title": _("Nhập tỷ giá từ tệp CSV"), "form": form, "problems": problems}
    return render(request, "web/rates/import.html", context, status=400 if problems else 200)
