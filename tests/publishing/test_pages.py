"""The staff pages: an editor writes an article about the 2022 Viêng Chăn talks with a photo, tags the event
and the partner, submits; the approver approves and publishes; the event's page lists it; a placement in Báo
Yên Bái is recorded and the annual report counts it. Viewers cannot write, other offices see nothing."""

import pytest

from caunoi.publishing.models import Article, BulletinIssue, Channel
from tests.publishing.conftest import photo_bytes

pytestmark = pytest.mark.django_db


def test_the_whole_story_through_the_pages(login, yen_bai, talks, vientiane, media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    editor = login("bientap")
    response = editor.post(
        "/publishing/new/",
        {
            "office": yen_bai.pk,
            "title": "Đoàn Yên Bái hội đàm với tỉnh Viêng Chăn",
            "summary": "Hai tỉnh thống nhất kế hoạch hợp tác.",
            "body": "<p>Nội dung <script>alert(1)</script>hội đàm.</p>",
            "author": "Ban Thông tin",
            "title_en": "Yên Bái delegation holds talks with Vientiane",
        },
    )
    article = Article.objects.get(title="Đoàn Yên Bái hội đàm với tỉnh Viêng Chăn")
    assert response.status_code == 302 and response["Location"] == f"/publishing/{article.pk}/"
    assert article.body == "<p>Nội dung hội đàm.</p>"
    page = f"/publishing/{article.pk}/"
    assert (
        editor.post(f"{page}tags/", {"events": [talks.pk], "partnerships": [vientiane.pk]}).status_code == 302
    )
    photo = SimpleUploadedFile("hoi-dam.jpg", photo_bytes())
    response = editor.post(
        f"{page}images/", {"file": photo, "caption": "Quang cảnh hội đàm", "alt_text": "Hai đoàn quanh bàn"}
    )
    assert response.status_code == 302
    assert editor.post(f"{page}step/submit/").status_code == 302
    assert editor.post(f"{page}step/approve/", follow=True).status_code == 200
    article.refresh_from_db()
    assert article.status == "submitted"  # the editor may not approve: the page said so, nothing changed

    approver = login("lanhdao")
    approver.post(f"{page}step/approve/")
    approver.post(f"{page}step/publish/")
    article.refresh_from_db()
    assert article.status == "published" and article.published_by.username == "lanhdao"
    html = approver.get(page).content.decode()
    assert 'alt="Hai đoàn quanh bàn"' in html and "Đã đăng" in html

    event_page = approver.get(f"/relations/events/{talks.pk}/").content.decode()
    assert f'href="/publishing/{article.pk}/"' in event_page

    channel = Channel.objects.get(office=yen_bai, name="Báo Yên Bái")
    response = approver.post(
        f"{page}placements/", {"channel": channel.pk, "appeared_on": "2026-11-27", "issue": "5678"}
    )
    assert response.status_code == 302
    from caunoi.publishing.figures import external_information

    counts = {c.channel: c.articles for c in external_information([yen_bai], 2026).per_channel}
    assert counts == {"Trang thông tin điện tử của Liên hiệp": 1, "Báo Yên Bái": 1}


def test_the_event_page_without_articles_has_no_section(login, yen_bai):
    from caunoi.relations.models import Event

    event = Event.objects.filter(office=yen_bai, articles__isnull=True).first()
    assert "event-articles" not in login("bientap").get(f"/relations/events/{event.pk}/").content.decode()


def test_viewer_gets_no_form_and_no_right(login, yen_bai):
    viewer = login("xem")
    assert viewer.get("/publishing/new/").status_code == 403
    article = Article.objects.filter(office=yen_bai).first()
    viewer.post(f"/publishing/{article.pk}/step/unpublish/", {"reason": "thử"})
    article.refresh_from_db()
    assert article.status == "published"
    page = viewer.get(f"/publishing/{article.pk}/").content.decode()
    assert "step/unpublish" not in page


def test_other_office_gets_404(client, stranger, yen_bai):
    client.force_login(stranger)
    article = Article.objects.filter(office=yen_bai).first()
    issue = BulletinIssue.objects.get(office=yen_bai)
    assert client.get(f"/publishing/{article.pk}/").status_code == 404
    assert client.post(f"/publishing/{article.pk}/step/unpublish/", {"reason": "x"}).status_code == 404
    assert client.get(f"/publishing/bulletin/{issue.pk}/").status_code == 404
    assert "Yên Bái và Viêng Chăn" not in client.get("/publishing/").content.decode()


def test_lists_render_in_both_languages(login):
    client = login("bientap")
    for url in (
        "/publishing/",
        "/publishing/channels/",
        "/publishing/bulletin/",
        "/publishing/?status=draft",
    ):
        assert client.get(url).status_code == 200, url


def test_the_bulletin_button_downloads_the_pdf(login, yen_bai):
    issue = BulletinIssue.objects.get(office=yen_bai, number="12")
    response = login("xem").post(f"/publishing/bulletin/{issue.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ban-tin-so-12-yen-bai.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_article_and_issue_pages_in_english(client, yen_bai):
    from babel.messages.pofile import read_po
    from django.contrib.auth import get_user_model
    from django.utils import translation

    from tests.test_i18n import PO, _entries, _key, _untranslated_labels

    with PO.open("rb") as handle:
        catalog = read_po(handle)
    vietnamese = {
        _key(m)[1]
        for m in _entries(catalog)
        if not m.pluralizable and m.string != m.id and len(_key(m)[1]) > 2
    }
    client.force_login(get_user_model().objects.get(username="lanhdao"))
    client.post("/language/", {"language": "en", "next": "/publishing/"})
    article = Article.objects.filter(office=yen_bai).first()
    issue = BulletinIssue.objects.get(office=yen_bai, number="12")
    try:
        for url in (f"/publishing/{article.pk}/", f"/publishing/bulletin/{issue.pk}/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert _untranslated_labels(response.content.decode(), vietnamese) == [], url
        assert "Cooperation – Friendship bulletin" in client.get("/publishing/bulletin/").content.decode()
    finally:
        translation.deactivate()


def test_archive_from_the_page_keeps_the_article(login, make_article):
    article = make_article(title="Bài viết nhầm")
    viewer = login("xem")
    viewer.post(f"/publishing/{article.pk}/archive/")
    article.refresh_from_db()
    assert article.archived_at is None
    editor = login("bientap")
    response = editor.post(f"/publishing/{article.pk}/archive/")
    assert (response.status_code, response["Location"]) == (302, "/publishing/")
    article.refresh_from_db()
    assert article.archived_at is not None
    assert "Bài viết nhầm" not in editor.get("/publishing/").content.decode()
    assert editor.get(f"/publishing/{article.pk}/").status_code == 200  # still there, with its history
