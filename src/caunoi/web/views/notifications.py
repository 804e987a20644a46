"""The bell: a person's notifications, opening one, and the choice of reminders received."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.records import url_of
from caunoi.notify import services
from caunoi.notify.models import Notification
from caunoi.notify.topics import TOPICS


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("all") == "1"
    found = (
        Notification.objects.filter(user_id=int(request.user.pk or 0))
        if show_all
        else services.unread(request.user)
    )
    title = _("Thông báo")
    return render(
        request,
        "web/notifications/list.html",
        {
            "title": title,
            "notifications": found.select_related("office").order_by("read_at", "due", "pk")[:200],
            "show_all": show_all,
            "breadcrumbs": [(title, None)],
        },
    )


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.mark_read(notification, actor=request.user)
    target = url_of(notification.record)
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("web:notifications")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(request.user, actor=request.user)
    messages.success(request, _("Đã đánh dấu %(count)d thông báo là đã đọc.") % {"count": count})
    return redirect("web:notifications")


class ChoicesForm(forms.Form):
    def __init__(self, *args: Any, choices: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for topic, label in TOPICS.items():
            self.fields[f"{topic}-app"] = forms.BooleanField(
                label=label, required=False, initial=choices[topic].in_app
            )
            self.fields[f"{topic}-email"] = forms.BooleanField(
                label=label, required=False, initial=choices[topic].by_email
            )

    def rows(self) -> list[tuple[Any, Any, Any]]:
        return [(label, self[f"{topic}-app"], self[f"{topic}-email"]) for topic, label in TOPICS.items()]


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    choices = services.choices_of(request.user)
    form = ChoicesForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        services.set_choices(
            request.user,
            {t: (form.cleaned_data[f"{t}-app"], form.cleaned_data[f"{t}-email"]) for t in TOPICS},
            actor=request.user,
        )
        messages.success(request, _("Đã lưu lựa chọn nhắc việc."))
        return redirect("web:notification-settings")
    title = _("Nhận nhắc việc")
    return render(
        request,
        "web/notifications/settings.html",
        {
            "title": title,
            "form": form,
            "has_email": bool(getattr(request.user, "email", "")),
            "breadcrumbs": [(_("Thông báo"), "/notifications/"), (title, None)],
        },
    )
