"""What check-text reports: a :class:`Finding` per check, and the :class:`Expected` figures of records."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from caunoi.core.errors import Problem
from caunoi.vntext.figures import Figure

__all__ = ["CheckKind", "Expected", "Finding", "Role", "Severity"]

Severity = Literal["error", "warning", "ok", "info"]
Role = Literal["total", "figure"]
CheckKind = Literal[
    "total-of-parts",
    "count-of-kinds",
    "partial-list",
    "shares-make-whole",
    "ratio",
    "growth",
    "product",
    "average",
    "record",
    "",
]


@dataclass(frozen=True, slots=True)
class Expected:
    """A figure the text should state, as records have it (see :mod:`caunoi.vntext.checktext`)."""

    value: Decimal | int
    unit: str
    role: Role = "total"
    occurrence: int = 1


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one check, with its message (rendered in Vietnamese or English).

    ``stated`` is the figure as written, ``computed`` what the arithmetic gives (the sum of ``parts``, the
    ratio, the growth rate, or the record's value), ``difference`` is ``computed - stated``. ``line`` is the
    stated figure's line (1-based), ``sentence`` the sentence it stands in. ``kind`` names the check.
    """

    severity: Severity
    code: str
    line: int
    text: Problem | None = None  # the message (caunoi.vntext.messages) with its parameters
    unit: str | None = None
    stated: Decimal | None = None
    computed: Decimal | None = None
    parts: tuple[Decimal, ...] = ()
    difference: Decimal | None = None
    label: str | None = None
    figure: Figure | None = None
    part_figures: tuple[Figure, ...] = field(default=(), repr=False)
    kind: CheckKind = ""
    sentence: str = field(default="", repr=False)

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``): its Vietnamese template, or the English of the
        catalog."""
        if self.text is None:
            return ""
        return self.text.vi if lang == "vi" else self.text.en

    @property
    def message_vi(self) -> str:
        return self.message("vi")

    @property
    def message_en(self) -> str:
        return self.message("en")
