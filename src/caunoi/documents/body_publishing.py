"""The external-information section of the annual report, from caunoi.publishing when that app is installed:
articles per channel in the year, the bulletin issues, and a pointer to the list of titles in the annex.

Without the app, or with nothing recorded for the year, the section says its data is not yet recorded (the
text body.NO_PUBLICATIONS), as before.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from caunoi.core.models import Office
from caunoi.relations.dates import vn_date
from caunoi.vntext.numbers import format_count


def figures_of(offices: list[Office], year: int) -> Any | None:
    """``caunoi.publishing.figures.external_information`` of the year, or None without the app."""
    if not apps.is_installed("caunoi.publishing"):
        return None
    from caunoi.publishing.figures import external_information

    return external_information(offices, year)


def publications_markdown(offices: list[Office], year: int) -> list[str] | None:
    figures = figures_of(offices, year)
    if figures is None or figures.empty:
        return None
    blocks: list[str] = []
    if figures.articles:
        channels = "; ".join(f"{c.channel}: {format_count(c.articles)} tin bài" for c in figures.per_channel)
        blocks.append(
            f"Năm {year}, Liên hiệp đã viết và đăng {format_count(len(figures.articles))} tin bài về hoạt động "
            f"đối ngoại nhân dân và vận động viện trợ phi chính phủ nước ngoài, đăng trên: {channels} "
            "(danh mục tin bài tại Phụ lục)."
        )
    if figures.bulletins:
        issues = ", ".join(
            f"số {i.number} ngày {vn_date(i.issued_on)} ({format_count(i.articles)} tin bài)"
            for i in figures.bulletins
        )
        blocks.append(
            f"Xuất bản {format_count(len(figures.bulletins))} số Bản tin Hợp tác – Hữu nghị: {issues}."
        )
    return blocks
