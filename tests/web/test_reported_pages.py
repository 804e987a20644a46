"""The reported-figures pages: editors upload and confirm, viewers are refused, strangers see nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.reported import services
from caunoi.reported.models import FigureStatus, ReportedFigures

pytestmark = pytest.mark.django_db

TEXT = "Năm 2019, tỉnh Yên Bái tiếp nhận 12 dự án với tổng giá trị cam kết 1.404.155 USD. Y tế 3 dự án, 400.000 USD."


def _upload(client, name: str, data: bytes):  # type: ignore[no-untyped-def]
    return client.post("/reported/upload/", {"file": SimpleUploadedFile(name, data), "office": "yen-bai"})


def test_an_editor_uploads_then_confirms(login) -> None:  # type: ignore[no-untyped-def]
    client = login("bientap")
    response = _upload(client, "bc 2019.txt", TEXT.encode())
    figures = ReportedFigures.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == f"/reported/{figures.pk}/confirm/"
    page = client.get(response["Location"]).content.decode()
    assert 'value="1.404.155"' in page and "<q>Năm 2019, tỉnh Yên Bái tiếp nhận 12 dự án" in page
    form = {
        "first_year": "2019",
        "last_year": "2019",
        "province": "Yên Bái",
        "items": "12",
        "ngos": "",
        "committed": "1.404.155",
        "disbursed": "",
        "currency": "USD",
        "sectors-TOTAL_FORMS": "2",
        "sectors-INITIAL_FORMS": "1",
        "sectors-MIN_NUM_FORMS": "0",
        "sectors-MAX_NUM_FORMS": "1000",
        "sectors-0-sector": "Y tế",
        "sectors-0-count": "3",
        "sectors-0-amount": "400.000",
    }
    assert client.post(f"/reported/{figures.pk}/confirm/", form)["Location"] == "/reported/"
    figures.refresh_from_db()
    assert (figures.status, figures.source_name) == (FigureStatus.CONFIRMED, "bc_2019.txt")
    assert "đã xác nhận (bientap)" in client.get("/reported/").content.decode()


def test_a_damaged_upload_is_refused_beside_the_field_and_stores_nothing(login) -> None:  # type: ignore[no-untyped-def]
    client = login("bientap")
    before = ReportedFigures.objects.count()
    page = _upload(client, "bc.docx", b"not a word file").content.decode()
    assert "Tệp “bc.docx” không phải tệp Word (.docx) đọc được (hỏng hoặc sai định dạng)." in page
    assert ReportedFigures.objects.count() == before


def test_a_viewer_is_refused_the_forms(login) -> None:  # type: ignore[no-untyped-def]
    figures = services.propose_from_file(
        Office.objects.get(code="yen-bai"), "bc.txt", TEXT.encode(), actor=SYSTEM
    )
    client = login("xem")
    assert client.get("/reported/").status_code == 200
    assert client.get("/reported/upload/").status_code == 403
    assert client.get(f"/reported/{figures.pk}/confirm/").status_code == 403
    assert client.post(f"/reported/{figures.pk}/archive/").status_code == 302
    figures.refresh_from_db()
    assert figures.archived_at is None


def test_a_stranger_does_not_see_another_offices_figures(client, stranger) -> None:  # type: ignore[no-untyped-def]
    figures = services.propose_from_file(
        Office.objects.get(code="yen-bai"), "bc.txt", TEXT.encode(), actor=SYSTEM
    )
    client.force_login(stranger)
    assert client.get(f"/reported/{figures.pk}/confirm/").status_code == 404
    assert "bc.txt" not in client.get("/reported/").content.decode()


def test_the_list_offers_reading_a_document_only_to_who_may_write(login) -> None:  # type: ignore[no-untyped-def]
    upload = 'href="/reported/upload/"'
    assert upload in login("bientap").get("/reported/").content.decode()
    assert upload not in login("xem").get("/reported/").content.decode()
