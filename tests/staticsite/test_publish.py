import json
import re

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from caunoi.staticsite import roots
from caunoi.staticsite.crawl import _internal, file_for
from caunoi.staticsite.publish import MANIFEST, NothingToPublish, publish
from tests.staticsite import site_urls

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.staticsite.site_urls")]


@pytest.fixture
def site():  # type: ignore[no-untyped-def]
    saved = dict(roots.REGISTERED)
    roots.REGISTERED.clear()
    roots.register("test", lambda office: ["/pub/"])
    site_urls.GONE.clear()
    yield
    roots.REGISTERED.clear()
    roots.REGISTERED.update(saved)
    site_urls.GONE.clear()


def files(folder):  # type: ignore[no-untyped-def]
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_every_public_page_of_both_languages_is_written_with_relative_links(site, tmp_path):
    result = publish(None, tmp_path)
    assert files(tmp_path) == [
        MANIFEST,
        "en/pub/a/index.html",
        "en/pub/data.csv",
        "en/pub/index.html",
        "en/pub/index__year-2022.html",
        "pub/a/index.html",
        "pub/data.csv",
        "pub/index.html",
        "pub/index__year-2022.html",
        "static/caunoi/app.css",
    ]
    assert result.refused == {"/pub/a/b.png": 404}  # /staff/ lies outside the public part: never asked
    home = (tmp_path / "pub/index.html").read_text()
    assert "<p>vi </p>" in home
    for link in (
        'href="a/index.html"',
        'href="a/index.html#part"',
        'href="index__year-2022.html"',
        'href="data.csv"',
        'href="../static/caunoi/app.css"',
        "<a>x</a>",  # /staff/, not public: never followed, and in a folder it would lead nowhere
        'href="https://example.org/pub/"',
        'href="mailto:lhhn@example.vn"',
        'href="#top"',
    ):
        assert link in home, link
    english = (tmp_path / "en/pub/index.html").read_text()
    assert "<p>en </p>" in english
    assert 'href="../../static/caunoi/app.css"' in english
    assert 'href="a/index.html"' in english  # the English page links to English pages
    assert "<p>vi 2022</p>" in (tmp_path / "pub/index__year-2022.html").read_text()
    assert '<a href="../index.html">up</a><img alt="b">' in (tmp_path / "pub/a/index.html").read_text()
    assert (tmp_path / "pub/data.csv").read_bytes() == "mã,tên\n1,=SUM(A1)\n".encode()


def test_a_public_page_the_copy_lacks_is_linked_on_the_live_site_when_named(site, yen_bai, tmp_path):
    roots.register("test", lambda office: ["/pub/a/"])  # an office's copy: one page of the public part /pub/
    publish(yen_bai, tmp_path / "dropped")
    assert files(tmp_path / "dropped") == [MANIFEST, "en/pub/a/index.html", "pub/a/index.html"]
    assert '<a>up</a><img alt="b">' in (tmp_path / "dropped/pub/a/index.html").read_text()

    publish(yen_bai, tmp_path / "live", live="https://lhhn.example.vn/")
    page = (tmp_path / "live/pub/a/index.html").read_text()
    # The image, refused to the crawl, is not public on the live site either.
    assert '<a href="https://lhhn.example.vn/pub/">up</a><img alt="b">' in page
    english = (tmp_path / "live/en/pub/a/index.html").read_text()
    assert '<a href="https://lhhn.example.vn/language/en/?next=%2Fpub%2F">up</a>' in english


def test_a_second_run_rewrites_only_what_changed_and_removes_what_is_withdrawn(site, tmp_path):
    first = publish(None, tmp_path)
    assert (first.written, first.unchanged, first.removed) == (9, 0, 0)
    again = publish(None, tmp_path)
    assert (again.written, again.unchanged, again.removed) == (0, 9, 0)
    site_urls.GONE.add("a")
    withdrawn = publish(None, tmp_path)
    # The four home pages (two languages, with and without the year) change: their links to the page are
    # dropped. Both copies of the page go; the downloads and the style sheet stay as they were.
    assert (withdrawn.written, withdrawn.unchanged, withdrawn.removed) == (4, 3, 2)
    assert not (tmp_path / "pub/a").exists()
    assert not (tmp_path / "en/pub/a").exists()
    # The page that linked to it no longer does: nothing points into the removed folder.
    assert (
        '<p>vi </p><a>x</a><a>x</a><a href="index__year-2022.html">'
        in (tmp_path / "pub/index.html").read_text()
    )


