"""What an import found: the problems (with file, activity, line, element) and the counts that add up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caunoi.core.errors import Msg, Problem

ERROR = "error"
NOTICE = "notice"


@dataclass
class IatiProblem(Problem):
    """A Problem located in an IATI file: `row` is the line, `column` the element."""

    activity: str | None = None
    severity: str = ERROR

    def where(self) -> str:
        parts = [self.source or ""]
        if self.activity:
            parts.append(f"activity {self.activity}")
        if self.row is not None:
            parts.append(f"line {self.row}")
        if self.column:
            parts.append(f"<{self.column}>")
        return ", ".join(p for p in parts if p)

    def as_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "file": self.source,
            "activity": self.activity,
            "line": self.row,
            "element": self.column,
            "code": self.code,
            "vi": self.vi,
            "en": self.en,
        }

    def line_text(self) -> str:
        return f"{self.where()}: {self.vi} / {self.en}"


def problem(
    msg: Msg,
    *,
    source: str | None = None,
    activity: str | None = None,
    line: int | None = None,
    element: str | None = None,
    severity: str = ERROR,
    **params: Any,
) -> IatiProblem:
    if element is not None:
        params.setdefault("element", element)
    return IatiProblem(
        msg, params, row=line, column=element, source=source, activity=activity, severity=severity
    )


@dataclass
class Summary:
    """read = imported + updated + unchanged + rejected + skipped, always."""

    files: int = 0
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    skipped: int = 0  # other recipient country (--recipient-country)
    transactions: int = 0  # in the activities imported or updated
    ledger_transactions: int = 0
    other_transactions: int = 0  # kept in the IATI record, outside the ledger
    organisations_created: int = 0
    dry_run: bool = False
    committed: bool = False
    problems: list[IatiProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[IatiProblem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def notices(self) -> list[IatiProblem]:
        return [p for p in self.problems if p.severity == NOTICE]

    def adds_up(self) -> bool:
        return self.read == self.imported + self.updated + self.unchanged + self.rejected + self.skipped

    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "read": self.read,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "transactions": self.transactions,
            "ledger_transactions": self.ledger_transactions,
            "other_transactions": self.other_transactions,
            "organisations_created": self.organisations_created,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": not self.errors or self.committed,
            "committed": self.committed,
            "dry_run": self.dry_run,
            **self.counts(),
            "problems": [p.as_dict() for p in self.errors],
            "notices": [p.as_dict() for p in self.notices],
        }
