"""A bulletin issue of two articles with photos, rendered to an A4 PDF (pdftoppm: pages not blank, photo seen)."""

import datetime as dt
import shutil
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import bulletin
from caunoi.publishing.services.images import add_image

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm missing (poppler-utils)"
)


@pytest.fixture
def issue(make_article, yen_bai, upload, media):  # type: ignore[no-untyped-def]
    from caunoi.publishing.services import articles

    chosen = []
    for title in ("Yên Bái - Viêng Chăn: hợp tác giáo dục", "Giao lưu với lưu học sinh Lào"):
        article = make_article(title=title, body="<p>" + "Nội dung bài viết. " * 80 + "</p>")
        add_image(article, upload(), caption=f"Ảnh: {title}", alt_text="Quang cảnh", actor=SYSTEM)
        articles.submit(article, actor=SYSTEM)
        articles.approve(article, actor=SYSTEM)
        chosen.append(articles.publish(article, actor=SYSTEM))
    made = bulletin.create_issue(
        yen_bai,
        "15",
        dt.date(2026, 11, 20),
        editorial_board="Trưởng ban: Lâm Gia Bình\nThư ký: Ban Thông tin",
        contacts="Số 1, đường Hòa Bình, TP Yên Bái\nĐiện thoại: 0216 000 000",
        actor=SYSTEM,
    )
    bulletin.set_articles(made, chosen, actor=SYSTEM)
    return made


@needs_poppler
def test_the_command_writes_a_printable_pdf_with_photos(issue, tmp_path):
    out = tmp_path / "ban-tin.pdf"
    call_command("bulletin", "15", "--office", "yen-bai", "-o", str(out))
    assert out.read_bytes().startswith(b"%PDF-")
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 5  # cover, contents, two articles, back page
    coloured = 0
    for page in pages:
        image = Image.open(page).convert("RGB")
        width, height = image.size
        assert abs(width / height - 210 / 297) < 0.01  # A4
        grey = image.convert("L")
        assert sum(grey.histogram()[:128]) > 50, f"{page.name} looks blank"
        # the photos are a red (200, 60, 40): count pixels of that colour
        pixels = image.tobytes()
        coloured += sum(
            1
            for i in range(0, len(pixels), 3)
            if pixels[i] > 150 and pixels[i + 1] < 100 and pixels[i + 2] < 90
        )
    assert coloured > 2000
    text = subprocess.run(["pdftotext", str(out), "-"], check=True, capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert "Số 15" in flat and "Bản tin Hợp tác – Hữu nghị" in flat
    assert "Trong số này" in flat and "Lâm Gia Bình" in flat


def test_an_empty_issue_or_unknown_number_is_a_clear_error(yen_bai, tmp_path):
    bulletin.create_issue(yen_bai, "16", dt.date(2026, 11, 20), actor=SYSTEM)
    with pytest.raises(CommandError, match="Bản tin số 16 chưa có bài nào"):
        call_command("bulletin", "16", "--office", "yen-bai", "-o", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="Không có bản tin số 99"):
        call_command("bulletin", "99", "--office", "yen-bai", "-o", str(tmp_path / "x.pdf"))
    assert not (tmp_path / "x.pdf").exists()


def test_only_published_articles_once_each(make_article, yen_bai, published):
    issue = bulletin.create_issue(yen_bai, "17", dt.date(2026, 11, 20), actor=SYSTEM)
    with pytest.raises(RuleError) as refused:
        bulletin.set_articles(issue, [make_article()], actor=SYSTEM)
    assert refused.value.code == "publishing.not_published"
    article = published()
    with pytest.raises(RuleError) as refused:
        bulletin.set_articles(issue, [article, article], actor=SYSTEM)
    assert refused.value.code == "publishing.bulletin_duplicate"
    assert issue.entries.count() == 0
    with pytest.raises(RuleError) as refused:
        bulletin.create_issue(yen_bai, "17", dt.date(2026, 11, 21), actor=SYSTEM)
    assert refused.value.code == "publishing.bulletin_number_taken"
