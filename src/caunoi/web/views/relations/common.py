"""Shared by the people's-diplomacy pages: who may write where, running a service call, history, files.

The relations services check permissions themselves (`authorize(actor, action, office)` in every write
function); the pages only offer what `can` allows, and every write goes through `attempt`, which runs the call
in one transaction and shows a broken rule or a refusal next to the form's field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core import audit
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.core.text import fold
from caunoi.relations.dates import vn_date
from caunoi.web.views.common import flash_rule_errors, get_visible, rule_errors_to_form
from caunoi.web.views.history import HISTORY_LIMIT, changes

T = TypeVar("T")
SECTION = gettext_lazy("Đối ngoại nhân dân")
CONFLICT = gettext_lazy("Dữ liệu này mâu thuẫn với dữ liệu đã có (trùng lặp); không có gì được lưu.")


def today() -> Any:
    return timezone.localdate()


def editable_offices(user: Any) -> QuerySet[Office]:
    """The offices the user may write in (creating a record offers these)."""
    offices = visible_offices(user)
    return offices.filter(pk__in=[o.pk for o in offices if can(user, Action.EDIT, o)])


def crumbs(*pairs: tuple[Any, str | None]) -> list[tuple[Any, str | None]]:
    """Breadcrumbs under "Đối ngoại nhân dân" (base.html puts "Trang chủ" first)."""
    return [(SECTION, reverse("web:rel-overview")), *pairs]


def attempt(
    request: HttpRequest,
    call: Callable[[], T],
    *,
    form: Any = None,
    field_map: dict[str, str] | None = None,
) -> tuple[bool, T | None]:
    """Run a service call in one transaction. A broken rule, or the service's refusal of the user (the
    services authorize every write themselves), is shown next to the form's field or as a message; nothing
    is saved."""
    try:
        with transaction.atomic():
            return True, call()
    except RuleErrors as error:
        if form is not None:
            rule_errors_to_form(form, error, field_map)
        else:
            flash_rule_errors(request, error)
    except IntegrityError:
        if form is not None:
            form.add_error(None, str(CONFLICT))
        else:
            messages.error(request, str(CONFLICT))
    return False, None


def flash_form_errors(request: HttpRequest, form: Any) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else str(error))


def search(queryset: QuerySet[Any], q: str, *fields: str) -> QuerySet[Any]:
    """Records whose text fields contain every word of `q`, with or without diacritics ("mimasaka", "viêng
    chăn" or "vieng chan"). Folded in Python over one narrow query: these lists hold tens to hundreds of rows."""
    words = fold(q).split()
    if not words:
        return queryset
    matching = [
        row[0]
        for row in queryset.values_list("pk", *fields)
        if all(word in fold(" ".join(str(v) for v in row[1:] if v)) for word in words)
    ]
    return queryset.filter(pk__in=matching)


def archive_record(
    request: HttpRequest,
    record: Any,
    action: str,
    *,
    archive: Callable[..., Any] = audit.archive,
    restore: Callable[..., Any] = audit.restore,
) -> bool:
    """Archive (staff) or restore (office administrator) through the services (the common ones, or the
    record's own when it has rules of its own); say what happened."""
    if action == "archive":
        call, done = archive, _("Đã lưu trữ “%(what)s”.")
    elif action == "restore":
        call, done = restore, _("Đã khôi phục “%(what)s”.")
    else:
        raise Http404
    ok, _result = attempt(request, lambda: call(record, actor=request.user))
    if ok:
        messages.success(request, done % {"what": record})
    return ok


def archive_view(
    queryset: QuerySet[Any],
    detail: str,
    *,
    archive: Callable[..., Any] = audit.archive,
    restore: Callable[..., Any] = audit.restore,
) -> Callable[..., HttpResponse]:
    """The POST that archives (staff) or restores (office administrator) a record of `queryset` through the
    services (the common ones, or the record's own), then shows its page (`detail`, a URL name of its pk)."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int, action: str) -> HttpResponse:
        record = get_visible(queryset, request, pk)
        archive_record(request, record, action, archive=archive, restore=restore)
        return redirect(detail, pk=record.pk)

    return view


def form_page(
    request: HttpRequest,
    form: Any,
    title: str,
    cancel: str,
    trail: list[tuple[Any, str | None]],
    *,
    no_rights: bool = False,
    crumb: Any = None,
    multipart: bool = False,
) -> HttpResponse:
    """A record's create or edit form, titled and placed under its breadcrumbs (the last one `crumb`, else
    the title); `multipart` when it sends files."""
    return render(
        request,
        "web/relations/form.html",
        {
            "form": form,
            "title": title,
            "multipart": multipart,
            "no_rights": no_rights,
            "cancel": cancel,
            "breadcrumbs": crumbs(*trail, (crumb or title, None)),
        },
    )


def edit_page_of(
    request: HttpRequest,
    form: Any,
    save: Callable[[dict[str, Any]], Any],
    done: str,
    title: str,
    trail: list[tuple[Any, str | None]],
    *,
    no_rights: bool = False,
) -> HttpResponse:
    """A record's edit form: a valid post is saved by `save(cleaned_data)` through `attempt` and goes back
    to `done` (the record's page); a refused one shows the form again with the reasons."""
    if request.method == "POST" and form.is_valid():
        ok, _result = attempt(request, lambda: save(form.cleaned_data), form=form)
        if ok:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(done)
    return form_page(request, form, title, done, trail, no_rights=no_rights, crumb=_("Sửa"))


def read_only(request: HttpRequest, office: Office) -> bool:
    """Whether to show "view only" instead of a form. A post is always handed to the service, which refuses."""
    return request.method != "POST" and not can(request.user, Action.EDIT, office)


def permissions(request: HttpRequest, record: Any) -> dict[str, bool]:
    office = record.office
    live = record.archived_at is None
    return {
        "can_edit": live and can(request.user, Action.EDIT, office),
        "can_archive": live and can(request.user, Action.ARCHIVE, office),
        "can_restore": not live and can(request.user, Action.RESTORE, office),
    }


def history_page(
    request: HttpRequest,
    record: Model,
    records: list[Any],
    back: tuple[str, str],
    trail: list[tuple[Any, str | None]],
) -> HttpResponse:
    """The changes of a record and of the rows that belong to it (who, when, which field from what to what)."""
    title = _("Lịch sử: %(what)s") % {"what": record}
    return render(
        request,
        "web/relations/history.html",
        {
            "rows": changes(records)[:HISTORY_LIMIT],
            "back": back,
            "title": title,
            "breadcrumbs": crumbs(*trail, (_("Lịch sử thay đổi"), None)),
        },
    )


def history_view(
    queryset: QuerySet[Any],
    detail: str,
    related: Callable[[Any], list[QuerySet[Any]]],
    trail: Callable[[Any], list[tuple[Any, str | None]]],
) -> Callable[..., HttpResponse]:
    """The page of a record's changes and of the rows that belong to it (`related(record)`: their history
    querysets), under the record's `trail`, with a link back to its page (`detail`, a URL name of its pk)."""

    @login_required
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        record = get_visible(queryset, request, pk)
        records = histories(record.history.all(), *related(record))
        return history_page(
            request, record, records, (str(record), reverse(detail, args=[record.pk])), trail(record)
        )

    return view


def histories(*querysets: QuerySet[Any]) -> list[Any]:
    records: list[Any] = []
    for queryset in querysets:
        records += list(queryset.select_related("history_user").order_by("-history_date")[:HISTORY_LIMIT])
    return records


def own_office(record: Any) -> QuerySet[Office]:
    """The record's office, as the queryset the office-scoped forms take."""
    return Office.objects.filter(pk=record.office_id)


def when(event: Any) -> str:
    """An event's dates, as precisely as known: 05/01/2022, 09/2022 – 10/2022, 2022."""
    start, end = vn_date(event.start_on, event.date_precision), vn_date(event.end_on, event.date_precision)
    return start if start == end else f"{start} – {end}"


def with_when(events: Any) -> list[Any]:
    found = list(events)
    for event in found:
        event.when = when(event)
    return found


def file_response(field_file: FieldFile, *, inline: bool = False) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    return FileResponse(handle, as_attachment=not inline, filename=(field_file.name or "").split("/")[-1])
