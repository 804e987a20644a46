"""Records named by kind and id ("aid_item", 12), so that domain code can point at a record without knowing
the web's addresses. The web layer says how a reference becomes an address (`caunoi.web.links`, registered
when the web app is ready); code that needs the address of a reference (an e-mail digest) asks `url_of`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

LINKER: list[Callable[[RecordRef], str]] = []


@dataclass(frozen=True)
class RecordRef:
    kind: str
    id: str  # a primary key, or what names a page of records ("2025:YB": a year's report of an office)

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"

    @classmethod
    def of(cls, kind: str, id: object) -> RecordRef:
        return cls(kind, str(id))


def set_linker(linker: Callable[[RecordRef], str]) -> None:
    LINKER[:] = [linker]


def url_of(ref: RecordRef | None) -> str:
    """The address of the record's page (a path), "" when there is none or no web layer is installed."""
    if ref is None or not LINKER:
        return ""
    return LINKER[0](ref)
