"""The exporter contract and its registry."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from caunoi.documents.messages import EXPORTER_UNKNOWN, FORMAT_UNSUPPORTED

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
}


@dataclass(frozen=True)
class RenderedDocument:
    filename: str
    media_type: str
    content: bytes


class Exporter:
    """A document: ``name`` identifies it, ``formats`` lists what it renders to, ``render`` makes the file.

    Parameters are a plain mapping (from a command line, a form or a JSON body); ``format`` is always one of
    them. Subclasses implement :meth:`render_format`; business-rule problems are raised as ``RuleErrors``.
    """

    name: ClassVar[str]
    verbose_name: ClassVar[str]
    formats: ClassVar[tuple[str, ...]]

    def render(self, parameters: Mapping[str, Any]) -> RenderedDocument:
        fmt = str(parameters.get("format") or self.formats[0])
        if fmt not in self.formats:
            raise FORMAT_UNSUPPORTED(
                field="format", name=self.name, format=fmt, known=", ".join(self.formats)
            )
        return self.render_format(fmt, parameters)

    def render_format(self, fmt: str, parameters: Mapping[str, Any]) -> RenderedDocument:
        raise NotImplementedError


_REGISTRY: dict[str, Exporter] = {}
E = TypeVar("E", bound=type[Exporter])


def register(cls: E) -> E:
    """Class decorator: make an exporter known by its name (a second class with the same name is a bug)."""
    if cls.name in _REGISTRY and type(_REGISTRY[cls.name]) is not cls:
        raise ValueError(f"exporter {cls.name!r} registered twice")
    _REGISTRY[cls.name] = cls()
    return cls


def get_exporter(name: str) -> Exporter:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise EXPORTER_UNKNOWN(field="exporter", name=name, known=", ".join(sorted(_REGISTRY))) from None


def all_exporters() -> list[Exporter]:
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def render(name: str, parameters: Mapping[str, Any]) -> RenderedDocument:
    return get_exporter(name).render(parameters)
