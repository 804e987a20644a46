"""Every link of an office's static copy leads to a file of the copy, or out of it to an address the office
chose (its host, the live site it names): the copy links to no national page nor sitemap it lacks, and the
successor's copy holds the predecessor's pages its own pages link to."""

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from caunoi.aid import services
from caunoi.aid.models import AidItem
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.staticsite.publish import publish

pytestmark = pytest.mark.django_db

HOST = "congkhai.example.vn"
LIVE = "https://caunoi.example.vn"


def links(folder: Path) -> list[tuple[str, str]]:
    """(file, link) of every href and src of every HTML file of the folder."""
    return [
        (file.relative_to(folder).as_posix(), link)
        for file in sorted(folder.rglob("*.html"))
        for _el, _attr, link, _pos in lxml_html.document_fromstring(file.read_bytes()).iterlinks()
    ]


def dead(folder: Path, name: str, link: str, outside: tuple[str, ...]) -> bool:
    parts = urlsplit(link)
    if parts.scheme in ("mailto", "tel"):  # written by the office in its pages
        return False
    if parts.scheme or parts.netloc:
        return not link.startswith(outside)
    if not parts.path:  # "#top" (a query alone would need a server)
        return bool(parts.query)
    if parts.query or parts.path.startswith("/"):
        return True
    target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
    return target.startswith("../") or not (folder / target).is_file()


@pytest.mark.parametrize("code, live", [("yen-bai", ""), ("lao-cai", ""), ("lao-cai", LIVE)])
def test_every_link_of_an_offices_copy_resolves_in_the_copy(code, live, yen_bai, tmp_path):
    for item in AidItem.objects.filter(office=yen_bai):
        services.set_public(item, True, actor=SYSTEM)
    publish(Office.objects.get(code=code), tmp_path, host=HOST, live=live)
    found = links(tmp_path)
    outside = (f"http://{HOST}/", f"{LIVE}/") if live else (f"http://{HOST}/",)

    assert len(found) > 1000
    assert [(name, link) for name, link in found if dead(tmp_path, name, link, outside)] == []
    # The sitemap is the copy's own; the national page, not in the copy, is on the live site or not linked.
    sitemap = (tmp_path / f"cong-khai/{code}/sitemap.xml").read_text()
    assert f"<loc>http://{HOST}/cong-khai/yen-bai/</loc>" in sitemap
    assert f"<loc>http://{HOST}/cong-khai/</loc>" not in sitemap
    home = (tmp_path / f"cong-khai/{code}/index.html").read_text()
    assert 'href="sitemap.xml">sitemap.xml</a>' in home
    english = (tmp_path / f"en/cong-khai/{code}/index.html").read_text()
    if live:
        assert f'<p class="site"><a href="{LIVE}/cong-khai/">' in home
        assert f'<p class="site"><a href="{LIVE}/language/en/?next=%2Fcong-khai%2F">' in english
    else:
        assert '<p class="site"><a>Cổng thông tin viện trợ công khai</a></p>' in home
    if code == "lao-cai":
        item = AidItem.objects.filter(office=yen_bai).order_by("code").first()
        assert (tmp_path / f"cong-khai/yen-bai/khoan/{item.pk}/index.html").is_file()
        assert f'href="../yen-bai/khoan/{item.pk}/index.html"' in home
