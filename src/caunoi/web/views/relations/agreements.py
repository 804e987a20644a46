"""Agreements: list with the status each has today, page, create (parties, fields, period, signed document),
edit, change the parties and fields of cooperation, terminate, link an aid item, download the signed document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core.permissions import visible_offices
from caunoi.relations.dates import vn_date
from caunoi.relations.models import (
    Agreement,
    AgreementAidItem,
    AgreementParty,
    Event,
    Side,
)
from caunoi.relations.services import agreements as services
from caunoi.relations.status import EXPIRY_WARNING_DAYS, AgreementStatus, agreement_status
from caunoi.web.lists import Column, export, sorted_paged
from caunoi.web.relations_forms import (
    AgreementEditForm,
    AgreementFilterForm,
    AgreementForm,
    AgreementPartiesForm,
    DocumentUploadForm,
    LinkAidItemForm,
    TerminateForm,
)
from caunoi.web.views.common import edit_page, get_visible
from caunoi.web.views.relations.common import (
    archive_view,
    attempt,
    crumbs,
    edit_page_of,
    editable_offices,
    file_response,
    flash_form_errors,
    form_page,
    history_view,
    own_office,
    permissions,
    search,
    today,
    with_when,
)


def _parties(agreement: Agreement, side: str) -> str:
    return ", ".join(r.organisation.name for r in agreement.party_rows.all() if r.side == side)


def _period(a: Agreement) -> str:
    if not (a.period_start or a.period_end):
        return ""
    return f"{vn_date(a.period_start, a.period_precision)} – {vn_date(a.period_end, a.period_precision)}"


COLUMNS = [
    Column("title", gettext_lazy("Tên thỏa thuận"), lambda a: a.title, sort="title"),
    Column("kind", gettext_lazy("Loại"), lambda a: a.get_kind_display(), sort="kind"),
    Column("theirs", gettext_lazy("Đối tác"), lambda a: _parties(a, Side.THEIRS)),
    Column("signed", gettext_lazy("Ngày ký"), lambda a: _signed(a), sort="signed_on"),
    Column("period", gettext_lazy("Thời hạn"), _period, sort="period_end"),
    Column("status", gettext_lazy("Tình trạng hôm nay"), lambda a: a.status.label),
    Column("office", gettext_lazy("Cơ quan"), lambda a: a.office.code, sort="office__code"),
]


def status_q(status: str, on: dt.date) -> Q:
    """The agreements that have `status` on `on`, as a query (the status is computed, never stored):
    the same rules as `caunoi.relations.status.agreement_status`."""
    signed = Q(signed_on__isnull=False, signed_on__lte=on)
    live = signed & (Q(terminated_on__isnull=True) | Q(terminated_on__gt=on))
    started = live & (Q(period_start__isnull=True) | Q(period_start__lte=on))
    warn = on + dt.timedelta(days=EXPIRY_WARNING_DAYS)
    return {
        AgreementStatus.DRAFT: ~signed,
        AgreementStatus.TERMINATED: signed & Q(terminated_on__lte=on),
        AgreementStatus.SIGNED: live & Q(period_start__gt=on),
        AgreementStatus.IN_FORCE: started & (Q(period_end__isnull=True) | Q(period_end__gt=warn)),
        AgreementStatus.EXPIRING: started & Q(period_end__gte=on, period_end__lte=warn),
        AgreementStatus.EXPIRED: started & Q(period_end__lt=on),
    }[AgreementStatus(status)]


def _filtered(request: HttpRequest) -> tuple[AgreementFilterForm, QuerySet[Agreement]]:
    form = AgreementFilterForm(request.GET or None)
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()
        data = {k: form.cleaned_data.get(k) for k in form.fields if k not in form.errors}
    agreements = Agreement.objects.filter(office__in=visible_offices(request.user))
    if request.GET.get("archived") != "1":
        agreements = agreements.filter(archived_at__isnull=True)
    if data.get("q"):
        agreements = search(agreements, data["q"], "title", "number", "signed_place")
    if data.get("status"):
        agreements = agreements.filter(status_q(data["status"], today()))
    if data.get("kind"):
        agreements = agreements.filter(kind=data["kind"])
    if data.get("year"):
        agreements = agreements.filter(signed_on__year=data["year"])
    agreements = agreements.select_related("office").prefetch_related(
        Prefetch("party_rows", queryset=AgreementParty.objects.select_related("organisation"))
    )
    return form, agreements


def _signed(a: Agreement) -> str:
    return vn_date(a.signed_on, a.signed_precision) if a.signed_on else ""


def _with_status(agreements: Any) -> Any:
    on = today()
    for agreement in agreements:
        agreement.status = agreement_status(agreement, on)
        agreement.signed_text = _signed(agreement)
        agreement.period_text = _period(agreement)
    return agreements


@login_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    form, agreements = _filtered(request)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        rows: Any = _ExportRows(agreements.order_by("signed_on", "pk"))
        return export(rows, COLUMNS, fmt, "thoa-thuan")
    result = sorted_paged(request, agreements, COLUMNS, "-signed_on")
    _with_status(result.page.object_list)
    title = _("Thỏa thuận hợp tác")
    return render(
        request,
        "web/relations/agreement_list.html",
        {
            "form": form,
            "result": result,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


class _ExportRows:
    """A queryset whose rows carry their status as of today (what `export` iterates)."""

    def __init__(self, queryset: QuerySet[Agreement]):
        self.queryset = queryset

    def iterator(self, chunk_size: int = 2000) -> Any:
        return iter(_with_status(list(self.queryset)))


DETAIL = Agreement.objects.select_related("office", "partnership__organisation", "renews").prefetch_related(
    Prefetch("party_rows", queryset=AgreementParty.objects.select_related("organisation")),
    "fields",
    Prefetch("aid_links", queryset=AgreementAidItem.objects.select_related("aid_item")),
    "renewed_by",
)


def _trail(agreement: Agreement | None = None) -> list[tuple[Any, str | None]]:
    trail: list[tuple[Any, str | None]] = [(_("Thỏa thuận hợp tác"), reverse("web:rel-agreement-list"))]
    if agreement is not None:
        trail.append((agreement.title, reverse("web:rel-agreement-detail", args=[agreement.pk])))
    return trail


@login_required
def agreement_detail(request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
    agreement = get_visible(DETAIL, request, pk)
    on = today()
    allowed = permissions(request, agreement)
    editable = allowed["can_edit"]
    rows = list(agreement.party_rows.all())
    context = {
        "agreement": agreement,
        "status": agreement_status(agreement, on),
        "period": _period(agreement),
        "ours": [r for r in rows if r.side == Side.OURS],
        "theirs": [r for r in rows if r.side == Side.THEIRS],
        "renewals": [
            (a, agreement_status(a, on)) for a in agreement.renewed_by.all() if a.archived_at is None
        ],
        "signed": _signed(agreement),
        "events": with_when(
            Event.objects.filter(agreement=agreement, archived_at__isnull=True).order_by("-start_on")
        ),
        "title": agreement.title,
        "breadcrumbs": crumbs(*_trail(), (agreement.title, None)),
        "upload_form": DocumentUploadForm() if editable else None,
        "terminate_form": TerminateForm(initial={"terminated_on": on})
        if editable and not agreement.terminated_on
        else None,
        "aid_form": LinkAidItemForm(offices=own_office(agreement)) if editable else None,
        **allowed,
    }
    context.update(forms)
    return render(request, "web/relations/agreement_detail.html", context, status=400 if forms else 200)


DATE_FIELDS = ("signed_on", "signed_precision", "period_start", "period_end", "period_precision")


@login_required
@edit_page()
def agreement_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = AgreementForm(request.POST or None, request.FILES or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = data["office"]
        parties = [(o, Side.OURS) for o in data["ours"]] + [(o, Side.THEIRS) for o in data["theirs"]]
        ok, agreement = attempt(
            request,
            lambda: services.create_agreement(
                office,
                title=data["title"],
                kind=data["kind"],
                number=data["number"],
                partnership=data["partnership"],
                parties=parties,
                signed_place=data["signed_place"],
                fields=list(data["cooperation"]),
                renews=data["renews"],
                document=data["document"],
                notes=data["notes"],
                actor=request.user,
                **{k: data[k] for k in DATE_FIELDS},
            ),
            form=form,
            field_map={"parties": "theirs", "fields": "cooperation"},
        )
        if ok and agreement is not None:
            messages.success(request, _("Đã ghi thỏa thuận “%(title)s”.") % {"title": agreement.title})
            return redirect("web:rel-agreement-detail", pk=agreement.pk)
    title = _("Thỏa thuận mới")
    return form_page(
        request,
        form,
        title,
        reverse("web:rel-agreement-list"),
        _trail(),
        no_rights=not offices.exists(),
        multipart=True,
    )


EDIT_FIELDS = ("title", "kind", "number", "notes", "no_renewal_reason", "signed_place", *DATE_FIELDS)


@login_required
@edit_page("relations.Agreement")
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_visible(DETAIL, request, pk)
    initial = {k: getattr(agreement, k) for k in EDIT_FIELDS}
    form = AgreementEditForm(request.POST or None, initial=initial)
    return edit_page_of(
        request,
        form,
        lambda data: services.update_agreement(
            agreement, actor=request.user, **{k: data[k] for k in EDIT_FIELDS}
        ),
        reverse("web:rel-agreement-detail", args=[agreement.pk]),
        _("Sửa: %(title)s") % {"title": agreement.title},
        _trail(agreement),
    )


@login_required
@edit_page("relations.Agreement")
def agreement_parties(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the parties on each side and the fields of cooperation of an agreement already recorded."""
    agreement = get_visible(DETAIL, request, pk)
    rows = list(agreement.party_rows.all())
    initial = {
        "ours": [r.organisation for r in rows if r.side == Side.OURS],
        "theirs": [r.organisation for r in rows if r.side == Side.THEIRS],
        "cooperation": list(agreement.fields.all()),
    }
    form = AgreementPartiesForm(
        request.POST or None, offices=own_office(agreement), agreement=agreement, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        parties = [(o, Side.OURS) for o in data["ours"]] + [(o, Side.THEIRS) for o in data["theirs"]]

        def change() -> None:
            services.set_parties(agreement, parties, actor=request.user)
            services.set_fields(agreement, list(data["cooperation"]), actor=request.user)

        ok, _result = attempt(
            request,
            change,
            form=form,
            field_map={"parties": "theirs", "fields": "cooperation"},
        )
        if ok:
            messages.success(request, _("Đã lưu các bên và lĩnh vực hợp tác."))
            return redirect("web:rel-agreement-detail", pk=agreement.pk)
    title = _("Các bên và lĩnh vực hợp tác")
    return form_page(
        request,
        form,
        f"{title} — {agreement.title}",
        reverse("web:rel-agreement-detail", args=[agreement.pk]),
        _trail(agreement),
        crumb=title,
    )


@login_required
@require_POST
def agreement_upload(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_visible(DETAIL, request, pk)
    form = DocumentUploadForm(request.POST, request.FILES)
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.attach_document(agreement, form.cleaned_data["document"], actor=request.user),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã tải lên văn bản đã ký."))
            return redirect("web:rel-agreement-detail", pk=agreement.pk)
    return agreement_detail(request, agreement.pk, upload_form=form)


@login_required
def agreement_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    agreement = get_visible(Agreement.objects.all(), request, pk)
    return file_response(agreement.document)


@login_required
@require_POST
def agreement_terminate(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_visible(DETAIL, request, pk)
    form = TerminateForm(request.POST)
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.terminate_agreement(
                agreement,
                form.cleaned_data["terminated_on"],
                note=form.cleaned_data["note"],
                actor=request.user,
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã ghi chấm dứt thỏa thuận."))
            return redirect("web:rel-agreement-detail", pk=agreement.pk)
    return agreement_detail(request, agreement.pk, terminate_form=form)


@login_required
@require_POST
def agreement_link_aid(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_visible(DETAIL, request, pk)
    form = LinkAidItemForm(request.POST, offices=own_office(agreement))
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.link_aid_item(
                agreement, form.cleaned_data["aid_item"], note=form.cleaned_data["note"], actor=request.user
            ),
        )
        if ok:
            messages.success(request, _("Đã gắn khoản viện trợ với thỏa thuận."))
    else:
        flash_form_errors(request, form)
    return redirect("web:rel-agreement-detail", pk=agreement.pk)


agreement_archive = archive_view(Agreement.objects.select_related("office"), "web:rel-agreement-detail")


agreement_history = history_view(
    Agreement.objects.all(),
    "web:rel-agreement-detail",
    lambda agreement: [
        AgreementParty.history.filter(agreement_id=agreement.pk),
        AgreementAidItem.history.filter(agreement_id=agreement.pk),
    ],
    _trail,
)
