"""The national public page shows the latest public news of every office, newest first, each with its office;
nothing unpublished."""

import pytest
import time_machine

from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import articles
from tests.conftest import NOW

pytestmark = pytest.mark.django_db


def _news(text: str) -> str:
    return text.split('<section aria-labelledby="news-h"', 1)[1].split("</section>", 1)[0]


def test_latest_news_of_all_offices(client, yen_bai, office, published, make_article):
    import datetime as dt

    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        ours = published(title="TIN-YEN-BAI-MOI")
    with time_machine.travel(NOW + dt.timedelta(hours=2), tick=False):
        theirs = published(office=office, title="TIN-THU-NGHIEM", title_en="TEST-OFFICE-NEWS")
    make_article(office=office, title="BAN-NHAP-THU-NGHIEM")
    draft = make_article(title="DA-DUYET-CHUA-DANG")
    articles.submit(draft, actor=SYSTEM)
    articles.approve(draft, actor=SYSTEM)
    news = _news(client.get("/cong-khai/").content.decode())
    assert news.index(f'href="/cong-khai/thu-nghiem/tin-tuc/{theirs.pk}/">TIN-THU-NGHIEM<') < news.index(
        f'href="/cong-khai/yen-bai/tin-tuc/{ours.pk}/">TIN-YEN-BAI-MOI<'
    )
    assert (
        '<a href="/cong-khai/thu-nghiem/tin-tuc/">Liên hiệp các tổ chức hữu nghị tỉnh Thử Nghiệm</a>' in news
    )
    assert "BAN-NHAP-THU-NGHIEM" not in news and "DA-DUYET-CHUA-DANG" not in news
    assert news.count("<article ") == 4  # the two new ones and the demo's two of 2022
    client.cookies["django_language"] = "en"
    news = _news(client.get("/cong-khai/").content.decode())
    assert "Latest news of the offices" in news and ">TEST-OFFICE-NEWS<" in news
