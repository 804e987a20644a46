"""Creating and changing aid items: forms collect input, the ledger's services decide."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.aid import services
from caunoi.aid.models import AidItem, ItemDocument, Sector
from caunoi.core import audit
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, authorize, visible_offices
from caunoi.geography.models import AdminUnit, Level
from caunoi.money.services import rate_for_the_day
from caunoi.web.forms import (
    AidItemForm,
    DocumentForm,
    NewAidItemForm,
    ParticipantForm,
    SharesForm,
    TransactionForm,
    TransitionForm,
)
from caunoi.web.views.aid_detail import DETAIL_QUERYSET, item_context
from caunoi.web.views.common import edit_page, flash_rule_errors, get_visible, rule_errors_to_form

ITEM_FIELDS = list(AidItemForm.base_fields)
FIELD_MAP = {
    "entered_on": "entered_on",
    "currency": "currency",
    "amount": "amount",
    "value_date": "value_date",
}


@login_required
@edit_page()
def aid_create(request: HttpRequest) -> HttpResponse:
    offices = visible_offices(request.user)
    form = NewAidItemForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {k: data[k] for k in ITEM_FIELDS}
        fields["counterpart_currency"] = (fields["counterpart_currency"] or "").upper()
        for text in ("title_en", "description", "objectives", "beneficiary_groups", "counterpart_source"):
            fields[text] = fields[text] or ""
        try:
            item = services.create_item(
                data["office"], actor=request.user, entered_on=data["entered_on"], **fields
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error, FIELD_MAP)
        else:
            messages.success(request, _("Đã ghi khoản viện trợ %(code)s.") % {"code": item.code})
            return redirect("web:aid-detail", pk=item.pk)
    return render(request, "web/aid/form.html", {"form": form, "title": _("Khoản viện trợ mới")})


@login_required
@edit_page("aid.AidItem")
def aid_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    initial = {name: getattr(item, name) for name in ITEM_FIELDS}
    form = AidItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields["counterpart_currency"] = (fields.get("counterpart_currency") or "").upper()
        for text in ("title_en", "description", "objectives", "beneficiary_groups", "counterpart_source"):
            fields[text] = fields[text] or ""
        try:
            services.update_item(item, actor=request.user, **fields)
        except RuleErrors as error:
            rule_errors_to_form(form, error, FIELD_MAP)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("web:aid-detail", pk=item.pk)
    return render(
        request,
        "web/aid/form.html",
        {"form": form, "item": item, "title": _("Sửa %(code)s") % {"code": item.code}},
    )


def _rerender(request: HttpRequest, item: AidItem, **forms: Any) -> HttpResponse:
    item = get_visible(DETAIL_QUERYSET, request, item.pk)
    return render(request, "web/aid/detail.html", item_context(request, item, **forms), status=400)


@login_required
@require_POST
def aid_transition(request: HttpRequest, pk: int, status: str) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    form = TransitionForm(request.POST, prefix=status)
    if form.is_valid():
        data = form.cleaned_data
        decision = None
        if data["decision_number"] or data["authority"] or data["decision_date"]:
            decision = services.Decision(
                data["decision_number"], data["decision_date"] or data["on"], data["authority"]
            )
        try:
            services.transition(
                item, status, data["on"], actor=request.user, decision=decision, note=data["note"]
            )
        except RuleErrors as error:
            flash_rule_errors(request, error)
        else:
            messages.success(request, _("Đã ghi bước: %(step)s.") % {"step": item.get_status_display()})
    else:
        for field_errors in form.errors.values():
            for message in field_errors:
                messages.error(request, str(message))
    return redirect("web:aid-detail", pk=item.pk)


@login_required
@require_POST
def aid_add_transaction(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    form = TransactionForm(request.POST, office=item.office)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                currency = data["currency"].upper()
                if data["rate_to_usd"] and currency != "USD":
                    rate_for_the_day(
                        currency,
                        "USD",
                        data["rate_to_usd"],
                        data["value_date"],
                        item.code,
                        item.office,
                        actor=request.user,
                    )
                services.record_transaction(
                    item,
                    data["kind"],
                    str(data["amount"]),
                    currency,
                    data["value_date"],
                    provider=data["provider"],
                    reference=data["reference"] or "",
                    actor=request.user,
                )
        except RuleErrors as error:
            rule_errors_to_form(form, error, {"base": "currency", "quote": "currency", "rate": "rate_to_usd"})
        else:
            messages.success(request, _("Đã ghi giao dịch."))
            return redirect("web:aid-detail", pk=item.pk)
    return _rerender(request, item, transaction_form=form)


def _shares_view(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office", "office__home_province"), request, pk)
    if what == "sectors":
        choices = Sector.objects.filter(archived_at__isnull=True)
        current = [(s.sector, s.share) for s in item.sector_shares.select_related("sector")]
        label = _("Lĩnh vực")
    else:
        choices = _place_choices(item)
        current = [(p.unit, p.share) for p in item.place_shares.select_related("unit__province")]
        label = _("Địa bàn")
    initial = {}
    for i, (choice, share) in enumerate(current[: SharesForm.ROWS]):
        initial[f"choice_{i}"], initial[f"share_{i}"] = choice.pk, share
    form = SharesForm(request.POST or None, initial=initial, choices=choices, label=label)
    if request.method == "POST" and form.is_valid():
        try:
            if what == "sectors":
                services.set_sectors(
                    item, form.pairs(), actor=request.user, reason=form.cleaned_data["reason"]
                )
            else:
                services.set_places(
                    item, form.pairs(), actor=request.user, reason=form.cleaned_data["reason"]
                )
        except RuleErrors as error:
            fields = {"sectors": "share_0", "places": "share_0", "share": "share_0", "reason": "reason"}
            if any(p.code == "aid.reason_required" for p in error.problems):
                fields = {"sectors": "reason", "places": "reason"}
            rule_errors_to_form(form, error, fields)
        else:
            messages.success(request, _("Đã lưu %(what)s.") % {"what": label.lower()})
            return redirect("web:aid-detail", pk=item.pk)
    return render(
        request,
        "web/aid/shares.html",
        {"form": form, "item": item, "what": what, "title": f"{label} — {item.code}"},
    )


def _place_choices(item: AidItem) -> Any:
    """The office's home province with its districts and communes (units of that province's era)."""
    province = item.office.home_province
    units = AdminUnit.objects.select_related("province").order_by("level", "name")
    if province is None:
        return units.filter(level=Level.PROVINCE)
    return units.filter(Q(pk=province.pk) | Q(province=province))


@login_required
def aid_sectors(request: HttpRequest, pk: int) -> HttpResponse:
    return _shares_view(request, pk, "sectors")


@login_required
def aid_places(request: HttpRequest, pk: int) -> HttpResponse:
    return _shares_view(request, pk, "places")


@login_required
@require_POST
def aid_add_participant(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    form = ParticipantForm(request.POST, office=item.office)
    if form.is_valid():
        try:
            services.add_participant(
                item, form.cleaned_data["organisation"], form.cleaned_data["role"], actor=request.user
            )
        except RuleErrors as error:
            flash_rule_errors(request, error)
        return redirect("web:aid-detail", pk=item.pk)
    return _rerender(request, item, participant_form=form)


@login_required
@require_POST
def aid_upload(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    form = DocumentForm(request.POST, request.FILES, auto_id="id_doc_%s")
    if form.is_valid():
        try:
            authorize(request.user, Action.EDIT, item.office)
        except RuleErrors as error:
            flash_rule_errors(request, error)
            return redirect("web:aid-detail", pk=item.pk)
        upload = form.cleaned_data["file"]
        document = ItemDocument(
            item=item,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            file=upload,
            size=upload.size,
            uploaded_by_id=request.user.pk,
        )
        audit.save(document, request.user)
        messages.success(request, _("Đã tải lên %(title)s.") % {"title": document.title})
        return redirect("web:aid-detail", pk=item.pk)
    return _rerender(request, item, document_form=form)


@login_required
def aid_document(request: HttpRequest, pk: int, doc: int) -> FileResponse:
    item = get_visible(AidItem.objects.all(), request, pk)
    document = item.documents.filter(pk=doc, archived_at__isnull=True).first()
    if document is None:
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.file.name.split("/")[-1]
    )


@login_required
@require_POST
def aid_archive(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    operations = {
        "archive": services.archive_item,
        "restore": services.restore_item,
        "purge": services.purge_item,
    }
    if action not in operations:
        raise Http404
    try:
        operations[action](item, actor=request.user)
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect("web:aid-detail", pk=item.pk)
    if action == "purge":
        messages.success(request, _("Đã xóa hẳn %(code)s; lịch sử vẫn giữ bản ghi.") % {"code": item.code})
        return redirect("web:aid-list")
    messages.success(request, _("Đã lưu trữ.") if action == "archive" else _("Đã khôi phục."))
    return redirect("web:aid-detail", pk=item.pk)


@login_required
@require_POST
def aid_set_public(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish an item on the office's open aid portal, or take it off (`services.set_public` decides)."""
    item = get_visible(AidItem.objects.select_related("office"), request, pk)
    public = request.POST.get("public") == "1"
    try:
        services.set_public(item, public, actor=request.user)
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect("web:aid-detail", pk=item.pk)
    messages.success(request, _("Đã công khai trên cổng thông tin.") if public else _("Đã thôi công khai."))
    return redirect("web:aid-detail", pk=item.pk)
