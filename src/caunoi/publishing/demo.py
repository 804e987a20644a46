"""The demo union's external information of 2022: the usual channels, two published articles about events
the source report names (illustrative texts and dates: the report names the channels, not the articles), one
placement in Báo Yên Bái, and one issue of the bulletin. Loaded once; a second run changes nothing. The aid and
diplomacy figures of the demo do not change."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Article, Placement
from caunoi.publishing.services import articles, bulletin
from caunoi.publishing.services.channels import add_placement, channel_named, ensure_channels
from caunoi.relations.models import Event, Partnership

ZONE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
TALKS = "Hội đàm giữa đoàn đại biểu cấp cao tỉnh Yên Bái và tỉnh Viêng Chăn"
SIXTY_YEARS = "Giao lưu hữu nghị kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào"
ARTICLES = (
    (
        TALKS,
        dt.datetime(2022, 6, 15, 9, 0, tzinfo=ZONE),
        "Yên Bái và Viêng Chăn tăng cường hợp tác hữu nghị",
        "Đoàn đại biểu cấp cao tỉnh Yên Bái hội đàm với lãnh đạo tỉnh Viêng Chăn (Lào).",
        "<p>Hai bên trao đổi về hợp tác trong các lĩnh vực giáo dục, nông nghiệp, văn hóa - du lịch và "
        "thống nhất tiếp tục đào tạo lưu học sinh Lào tại các trường trong tỉnh.</p>",
        "Yên Bái and Vientiane strengthen their friendship",
    ),
    (
        SIXTY_YEARS,
        dt.datetime(2022, 9, 6, 9, 0, tzinfo=ZONE),
        "Giao lưu hữu nghị kỷ niệm 60 năm quan hệ ngoại giao Việt Nam - Lào",
        "Liên hiệp tổ chức giao lưu với lưu học sinh Lào nhân 60 năm Ngày thiết lập quan hệ ngoại giao.",
        "<p>Chương trình giao lưu văn nghệ, thể thao giữa lưu học sinh Lào và đoàn viên, thanh niên tỉnh "
        "Yên Bái.</p>",
        "",
    ),
)


def load_publishing_demo(office: Office) -> int:
    """The demo's articles of 2022 (a number: how many were created)."""
    if Article.objects.filter(office=office).exists():
        return 0
    ensure_channels(office, actor=SYSTEM)
    made: list[Article] = []
    for event_title, when, title, summary, body, title_en in ARTICLES:
        event = Event.objects.filter(office=office, title=event_title).first()
        article = articles.create_article(
            office,
            title=title,
            summary=summary,
            body=body,
            title_en=title_en,
            author="Ban Thông tin đối ngoại",
            actor=SYSTEM,
        )
        if event is not None:
            partners = Partnership.objects.filter(pk=event.partnership_id) if event.partnership_id else []
            articles.set_tags(article, events=[event], partnerships=list(partners), actor=SYSTEM)
        articles.submit(article, actor=SYSTEM)
        articles.approve(article, actor=SYSTEM)
        articles.publish(article, actor=SYSTEM)
        # Dated as in 2022: the workflow ran today, the demo's story happened then.
        Article.objects.filter(pk=article.pk).update(
            submitted_at=when, approved_at=when, published_at=when, is_illustrative=True
        )
        Placement.objects.filter(article=article).update(appeared_on=when.date())
        article.refresh_from_db()
        made.append(article)
    add_placement(
        made[0], channel_named(office, "Báo Yên Bái"), dt.date(2022, 6, 17), issue="4321", actor=SYSTEM
    )
    issue = bulletin.create_issue(
        office,
        "12",
        dt.date(2022, 12, 20),
        editorial_board="Trưởng ban: Chủ tịch Liên hiệp\nThư ký tòa soạn: Ban Thông tin đối ngoại",
        contacts="Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái",
        actor=SYSTEM,
    )
    bulletin.set_articles(issue, made, actor=SYSTEM)
    return len(made)
