"""Lists with search, filters, sorting, paging and export: one mechanism for every list page."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from caunoi.core import cells, marks

PAGE_SIZE = 25


@dataclass
class Column:
    key: str
    label: Any  # a lazily translated string
    value: Callable[[Any], Any]
    sort: str | None = None


@dataclass
class ListResult:
    page: Page[Any]
    sort: str
    columns: Sequence[Column]
    total: int
    errors: list[str] = field(default_factory=list)


class _KeptCountPaginator(Paginator):
    """Counts the rows once per state of the offices' records (`caunoi.core.marks`): a list of the whole
    country counts hundreds of thousands of rows for every page shown."""

    def __init__(self, object_list: QuerySet[Any], per_page: int, office_ids: list[int]):
        super().__init__(object_list, per_page)
        self.queryset, self.office_ids = object_list, office_ids

    @cached_property
    def count(self) -> int:
        queryset = self.queryset
        try:
            sql = str(queryset.query)
        except EmptyResultSet:  # a filter that can match nothing: no query to key by, nor to run
            return 0
        return marks.cached("list-count", self.office_ids, sql, queryset.count)


def sorted_paged(
    request: HttpRequest,
    queryset: QuerySet[Any],
    columns: Sequence[Column],
    default_sort: str,
    *,
    kept_count_for: list[int] | None = None,
) -> ListResult:
    """One page of the list, sorted as asked. `kept_count_for`: the offices whose ledger marks cover every
    row the list can show (aid records only), so that the count can be kept between requests."""
    allowed = {c.sort for c in columns if c.sort}
    sort = request.GET.get("sort", default_sort)
    field_name = sort.lstrip("-")
    if field_name not in allowed:
        sort = default_sort
        field_name = sort.lstrip("-")
    ordered = queryset.order_by(sort, "pk")
    paginator = (
        Paginator(ordered, PAGE_SIZE)
        if kept_count_for is None
        else _KeptCountPaginator(ordered, PAGE_SIZE, kept_count_for)
    )
    page = paginator.get_page(request.GET.get("page"))  # a bad page number shows the nearest page
    return ListResult(page=page, sort=sort, columns=columns, total=paginator.count)


def export(queryset: QuerySet[Any], columns: Sequence[Column], fmt: str, name: str) -> HttpResponse:
    rows = ([_plain(c.value(obj)) for c in columns] for obj in queryset.iterator(chunk_size=2000))
    headers = [str(c.label) for c in columns]
    if fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(name[:31])
        header_font = Font(bold=True)
        sheet.append([cells.write_only_cell(sheet, text, font=header_font) for text in headers])
        for row in rows:
            sheet.append(cells.write_only_row(sheet, row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        buffer_text = io.StringIO()
        writer = cells.csv_writer(buffer_text)
        writer.writerow(headers)
        writer.writerows(rows)
        response = HttpResponse("\ufeff" + buffer_text.getvalue(), content_type="text/csv; charset=utf-8")
        fmt = "csv"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if hasattr(value, "isoformat") or isinstance(value, int | float):
        return value
    from decimal import Decimal

    if isinstance(value, Decimal):
        return value
    return str(value)
