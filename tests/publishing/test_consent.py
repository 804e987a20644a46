"""A person is named, tagged or captioned in an article only with their consent on record."""

import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import articles
from caunoi.publishing.services.images import add_image
from caunoi.relations.services.people import create_person, record_consent, withdraw_consent

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def student(yen_bai):  # type: ignore[no-untyped-def]
    return create_person(
        yen_bai, name="Phonsavanh Keomany", kind="foreign_student", nationality="LA", actor=SYSTEM
    )


def test_tagging_a_person_without_consent_is_refused(make_article, student):
    article = make_article()
    with pytest.raises(RuleError) as refused:
        articles.set_tags(article, people=[student], actor=SYSTEM)
    assert refused.value.code == "publishing.no_consent_name"
    assert refused.value.vi.startswith("“Phonsavanh Keomany” chưa đồng ý được nêu tên")
    assert list(article.people.all()) == []
    record_consent(student, "name_listing", D(2026, 1, 5), actor=SYSTEM)
    articles.set_tags(article, people=[student], actor=SYSTEM)
    assert list(article.people.all()) == [student]


def test_naming_a_person_of_the_directory_in_the_text_needs_consent(make_article, student):
    with pytest.raises(RuleError) as refused:
        make_article(body="<p>Lưu học sinh phonsavanh keomany phát biểu.</p>")
    assert refused.value.code == "publishing.no_consent_name"


def test_a_withdrawn_consent_stops_publication(make_article, student):
    record_consent(student, "name_listing", D(2026, 1, 5), actor=SYSTEM)
    article = make_article()
    articles.set_tags(article, people=[student], actor=SYSTEM)
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    withdraw_consent(student, "name_listing", D(2026, 11, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as refused:
        articles.publish(article, actor=SYSTEM)
    assert refused.value.code == "publishing.no_consent_name"
    article.refresh_from_db()
    assert article.status == "approved"


def test_a_caption_naming_someone_needs_the_tag_and_photo_consent(make_article, student, upload, media):
    article = make_article()
    caption = "Phonsavanh Keomany tại buổi giao lưu"
    with pytest.raises(RuleError) as refused:
        add_image(article, upload(), caption=caption, alt_text="Một sinh viên", actor=SYSTEM)
    assert refused.value.code == "publishing.caption_not_tagged"
    record_consent(student, "name_listing", D(2026, 1, 5), actor=SYSTEM)
    articles.set_tags(article, people=[student], actor=SYSTEM)
    with pytest.raises(RuleError) as refused:
        add_image(article, upload(), caption=caption, alt_text="Một sinh viên", actor=SYSTEM)
    assert refused.value.code == "publishing.no_consent_photo"
    assert article.images.count() == 0
    record_consent(student, "photo_use", D(2026, 1, 5), actor=SYSTEM)
    add_image(article, upload(), caption=caption, alt_text="Một sinh viên", actor=SYSTEM)
    assert article.images.count() == 1
