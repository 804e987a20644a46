"""What one search box finds: each kind of record with the folded column that answers for it.

Every kind reads a `search_text` column kept on the record (or on the record it names), so a search is one
query per kind against columns that every writer keeps current (`caunoi.core.searchable`, the aid item's own
`refresh_search_text`); the indexes over them (pg_trgm; SQLite's FTS5, caunoi.search.fts) are the database's
own, kept in step by the database itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from caunoi.aid.models import AidItem, ItemDocument
from caunoi.directory.models import Organisation
from caunoi.relations.models import Agreement, Association, Event, Partnership, Person


@dataclass(frozen=True)
class Kind:
    code: str
    label: Any
    queryset: Callable[[], QuerySet[Any]]
    text: str  # the folded column, as a lookup path from the record
    office: str  # the office's path from the record
    title: Callable[[Any], str]
    detail: Callable[[Any], str]


def _date(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


KINDS: tuple[Kind, ...] = (
    Kind(
        "aid",
        _("Khoản viện trợ"),
        lambda: AidItem.objects.filter(archived_at__isnull=True).select_related("office"),
        "search_text",
        "office",
        lambda r: f"{r.code} — {r.title}",
        lambda r: str(r.get_status_display()),
    ),
    Kind(
        "organisation",
        _("Tổ chức"),
        lambda: Organisation.objects.filter(archived_at__isnull=True).select_related("office"),
        "search_text",
        "office",
        str,
        lambda r: str(r.get_kind_display()),
    ),
    Kind(
        "partner",
        _("Đối tác"),
        lambda: Partnership.objects.filter(archived_at__isnull=True).select_related("office", "organisation"),
        "organisation__search_text",
        "office",
        lambda r: str(r.organisation),
        lambda r: str(r.get_kind_display()),
    ),
    Kind(
        "agreement",
        _("Thỏa thuận"),
        lambda: Agreement.objects.filter(archived_at__isnull=True).select_related("office"),
        "search_text",
        "office",
        lambda r: r.title,
        lambda r: " ".join(p for p in (str(r.get_kind_display()), r.number, _date(r.signed_on)) if p),
    ),
    Kind(
        "event",
        _("Hoạt động, đoàn"),
        lambda: Event.objects.filter(archived_at__isnull=True).select_related("office"),
        "search_text",
        "office",
        lambda r: r.title,
        lambda r: f"{r.get_kind_display()} {_date(r.start_on)}",
    ),
    Kind(
        "association",
        _("Hội hữu nghị"),
        lambda: Association.objects.filter(archived_at__isnull=True).select_related("office"),
        "search_text",
        "office",
        lambda r: r.name,
        lambda r: r.name_en,
    ),
    Kind(
        "person",
        _("Cá nhân"),
        lambda: Person.objects.filter(archived_at__isnull=True).select_related("office"),
        "search_text",
        "office",
        lambda r: r.name,
        lambda r: " ".join(p for p in (str(r.get_kind_display()), r.institution) if p),
    ),
    Kind(
        "document",
        _("Tài liệu"),
        lambda: ItemDocument.objects.filter(
            archived_at__isnull=True, item__archived_at__isnull=True
        ).select_related("item__office"),
        "search_text",
        "item__office",
        lambda r: r.title,
        lambda r: f"{r.get_kind_display()} · {r.item.code}",
    ),
)

BY_CODE = {kind.code: kind for kind in KINDS}
