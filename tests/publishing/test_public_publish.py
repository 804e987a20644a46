"""`caunoi publish` of an office writes its news pages, feed and bulletin archive in both languages."""

import pytest

from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import articles
from caunoi.publishing.services.images import add_image
from caunoi.staticsite.publish import publish

pytestmark = pytest.mark.django_db


def test_the_news_pages_are_published_in_both_languages(yen_bai, tmp_path, make_article, upload, media):
    story = make_article(title="Tin-tĩnh", title_en="Static-story")
    photo = add_image(story, upload(), caption="Ảnh-tĩnh", alt_text="Mô tả", actor=SYSTEM)
    articles.submit(story, actor=SYSTEM)
    articles.approve(story, actor=SYSTEM)
    articles.publish(story, actor=SYSTEM)
    draft = make_article(title="Nháp-tĩnh")
    names = {p.file for p in publish(yen_bai, tmp_path).pages}
    for language in ("", "en/"):
        assert f"{language}cong-khai/yen-bai/tin-tuc/index.html" in names
        assert f"{language}cong-khai/yen-bai/tin-tuc/{story.pk}/index.html" in names
        assert f"{language}cong-khai/yen-bai/tin-tuc/feed.xml" in names
        assert f"{language}cong-khai/yen-bai/ban-tin/index.html" in names
    assert f"cong-khai/yen-bai/tin-tuc/{draft.pk}/index.html" not in names
    assert f"cong-khai/yen-bai/tin-tuc/anh/{photo.pk}.jpg" in names
    assert "cong-khai/yen-bai/ban-tin/12.pdf" in names  # the demo's issue
    vi = (tmp_path / f"cong-khai/yen-bai/tin-tuc/{story.pk}/index.html").read_text()
    en = (tmp_path / f"en/cong-khai/yen-bai/tin-tuc/{story.pk}/index.html").read_text()
    assert "<h1>Tin-tĩnh</h1>" in vi
    assert "<h1>Static-story</h1>" in en
    every_byte = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert "Nháp-tĩnh".encode() not in every_byte
