"""The people's-diplomacy sections, from caunoi.relations when that app is installed.

The relations app is written in parallel; until it is installed, each section says its data is not yet
recorded, so the report is whole today and gains those sections as soon as the app lands.
"""

from __future__ import annotations

import datetime as dt
import re
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


def relations_module() -> tuple[Any, Any] | None:
    """``caunoi.relations.report`` and ``report_text`` when the app is installed, else None (a broken import
    fails loudly instead of leaving the sections out)."""
    if not apps.is_installed("caunoi.relations"):
        return None
    from caunoi.relations import report, report_text

    return report, report_text


ROMAN_HEADING = re.compile(r"^[IVXLC]+\. (?P<title>.+)$")


def diplomacy_markdown(office: Office, year: int) -> list[str] | None:
    """Markdown blocks of the relations sections: each of its headings ("II. QUAN HỆ …") becomes a
    subsection of the report, its lines the paragraphs; the text's own title lines are left out."""
    modules = relations_module()
    if modules is None:
        return None
    report, report_text = modules
    summary = report.diplomacy_summary(office, year, on=dt.date(year, 12, 31))
    lines = [line.strip() for line in report_text.render_diplomacy_text(summary).splitlines() if line.strip()]
    blocks: list[str] = []
    for line in lines:
        heading = ROMAN_HEADING.match(line)
        if heading:
            title = heading.group("title").lower()
            blocks.append(f"### {title[:1].upper()}{title[1:]}")
        elif blocks:  # before the first heading: the text's title, office and as-of lines
            blocks.append(line)
    return blocks or None


def directions_markdown(office: Office, year: int) -> list[str] | None:
    """Next year's directions: the tasks of the plans adopted for that year."""
    modules = relations_module()
    if modules is None:
        return None
    report, _ = modules
    data = report.diplomacy_summary(office, year + 1, on=dt.date(year + 1, 1, 1)).as_dict()
    tasks = [task["title"] for plan in data.get("next_year_plans", []) for task in plan.get("tasks", [])]
    tasks += [
        task["title"]
        for plan in data.get("plans", [])
        if isinstance(plan, dict)
        for task in plan.get("tasks", [])
    ]
    unique = list(dict.fromkeys(t.strip() for t in tasks if t and t.strip()))
    return unique or None
