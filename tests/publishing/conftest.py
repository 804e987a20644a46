"""Fixtures of external information: the demo union's staff (Lào Cai succeeded Yên Bái, so its editor and
approver work on Yên Bái's records), the 2022 talks with Viêng Chăn, photos made on the fly."""

import datetime as dt
import io

import pytest
from PIL import Image

from caunoi.core.permissions import SYSTEM

D = dt.date


@pytest.fixture
def media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def staff(db, django_user_model):  # type: ignore[no-untyped-def]
    """editor, approver and viewer of the demo (members of Lào Cai, successor of Yên Bái)."""
    names = {"editor": "bientap", "approver": "lanhdao", "viewer": "xem"}
    return {role: django_user_model.objects.get(username=name) for role, name in names.items()}


@pytest.fixture
def talks(yen_bai):  # type: ignore[no-untyped-def]
    from caunoi.relations.models import Event

    return Event.objects.get(office=yen_bai, title__startswith="Hội đàm giữa đoàn đại biểu cấp cao")


@pytest.fixture
def vientiane(yen_bai):  # type: ignore[no-untyped-def]
    from caunoi.relations.models import Partnership

    return Partnership.objects.get(office=yen_bai, organisation__name="Tỉnh Viêng Chăn")


@pytest.fixture
def make_article(yen_bai):  # type: ignore[no-untyped-def]
    from caunoi.publishing.services.articles import create_article

    def make(**kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("title", "Tăng cường hợp tác hữu nghị Yên Bái - Viêng Chăn")
        kwargs.setdefault("summary", "Đoàn đại biểu tỉnh Viêng Chăn làm việc tại Yên Bái.")
        kwargs.setdefault("body", "<p>Hai bên trao đổi về hợp tác giáo dục, nông nghiệp.</p>")
        kwargs.setdefault("author", "Ban Thông tin")
        kwargs.setdefault("actor", SYSTEM)
        return create_article(kwargs.pop("office", yen_bai), **kwargs)

    return make


@pytest.fixture
def published(make_article):  # type: ignore[no-untyped-def]
    """An article taken through every step by the system."""
    from caunoi.publishing.services import articles

    def make(**kwargs):  # type: ignore[no-untyped-def]
        article = make_article(**kwargs)
        articles.submit(article, actor=SYSTEM)
        articles.approve(article, actor=SYSTEM)
        return articles.publish(article, actor=SYSTEM)

    return make


def photo_bytes(size=(2400, 1800), fmt="JPEG", exif=True) -> bytes:  # type: ignore[no-untyped-def]
    image = Image.new("RGB", size, (200, 60, 40))
    for x in range(0, size[0], 50):  # some detail, so the picture is not one colour
        for y in range(0, size[1], 50):
            image.putpixel((x, y), (10, 10, 10))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "CameraMaker"  # Make
        data[0x0110] = "Model X"  # Model
        data[0x9003] = "2022:10:03 09:00:00"  # DateTimeOriginal
        image.save(out, format=fmt, exif=data.tobytes())
    else:
        image.save(out, format=fmt)
    return out.getvalue()


@pytest.fixture
def upload():  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(name="anh.jpg", content=None, **kwargs):  # type: ignore[no-untyped-def]
        return SimpleUploadedFile(name, content if content is not None else photo_bytes(**kwargs))

    return make


@pytest.fixture
def render(yen_bai):  # type: ignore[no-untyped-def]
    """The demo union's 2022 annual report in a format (as tests/documents renders it)."""
    from caunoi.documents.exporters import render as render_document

    def make(fmt: str, **parameters):  # type: ignore[no-untyped-def]
        parameters.setdefault("office", yen_bai)
        parameters.setdefault("year", 2022)
        parameters.setdefault("date", D(2023, 1, 5))
        return render_document("annual", {"format": fmt, **parameters})

    return make


@pytest.fixture
def login(client):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    def as_user(username: str):  # type: ignore[no-untyped-def]
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user