def test_files_not_written_by_caunoi_are_left_alone_and_the_manifest_cannot_reach_outside(site, tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "robots.txt").write_text("User-agent: *\n")
    outside = tmp_path / "keep.txt"
    outside.write_text("mine")
    (folder / MANIFEST).write_text(json.dumps(["../keep.txt", str(outside), "robots.txt.old"]))
    publish(None, folder)
    assert outside.read_text() == "mine"
    assert (folder / "robots.txt").read_text() == "User-agent: *\n"


def test_nothing_registered_is_nothing_to_publish(tmp_path):
    saved = dict(roots.REGISTERED)
    roots.REGISTERED.clear()
    try:
        with pytest.raises(NothingToPublish):
            publish(None, tmp_path)
    finally:
        roots.REGISTERED.update(saved)


def test_the_command_says_what_it_wrote_and_refuses_bad_arguments(site, tmp_path, capsys):
    call_command("publish", "--office", "yen-bai", "-o", str(tmp_path / "out"))
    out = capsys.readouterr().out
    assert out.startswith("9 tệp / files: 9 ghi mới / written, 0 không đổi / unchanged, 0 xóa / removed; ")
    # Times in the Vietnamese format, as every number caunoi prints: "0,4 s (41,3 ms/trang / per page, …".
    assert re.search(r"; \d+,\d s \(\d+,\d ms/trang / per page, chậm nhất / slowest \d+ ms: ", out), out
    with pytest.raises(CommandError) as unknown:
        call_command("publish", "--office", "khong-co", "-o", str(tmp_path / "out"))
    assert "khong-co" in str(unknown.value)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(CommandError) as not_folder:
        call_command("publish", "--office", "yen-bai", "-o", str(a_file))
    assert str(not_folder.value) == f"{a_file} không phải thư mục / is not a folder"
    with pytest.raises(CommandError) as not_address:
        call_command("publish", "--office", "yen-bai", "-o", str(tmp_path / "out"), "--live", "lhhn.vn")
    assert str(not_address.value) == "lhhn.vn: cần địa chỉ http(s)://… / an http(s)://… address is needed"


@pytest.mark.parametrize(
    ("url", "content_type", "prefix", "expected"),
    [
        ("/", "text/html", "", "index.html"),
        ("/cong-khai/lao-cai/", "text/html; charset=utf-8", "en", "en/cong-khai/lao-cai/index.html"),
        ("/cong-khai/lao-cai/khoan/12", "text/html", "", "cong-khai/lao-cai/khoan/12/index.html"),
        (
            "/cong-khai/x.csv?nam=2022&linh-vuc=y te",
            "text/csv",
            "",
            "cong-khai/x__linh-vuc-y-te_nam-2022.csv",
        ),
        ("/static/caunoi/app.css", "text/css", "en", "static/caunoi/app.css"),
        ("/cong-khai/%C4%91/", "text/html", "", "cong-khai/đ/index.html"),
        ("/cong-khai/%2e%2e/%2E%2E/etc/passwd", "text/plain", "", "cong-khai/etc/passwd"),
    ],
)
def test_a_url_becomes_a_file(url, content_type, prefix, expected):
    assert file_for(url, content_type, prefix) == expected


@given(
    link=st.one_of(
        st.text(max_size=80), st.lists(st.sampled_from(["%2e%2e", "..", ".", "a", "%2F"])).map("/".join)
    ),
    page=st.sampled_from(["/pub/", "/pub/a/b", "/"]),
)
@settings(max_examples=300, deadline=None)
def test_any_link_is_either_another_site_or_a_path_that_stays_inside_the_folder(link, page):
    target = _internal(link, page)
    if target is None:
        return
    assert target.startswith("/")
    name = file_for(target, "text/html", "en")
    assert not name.startswith("/")
    assert ".." not in name.split("/")
