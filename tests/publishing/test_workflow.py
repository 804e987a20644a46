"""Articles through draft → submitted → approved → published → unpublished, per role, with who and when."""

import pytest

from caunoi.core.errors import RuleError, RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Article, ArticleStatus, Placement
from caunoi.publishing.services import articles
from tests.conftest import NOW

pytestmark = pytest.mark.django_db
S = ArticleStatus


def test_the_whole_way_records_who_and_when(make_article, staff):
    article = make_article(actor=staff["editor"])
    assert article.status == S.DRAFT
    articles.submit(article, actor=staff["editor"])
    articles.approve(article, actor=staff["approver"])
    articles.publish(article, actor=staff["approver"])
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    assert (article.submitted_by, article.approved_by, article.published_by) == (
        staff["editor"],
        staff["approver"],
        staff["approver"],
    )
    assert article.approved_at == NOW and article.published_at == NOW
    steps = [h.history_change_reason for h in article.history.order_by("history_id")]
    assert steps == [None, "submitted", "approved", "published"]
    assert [h.history_user for h in article.history.order_by("history_id")][2] == staff["approver"]


def test_publishing_places_the_article_on_the_own_site_once(published, yen_bai):
    article = published()
    placements = list(Placement.objects.filter(article=article))
    assert [(p.channel.name, p.channel.is_own_site, p.automatic, str(p.appeared_on)) for p in placements] == [
        ("Trang thông tin điện tử của Liên hiệp", True, True, "2026-11-27")
    ]
    from caunoi.publishing.models import Channel

    assert list(Channel.objects.filter(office=yen_bai).values_list("name", flat=True)) == [
        "Trang thông tin điện tử của Liên hiệp",
        "Cổng Thông tin đối ngoại",
        "Cổng thông tin điện tử tỉnh",
        "Báo Yên Bái",
        "Báo Lào Cai",
        "Tạp chí Thời đại",
    ]


def test_viewer_cannot_write(make_article, staff):
    before = Article.objects.count()
    with pytest.raises(RuleError) as refused:
        make_article(actor=staff["viewer"])
    assert refused.value.code == "permission.denied"
    assert Article.objects.count() == before


def test_editor_cannot_approve_nor_publish(make_article, staff):
    article = make_article(actor=staff["editor"])
    articles.submit(article, actor=staff["editor"])
    for step in (articles.approve, articles.publish):
        with pytest.raises(RuleError) as refused:
            step(article, actor=staff["editor"])
        assert refused.value.code == "permission.denied"
    article.refresh_from_db()
    assert article.status == S.SUBMITTED and article.approved_by is None


def test_other_office_cannot_touch(make_article, stranger):
    article = make_article()
    with pytest.raises(RuleError) as refused:
        articles.submit(article, actor=stranger)
    assert refused.value.code == "permission.denied"


def test_steps_in_order_only(make_article):
    article = make_article()
    with pytest.raises(RuleError) as refused:
        articles.publish(article, actor=SYSTEM)
    assert refused.value.code == "publishing.wrong_step"
    assert refused.value.vi == (
        "Tin bài “Tăng cường hợp tác hữu nghị Yên Bái - Viêng Chăn” đang ở trạng thái “Bản nháp”; không thể đăng."
    )
    assert refused.value.en == (
        "The article “Tăng cường hợp tác hữu nghị Yên Bái - Viêng Chăn” is “Draft”; it cannot be published."
    )


def test_unpublish_needs_a_reason_and_keeps_it(published, staff):
    article = published()
    with pytest.raises(RuleError) as refused:
        articles.unpublish(article, "  ", actor=staff["approver"])
    assert refused.value.code == "publishing.reason_required"
    article.refresh_from_db()
    assert article.status == S.PUBLISHED
    articles.unpublish(article, "Sai số liệu", actor=staff["approver"])
    article.refresh_from_db()
    assert (article.status, article.unpublish_reason, article.unpublished_by) == (
        S.UNPUBLISHED,
        "Sai số liệu",
        staff["approver"],
    )
    assert article.placements.count() == 1  # it did appear on the site


def test_published_text_is_locked_and_an_edit_after_approval_needs_a_new_one(make_article):
    article = make_article()
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    articles.update_article(article, summary="Tóm tắt mới", actor=SYSTEM)
    assert article.status == S.DRAFT and article.approved_at is None
    articles.submit(article, actor=SYSTEM)
    articles.approve(article, actor=SYSTEM)
    articles.publish(article, actor=SYSTEM)
    with pytest.raises(RuleError) as refused:
        articles.update_article(article, title="Khác", actor=SYSTEM)
    assert refused.value.code == "publishing.published_locked"
    assert Article.objects.get(pk=article.pk).title == "Tăng cường hợp tác hữu nghị Yên Bái - Viêng Chăn"


def test_return_to_draft_by_the_approver(make_article, staff):
    article = make_article()
    articles.submit(article, actor=SYSTEM)
    articles.return_to_draft(article, "Bổ sung ảnh", actor=staff["approver"])
    assert (article.status, article.returned_reason) == (S.DRAFT, "Bổ sung ảnh")


def test_title_and_author_required(make_article):
    before = Article.objects.count()
    with pytest.raises(RuleErrors):
        make_article(title=" ")
    with pytest.raises(RuleError) as refused:
        make_article(author="")
    assert refused.value.field == "author"
    assert Article.objects.count() == before


def test_tags_link_records_of_the_office(make_article, talks, vientiane, office):
    from caunoi.relations.models import Event

    article = make_article()
    articles.set_tags(article, events=[talks], partnerships=[vientiane], actor=SYSTEM)
    assert article in talks.articles.all() and article in vientiane.articles.all()
    assert list(article.events.all()) == [talks] and list(article.partnerships.all()) == [vientiane]
    import datetime as dt

    foreign = Event.objects.create(
        office=office, title="Khác", kind="other", start_on=dt.date(2022, 1, 1), end_on=dt.date(2022, 1, 1)
    )
    with pytest.raises(RuleError) as refused:
        articles.set_tags(article, events=[talks, foreign], actor=SYSTEM)
    assert refused.value.code == "office.mismatch"
    assert list(article.events.all()) == [talks]


def test_archive_keeps_the_record(make_article, staff):
    from caunoi.core.audit import archive

    article = make_article()
    archive(article, actor=staff["editor"])
    assert Article.objects.get(pk=article.pk).archived_at == NOW
