import pytest

from caunoi.aid.models import AidItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/aid/",
        "/aid/?q=mu+cang+chai",
        "/aid/new/",
        "/transactions/",
        "/organisations/",
        "/reminders/",
        "/reports/aid/?year=2022&office=yen-bai",
    ],
)
def test_pages_render_for_an_editor(login, url):
    response = login("bientap").get(url)
    assert response.status_code == 200, url


def test_item_pages_render(login, yen_bai):
    client = login("bientap")
    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    for suffix in ("", "edit/", "sectors/", "places/", "history/"):
        assert client.get(f"/aid/{item.pk}/{suffix}").status_code == 200, suffix
