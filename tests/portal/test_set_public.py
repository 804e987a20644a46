"""Marking an item public: a service with an actor, refused for an item not approved, kept in history."""

import pytest
from django.contrib.auth import get_user_model

from caunoi.aid import services
from caunoi.aid.models import AidItem
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db


def test_an_approved_item_is_published_with_history(make_item, approval):
    item = make_item(status="approved", decision=approval)
    services.set_public(item, True, actor=SYSTEM)
    item.refresh_from_db()
    assert item.is_public is True
    assert [h.is_public for h in item.history.order_by("history_id")][-2:] == [False, True]
    services.set_public(item, False, actor=SYSTEM)
    item.refresh_from_db()
    assert item.is_public is False


def test_a_pipeline_item_is_refused_in_both_languages_and_nothing_changes(make_item):
    item = make_item(status="in_appraisal")
    with pytest.raises(RuleErrors) as caught:
        services.set_public(item, True, actor=SYSTEM)
    problem = caught.value.problems[0]
    assert (
        problem.vi
        == "Khoản viện trợ T-001 chưa được phê duyệt (đang là “Đang thẩm định”) nên chưa thể công khai."
    )
    assert problem.en == "Aid item T-001 is not approved (it is “In appraisal”), so it cannot be made public."
    assert AidItem.objects.get(pk=item.pk).is_public is False


def test_an_archived_item_is_refused(make_item, approval):
    item = make_item(status="approved", decision=approval)
    services.archive_item(item, actor=SYSTEM)
    with pytest.raises(RuleErrors):
        services.set_public(item, True, actor=SYSTEM)
    assert AidItem.objects.get(pk=item.pk).is_public is False


def test_a_viewer_and_no_actor_have_no_right(yen_bai):
    item = AidItem.objects.filter(office=yen_bai).first()
    viewer = get_user_model().objects.get(username="xem")
    for actor in (viewer, None):
        with pytest.raises(RuleErrors):
            services.set_public(item, True, actor=actor)
    assert AidItem.objects.get(pk=item.pk).is_public is False


def test_the_staff_item_page_publishes_with_a_button(client, yen_bai):
    item = AidItem.objects.filter(office=yen_bai).order_by("code").first()
    client.force_login(get_user_model().objects.get(username="bientap"))
    page = client.get(f"/aid/{item.pk}/").content.decode()
    assert "Công khai trên cổng thông tin" in page
    response = client.post(f"/aid/{item.pk}/public/", {"public": "1"})
    assert response.status_code == 302
    assert AidItem.objects.get(pk=item.pk).is_public is True
    page = client.get(f"/aid/{item.pk}/").content.decode()
    assert "Thôi công khai" in page and f"/cong-khai/yen-bai/khoan/{item.pk}/" in page
    client.post(f"/aid/{item.pk}/public/", {"public": "0"})
    assert AidItem.objects.get(pk=item.pk).is_public is False


def test_a_viewer_gets_no_button_and_is_refused(client, yen_bai):
    item = AidItem.objects.filter(office=yen_bai).order_by("code").first()
    client.force_login(get_user_model().objects.get(username="xem"))
    assert "Công khai trên cổng thông tin" not in client.get(f"/aid/{item.pk}/").content.decode()
    client.post(f"/aid/{item.pk}/public/", {"public": "1"})
    assert AidItem.objects.get(pk=item.pk).is_public is False
