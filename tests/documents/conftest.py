"""Fixtures of the documents tests: the demo union's 2022 report rendered once per test (each render is fast)."""

import datetime as dt
import io

import pytest

SIGNED_ON = dt.date(2023, 1, 5)


@pytest.fixture
def render(yen_bai):  # type: ignore[no-untyped-def]
    from caunoi.documents.exporters import render as render_document

    def make(fmt: str, **parameters):  # type: ignore[no-untyped-def]
        parameters.setdefault("office", yen_bai)
        parameters.setdefault("year", 2022)
        parameters.setdefault("date", SIGNED_ON)
        return render_document("annual", {"format": fmt, **parameters})

    return make


@pytest.fixture
def docx_document(render):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(io.BytesIO(render("docx").content))
