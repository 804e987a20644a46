"""History pages: choice labels rather than stored codes, the record's name without simple-history's UTC
"as of", local time; a user of no office the reader sees does not exist for them."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from caunoi.aid import services
from caunoi.aid.models import AidItem
from caunoi.core.models import Membership, Office, Role
from caunoi.core.permissions import SYSTEM


def test_a_changed_choice_shows_its_labels_and_local_time(login, yen_bai):
    item = AidItem.objects.filter(office=yen_bai, modality="project").order_by("pk").first()
    assert item is not None
    services.update_item(item, actor=SYSTEM, modality="non_project")
    page = login("xem").get(f"/aid/{item.pk}/history/").content.decode()
    assert "<strong>hình thức</strong>: Dự án → Phi dự án</li>" in page
    assert "non_project" not in page
    assert " as of " not in page
    # The clock is frozen at 27/11/2026 10:00 in Hà Nội (03:00 UTC).
    assert "<td>27/11/2026 10:00</td>" in page


def test_a_user_of_another_office_is_not_found(login, db):
    other_office = Office.objects.create(code="khac", name="Liên hiệp khác")
    stranger = get_user_model().objects.create_user("nguoi-khac", password="x" * 12)
    Membership.objects.create(user=stranger, office=other_office, role=Role.EDITOR)
    colleague = get_user_model().objects.get(username="bientap")
    client = login("xem")
    assert client.get(f"/history/user/{stranger.pk}/").status_code == 404
    assert client.get(f"/history/user/{colleague.pk}/").status_code == 200
