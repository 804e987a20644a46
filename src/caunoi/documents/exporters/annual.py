"""The annual report exporters: the report from records (Word, PDF, Markdown, Excel annexes) and a saved
draft version (the same formats but Excel, with the staff's edited prose)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from caunoi.core.models import Office
from caunoi.core.offices import office_by_code, office_for_year
from caunoi.documents.content import AnnualReport, build_annual_report
from caunoi.documents.exporters.base import MEDIA_TYPES, Exporter, RenderedDocument, register
from caunoi.documents.messages import PARAMETER_MISSING, YEAR_INVALID


def year_of(parameters: Mapping[str, Any]) -> int:
    raw = parameters.get("year")
    if raw in (None, ""):
        raise PARAMETER_MISSING(field="year", parameter="year")
    try:
        year = int(raw)
    except (TypeError, ValueError):
        raise YEAR_INVALID(field="year", year=raw) from None
    if not 1990 <= year <= 2100:
        raise YEAR_INVALID(field="year", year=year)
    return year


def office_of(parameters: Mapping[str, Any], year: int) -> Office:
    office = parameters.get("office")
    if isinstance(office, Office):
        return office
    return office_for_year(office or None, year) if year else office_by_code(office)


def day_of(parameters: Mapping[str, Any]) -> dt.date | None:
    day = parameters.get("date")
    if day is None or isinstance(day, dt.date):
        return day
    return dt.date.fromisoformat(str(day))


def rendered(report: AnnualReport, fmt: str) -> RenderedDocument:
    # Imported here: WeasyPrint loads system libraries, and only the PDF needs it.
    if fmt == "docx":
        from caunoi.documents.render_docx import render_docx

        content = render_docx(report)
    elif fmt == "pdf":
        from caunoi.documents.render_pdf import render_pdf

        content = render_pdf(report)
    else:
        from caunoi.documents.render_md import render_markdown

        content = render_markdown(report).encode("utf-8")
    return RenderedDocument(report.filename(fmt), MEDIA_TYPES[fmt], content)


@register
class AnnualReportExporter(Exporter):
    name = "annual"
    verbose_name = "Báo cáo kết quả công tác năm / annual report"
    formats = ("docx", "pdf", "md", "xlsx")

    def render_format(self, fmt: str, parameters: Mapping[str, Any]) -> RenderedDocument:
        year = year_of(parameters)
        office = office_of(parameters, year)
        predecessors = bool(parameters.get("include_predecessors"))
        if fmt == "xlsx":
            from caunoi.documents.annex_xlsx import render_annexes

            content = render_annexes(office, year, include_predecessors=predecessors)
            return RenderedDocument(f"phu-luc-nam-{year}-{office.code}.xlsx", MEDIA_TYPES[fmt], content)
        report = build_annual_report(
            office,
            year,
            day=day_of(parameters),
            number=parameters.get("number") or None,
            body=parameters.get("body"),
            include_predecessors=predecessors,
        )
        return rendered(report, fmt)


@register
class DraftVersionExporter(Exporter):
    name = "annual-draft"
    verbose_name = "Dự thảo báo cáo năm (phiên bản đã lưu) / saved annual report draft version"
    formats = ("docx", "pdf", "md")

    def render_format(self, fmt: str, parameters: Mapping[str, Any]) -> RenderedDocument:
        from caunoi.documents.drafts import version_for

        version = version_for(parameters)
        draft = version.draft
        report = build_annual_report(
            draft.office,
            draft.year,
            day=day_of(parameters),
            number=parameters.get("number") or None,
            body=version.body,
        )
        document = rendered(report, fmt)
        name = document.filename.replace(f".{fmt}", f"-v{version.number}.{fmt}")
        return RenderedDocument(name, document.media_type, document.content)
