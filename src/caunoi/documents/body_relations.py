"""The people's-diplomacy sections, from caunoi.relations when that app is installed.

The relations app is written in parallel; until it is installed, each section says its data is not yet
recorded, so the report is whole today and gains those sections as soon as the app lands.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps

from caunoi.core.models import Office

NOT_RECORDED = "Chưa có dữ liệu về {what} trong hệ thống; cán bộ bổ sung nội dung này trước khi trình ký."
TOPICS = (
    (
        "Quan hệ với các địa phương, tổ chức đối tác và các thỏa thuận hợp tác",
        "đối tác và thỏa thuận hợp tác",
    ),
    ("Hoạt động của các hội hữu nghị, đại hội các hội", "các hội hữu nghị và đại hội"),
    ("Các sự kiện, hoạt động giao lưu, đoàn ra, đoàn vào", "sự kiện, đoàn ra, đoàn vào"),
)


def relations_module() -> Any | None:
    """``caunoi.relations.report`` when the app is installed and exposes the summary, else None."""
    if not apps.is_installed("caunoi.relations"):
        return None
    try:
        from caunoi.relations import report  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    if not hasattr(report, "diplomacy_summary") or not hasattr(report, "render_diplomacy_text"):
        return None
    return report


def diplomacy_markdown(office: Office, year: int) -> list[str] | None:
    """Markdown blocks of the relations sections (headings and paragraphs), or None without the app."""
    report = relations_module()
    if report is None:
        return None
    summary = report.diplomacy_summary(office, year, on=dt.date(year, 12, 31))
    text = report.render_diplomacy_text(summary)
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return ["### Quan hệ đối tác, các hội hữu nghị, sự kiện, đoàn ra, đoàn vào", *paragraphs]


def directions_markdown(office: Office, year: int) -> list[str] | None:
    """Next year's directions from the relations plans, when the app records them (an optional key)."""
    report = relations_module()
    if report is None:
        return None
    data = report.diplomacy_summary(office, year + 1, on=dt.date(year + 1, 1, 1)).as_dict()
    plans = data.get("plans") or data.get("directions") or []
    lines = [str(p.get("title") or p.get("name") or p) if isinstance(p, dict) else str(p) for p in plans]
    return [line for line in lines if line.strip()] or None
