"""Pages the office edits for its public website (about, leadership, contacts…): list, write, change, publish."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.permissions import visible_offices
from caunoi.publishing.models import Page
from caunoi.publishing.services import pages as services
from caunoi.web.publishing_forms import PageForm
from caunoi.web.views.common import edit_page, get_visible
from caunoi.web.views.publishing.common import attempt, crumbs, editable_offices, rights

FIELDS = ("title", "slug", "body", "title_en", "body_en", "position")


def _list_crumb() -> tuple[str, str]:
    return (_("Trang giới thiệu"), reverse("web:pub-page-list"))


@login_required
def page_list(request: HttpRequest) -> HttpResponse:
    found = Page.objects.filter(office__in=visible_offices(request.user), archived_at__isnull=True)
    title = _("Trang giới thiệu")
    return render(
        request,
        "web/publishing/page_list.html",
        {
            "pages": found.select_related("office").order_by("office__code", "position", "title"),
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


@login_required
@edit_page()
def page_create(request: HttpRequest) -> HttpResponse:
    form = PageForm(request.POST or None, offices=editable_offices(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, page = attempt(
            request,
            lambda: services.create_page(
                data["office"],
                **{k: data[k] or "" for k in FIELDS if k != "position"},
                position=data["position"] or 0,
                actor=request.user,
            ),
            form=form,
        )
        if ok and page is not None:
            messages.success(request, _("Đã lưu trang (chưa công khai)."))
            return redirect("web:pub-page-edit", pk=page.pk)
    title = _("Thêm trang")
    return render(
        request,
        "web/relations/form.html",
        {
            "form": form,
            "title": title,
            "cancel": reverse("web:pub-page-list"),
            "breadcrumbs": crumbs(_list_crumb(), (title, None)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@edit_page("publishing.Page")
def page_edit(request: HttpRequest, pk: int) -> HttpResponse:
    page = get_visible(Page.objects.select_related("office"), request, pk)
    form = PageForm(request.POST or None, initial={name: getattr(page, name) for name in FIELDS})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = {k: data[k] or "" for k in FIELDS if k != "position"}
        ok, _saved = attempt(
            request,
            lambda: services.update_page(page, **changes, position=data["position"] or 0, actor=request.user),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã lưu trang."))
            return redirect("web:pub-page-edit", pk=page.pk)
    history = page.history.select_related("history_user").order_by("-history_date", "-history_id")[:50]
    return render(
        request,
        "web/publishing/page_edit.html",
        {
            "form": form,
            "page": page,
            "history": history,
            "title": page.title,
            "breadcrumbs": crumbs(_list_crumb(), (page.title, None)),
            **rights(request.user, page.office),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def page_publish(request: HttpRequest, pk: int) -> HttpResponse:
    page = get_visible(Page.objects.select_related("office"), request, pk)
    published = request.POST.get("published") == "1"
    ok, _done = attempt(request, lambda: services.set_published(page, published, actor=request.user))
    if ok:
        messages.success(
            request, _("Trang đã công khai.") if published else _("Đã gỡ trang khỏi trang công khai.")
        )
    return redirect("web:pub-page-edit", pk=page.pk)
