"""Article photos: resized, EXIF gone, described; a file that is not an image is refused and nothing kept."""

import pytest
from PIL import Image

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.images import MAX_SIDE
from caunoi.publishing.models import ArticleImage
from caunoi.publishing.services.images import add_image

pytestmark = pytest.mark.django_db


def test_resized_and_exif_stripped(make_article, upload, media):
    source = upload()
    with Image.open(source) as original:
        assert original.getexif()  # the camera's data is there before
    source.seek(0)
    image = add_image(
        make_article(),
        source,
        caption="Quang cảnh buổi làm việc",
        alt_text="Hai đoàn ngồi quanh bàn",
        credit="Ban Thông tin",
        actor=SYSTEM,
    )
    with Image.open(image.file.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (MAX_SIDE, 1200) == (image.width, image.height)
        assert dict(stored.getexif()) == {}
        assert "exif" not in stored.info
    assert image.file.name.startswith("publishing/images/2026/")


def test_png_keeps_its_transparency_and_loses_its_text_chunks(make_article, media, upload):
    import io

    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Ai đó")
    out = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 255, 128)).save(out, format="PNG", pnginfo=info)
    image = add_image(
        make_article(),
        upload("logo.png", out.getvalue()),
        caption="Biểu trưng",
        alt_text="Biểu trưng",
        actor=SYSTEM,
    )
    with Image.open(image.file.path) as stored:
        assert (stored.format, stored.mode, stored.size) == ("PNG", "RGBA", (300, 200))
        assert "Author" not in stored.info


def test_a_file_that_is_not_an_image_is_refused_and_nothing_saved(make_article, upload, media):
    article = make_article()
    with pytest.raises(RuleError) as refused:
        add_image(
            article, upload("anh.jpg", b"%PDF-1.4 not a photo"), caption="Ảnh", alt_text="Ảnh", actor=SYSTEM
        )
    assert refused.value.code == "publishing.image_invalid"
    assert (
        refused.value.vi == "Tệp “anh.jpg” không phải ảnh JPEG, PNG hoặc WebP đọc được; không có gì được lưu."
    )
    assert (
        refused.value.en == "The file “anh.jpg” is not a readable JPEG, PNG or WebP image; nothing was saved."
    )
    assert not ArticleImage.objects.exists()
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_alt_text_and_caption_are_required(make_article, upload, media):
    article = make_article()
    with pytest.raises(RuleError) as refused:
        add_image(article, upload(), caption="Ảnh", alt_text=" ", actor=SYSTEM)
    assert refused.value.field == "alt_text"
    with pytest.raises(RuleError) as refused:
        add_image(article, upload(), caption="", alt_text="Mô tả", actor=SYSTEM)
    assert refused.value.field == "caption"
    assert not ArticleImage.objects.exists()


def test_a_gif_is_refused(make_article, upload, media):
    import io

    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="GIF")
    with pytest.raises(RuleError) as refused:
        add_image(
            make_article(), upload("a.gif", out.getvalue()), caption="Ảnh", alt_text="Ảnh", actor=SYSTEM
        )
    assert refused.value.code == "publishing.image_invalid"
