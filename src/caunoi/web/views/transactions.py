"""All transactions the user may see, with filters and export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.aid.models import Transaction, TransactionKind
from caunoi.core.permissions import visible_offices
from caunoi.core.text import fold
from caunoi.web.lists import Column, export, sorted_paged

COLUMNS = [
    Column("date", gettext_lazy("Ngày giá trị"), lambda t: t.value_date, sort="value_date"),
    Column("item", gettext_lazy("Khoản viện trợ"), lambda t: t.item.code, sort="item__code"),
    Column("kind", gettext_lazy("Loại"), lambda t: t.get_kind_display(), sort="kind"),
    Column("amount", gettext_lazy("Số tiền"), lambda t: t.amount, sort="amount"),
    Column("currency", gettext_lazy("Tiền tệ"), lambda t: t.currency, sort="currency"),
    Column("provider", gettext_lazy("Bên cấp"), lambda t: t.provider_name, sort="provider_name"),
    Column("office", gettext_lazy("Cơ quan"), lambda t: t.office.code, sort="office__code"),
    # A reversed transaction stays listed, struck through, with its reason; it counts in no figure.
    Column(
        "reversed",
        gettext_lazy("Đã hủy"),
        lambda t: t.reversal_reason if t.reversed_at else "",
        sort="reversed_at",
    ),
]


@login_required
def transaction_list(request: HttpRequest) -> HttpResponse:
    offices = list(visible_offices(request.user).order_by("code"))
    transactions = Transaction.objects.filter(
        office__in=offices, archived_at__isnull=True, item__archived_at__isnull=True
    ).select_related("item", "office")
    office = request.GET.get("office", "")
    if office in {o.code for o in offices}:
        transactions = transactions.filter(office__code=office)
    kind = request.GET.get("kind", "")
    if kind in TransactionKind.values:
        transactions = transactions.filter(kind=kind)
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4:
        transactions = transactions.filter(value_date__year=int(year))
    q = request.GET.get("q", "")
    for word in fold(q).split():
        transactions = transactions.filter(item__search_text__contains=word)
    if request.GET.get("format") in ("csv", "xlsx"):
        return export(transactions.order_by("value_date"), COLUMNS, request.GET["format"], "giao-dich")
    result = sorted_paged(request, transactions, COLUMNS, "-value_date")
    return render(
        request,
        "web/transactions.html",
        {
            "result": result,
            "kinds": TransactionKind.choices,
            "offices": offices,
            "office": office,
            "kind": kind,
            "year": year,
            "q": q,
            "title": _("Giao dịch"),
        },
    )
