"""One contract for every document caunoi produces (after pretix's ``base/exporter.py``): an
:class:`Exporter` turns parameters into a :class:`RenderedDocument` (file name, media type, bytes), and the
registry finds exporters by name for the command line, the web application and the API alike."""

from caunoi.documents.exporters.base import (
    Exporter,
    RenderedDocument,
    all_exporters,
    get_exporter,
    register,
    render,
)

__all__ = ["Exporter", "RenderedDocument", "all_exporters", "get_exporter", "register", "render"]
