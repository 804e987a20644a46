"""The annual report as Markdown, for the web application and the public site: same letterhead, title and
prose as the Word and PDF files, in plain text a site generator or a browser preview can show."""

from __future__ import annotations

from caunoi.documents.content import AnnualReport
from caunoi.documents.letterhead import MOTTO, MOTTO_COUNTRY


def render_markdown(report: AnnualReport) -> str:
    head = report.letterhead
    top = [head.parent_body, f"**{head.issuing_body}**", report.number_line]
    lines = [
        "  \n".join(part for part in top if part),
        f"**{MOTTO_COUNTRY}**  \n**{MOTTO}**",
        f"*{report.place_date}*",
        f"# {report.title}",
        f"**{report.summary}**",
        report.body.strip(),
        f"**{head.signer_on_behalf}**  \n**{head.signer_title}**"
        + (f"  \n\n**{head.signer_name}**" if head.signer_name else ""),
        "***Nơi nhận:***\n\n"
        + "\n".join(
            f"- {name}{'.' if index == len(head.recipients) - 1 else ';'}"
            for index, name in enumerate(head.recipients)
        ),
    ]
    return "\n\n".join(lines) + "\n"
