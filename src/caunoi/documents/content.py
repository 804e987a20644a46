"""One annual report, ready to render: letterhead, number, place and date, title, prose and signature.

Every format (Word, PDF, Markdown) renders this same object, so that they cannot say different things.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from caunoi.core.models import Office
from caunoi.documents.body import generate_body, summary_line
from caunoi.documents.letterhead import Letterhead, default_report_date, letterhead_for
from caunoi.documents.markup import Block, parse

DOCUMENT_KIND = "BC"  # the symbol of a Báo cáo in Decree 30/2020, Appendix III


@dataclass(frozen=True)
class AnnualReport:
    office: Office
    year: int
    letterhead: Letterhead
    number: str | None
    day: dt.date
    summary: str
    body: str  # Markdown (see caunoi.documents.markup)

    @property
    def title(self) -> str:
        return "BÁO CÁO"

    @property
    def number_line(self) -> str:
        return self.letterhead.number_line(DOCUMENT_KIND, self.number)

    @property
    def place_date(self) -> str:
        return self.letterhead.place_date(self.day)

    def blocks(self) -> list[Block]:
        return parse(self.body)

    def filename(self, extension: str) -> str:
        return f"bao-cao-nam-{self.year}-{self.office.code}.{extension}"


def build_annual_report(
    office: Office,
    year: int,
    *,
    day: dt.date | None = None,
    number: str | None = None,
    body: str | None = None,
    include_predecessors: bool = False,
) -> AnnualReport:
    """The report of ``office`` for ``year``; ``body`` replaces the generated prose (an edited draft)."""
    return AnnualReport(
        office=office,
        year=year,
        letterhead=letterhead_for(office),
        number=number,
        day=day or default_report_date(year, timezone.localdate()),
        summary=summary_line(year),
        body=body if body is not None else generate_body(office, year, include_predecessors),
    )
