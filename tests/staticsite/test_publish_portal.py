"""`caunoi publish` over the real open aid portal: both languages, every download, nothing unpublished."""

import pytest

from caunoi.aid import services
from caunoi.aid.models import AidItem
from caunoi.core.permissions import SYSTEM
from caunoi.staticsite.publish import publish

pytestmark = pytest.mark.django_db


def test_the_portal_of_an_office_is_published_and_a_withdrawn_item_leaves_the_folder(yen_bai, tmp_path):
    shown, withdrawn, never = AidItem.objects.filter(office=yen_bai).order_by("code")[:3]
    for item in (shown, withdrawn):
        services.set_public(item, True, actor=SYSTEM)
    first = publish(yen_bai, tmp_path)
    names = {p.file for p in first.pages}
    for language in ("", "en/"):
        assert f"{language}cong-khai/yen-bai/index.html" in names
        assert f"{language}cong-khai/yen-bai/khoan/{shown.pk}/index.html" in names
        assert f"{language}cong-khai/yen-bai/khoan/{withdrawn.pk}/index.html" in names
        for fmt in ("csv", "xlsx", "geojson", "xml"):
            assert f"{language}cong-khai/yen-bai/tai-ve.{fmt}" in names, fmt
    assert "cong-khai/cot-du-lieu.html" in names
    every_byte = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert never.code.encode() not in every_byte
    assert b"/cong-khai/yen-bai/khoan/" not in (tmp_path / "cong-khai/yen-bai/index.html").read_bytes()

    services.set_public(withdrawn, False, actor=SYSTEM)
    again = publish(yen_bai, tmp_path)
    assert again.removed == 2  # the item's page in both languages
    assert not (tmp_path / f"cong-khai/yen-bai/khoan/{withdrawn.pk}").exists()
    every_byte = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert withdrawn.code.encode() not in every_byte
    assert again.written + again.unchanged == len(again.pages)
    assert again.unchanged > 0  # the style sheets and the column dictionary did not change


def test_an_office_is_published_alone_and_a_second_run_with_no_change_rewrites_nothing(
    yen_bai, all_public_items, tmp_path
):
    first = publish(yen_bai, tmp_path)
    names = {p.file for p in first.pages}
    others = {n for n in names if n.startswith(("cong-khai/", "en/cong-khai/"))}
    mine = (
        "cong-khai/yen-bai/",
        "en/cong-khai/yen-bai/",
        "cong-khai/cot-du-lieu.",
        "en/cong-khai/cot-du-lieu.",
    )
    assert {n for n in others if not n.startswith(mine)} == set()  # no other office, no national page
    assert "cong-khai/cot-du-lieu.csv" in names
    # The language switch leads to the same page in the other language's folder.
    home = (tmp_path / "cong-khai/yen-bai/index.html").read_text()
    assert (
        'href="../../en/cong-khai/yen-bai/index.html" lang="en" hreflang="en" translate="no">English</a>'
        in home
    )
    english = (tmp_path / "en/cong-khai/yen-bai/index.html").read_text()
    assert (
        'href="../../../cong-khai/yen-bai/index.html" lang="vi" hreflang="vi" translate="no">Tiếng Việt</a>'
        in english
    )
    assert b"csrfmiddlewaretoken" not in b"".join(p.read_bytes() for p in tmp_path.rglob("*.html"))

    again = publish(yen_bai, tmp_path)
    assert (again.written, again.removed, again.unchanged) == (0, 0, len(first.pages))


@pytest.fixture
def all_public_items(yen_bai):  # type: ignore[no-untyped-def]
    for item in AidItem.objects.filter(office=yen_bai):
        services.set_public(item, True, actor=SYSTEM)
