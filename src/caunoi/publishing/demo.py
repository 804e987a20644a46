"""The demo union's external information of 2022: the usual channels, two published articles about events
the source report names (illustrative texts and dates: the report names the channels, not the articles), one
placement in Báo Yên Bái, and one issue of the bulletin. Loaded once; a second run changes nothing. The aid and
diplomacy figures of the demo do not change."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.publishing.models import Article, Page, Placement
from caunoi.publishing.services import articles, bulletin, pages
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


# The office's own pages, from what the 2022 report says of the union; the report names neither its leaders
# nor its address, so those two pages say so and are marked illustrative rather than invent them.
PAGES = (
    (
        "gioi-thieu",
        "Giới thiệu Liên hiệp",
        "About the union",
        "<p>Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái là cầu nối giữa nhân dân tỉnh Yên Bái với nhân dân các "
        "nước, các tổ chức quốc tế, cá nhân nước ngoài và kiều bào muốn tìm hiểu, hợp tác đầu tư vào tỉnh.</p>"
        "<p>Liên hiệp duy trì quan hệ với các Đại sứ quán, các tổ chức quốc tế tại Việt Nam và các tổ chức nhân "
        "dân của các tỉnh có quan hệ hợp tác với Yên Bái: tỉnh Viêng Chăn, tỉnh Xay Nha Bu Ly (CHDCND Lào), "
        "tỉnh Val de Marne (CH Pháp), tỉnh Vân Nam (Trung Quốc), thành phố Mimasaka (Nhật Bản).</p>"
        "<p>Các hội thành viên: Hội hữu nghị Việt - Pháp, Hội hữu nghị Việt - Lào; năm 2022 Liên hiệp chuẩn bị "
        "thành lập Hội hữu nghị Việt - Trung tỉnh Yên Bái. Liên hiệp thông tin đối ngoại trên Trang thông tin "
        "điện tử và Bản tin Hợp tác - Hữu nghị.</p>"
        "<p>Từ ngày 01/7/2025, Liên hiệp các tổ chức hữu nghị tỉnh Lào Cai kế thừa Liên hiệp.</p>",
        "<p>The Yên Bái Union of Friendship Organisations is the bridge between the people of Yên Bái and the "
        "peoples of other countries, international organisations, foreigners and overseas Vietnamese who wish "
        "to learn about the province or to cooperate and invest in it.</p>"
        "<p>It keeps relations with embassies and international organisations in Viet Nam and with the "
        "people's organisations of the provinces Yên Bái cooperates with: Vientiane and Xaignabouli (Lao PDR), "
        "Val-de-Marne (France), Yunnan (China) and the city of Mimasaka (Japan).</p>"
        "<p>Its member associations are the Viet Nam - France and Viet Nam - Laos friendship associations; in "
        "2022 it prepared the founding of the Viet Nam - China friendship association of Yên Bái. It informs "
        "the public through its website and the bulletin Cooperation – Friendship.</p>"
        "<p>Since 1 July 2025 the Lào Cai Union of Friendship Organisations has succeeded it.</p>",
        False,
    ),
    (
        "lanh-dao",
        "Lãnh đạo",
        "Leadership",
        "<p>Liên hiệp hoạt động dưới sự lãnh đạo, chỉ đạo của Tỉnh ủy, Ủy ban nhân dân tỉnh, với sự phối hợp, "
        "hướng dẫn chuyên môn của Bộ Ngoại giao và Liên hiệp các tổ chức hữu nghị Việt Nam.</p>"
        "<p>Họ tên, chức vụ của Chủ tịch và các Phó Chủ tịch Liên hiệp do cơ quan cập nhật tại đây "
        "(báo cáo năm 2022 không nêu).</p>",
        "<p>The union works under the leadership of the provincial Party Committee and People's Committee, "
        "with the professional guidance of the Ministry of Foreign Affairs and the Viet Nam Union of "
        "Friendship Organisations.</p><p>The names of its President and Vice-Presidents are to be added here "
        "by the office (the 2022 report does not give them).</p>",
        True,
    ),
    (
        "lien-he",
        "Liên hệ",
        "Contacts",
        "<p>Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái (nay thuộc Liên hiệp các tổ chức hữu nghị tỉnh Lào "
        "Cai).</p><p>Địa chỉ, điện thoại và thư điện tử do cơ quan cập nhật tại đây; ví dụ: "
        '<a href="mailto:lienhiep@example.vn">lienhiep@example.vn</a>.</p>',
        "<p>Yên Bái Union of Friendship Organisations (now part of the Lào Cai union).</p><p>Its address, "
        "telephone and e-mail are to be added here by the office; for example: "
        '<a href="mailto:lienhiep@example.vn">lienhiep@example.vn</a>.</p>',
        True,
    ),
)


def load_pages_demo(office: Office) -> int:
    """The demo office's public pages (a number: how many were created)."""
    if Page.objects.filter(office=office).exists():
        return 0
    for position, (slug, title, title_en, body, body_en, illustrative) in enumerate(PAGES, start=1):
        page = pages.create_page(
            office,
            slug=slug,
            title=title,
            title_en=title_en,
            body=body,
            body_en=body_en,
            position=position,
            actor=SYSTEM,
        )
        pages.set_published(page, True, actor=SYSTEM)
        Page.objects.filter(pk=page.pk).update(is_illustrative=illustrative)
    return len(PAGES)


def load_publishing_demo(office: Office) -> int:
    """The demo's pages, and its articles of 2022 (a number: how many articles were created)."""
    load_pages_demo(office)
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
