"""The demo union: Yên Bái's union in 2022, as its published report describes it.

The report gives 21 items and, per sector, their count and committed USD. How each sector's amount is split
among its items, the items' titles, donors, dates and decisions are ILLUSTRATIVE: every such record is marked
is_illustrative, and its donors are fictional organisations, so no invented amount is attributed to a real one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

D = dt.date

YEN_BAI = "yen-bai"
LAO_CAI = "lao-cai"

# Fictional donors (name, original name, country).
DONORS = [
    ("Quỹ Nhịp Cầu Thiện Nguyện (minh họa)", "Bridgeway Charitable Fund (illustrative)", "KR"),
    ("Tổ chức Hạt Giống Hy Vọng (minh họa)", "Seeds of Hope Foundation (illustrative)", "US"),
    ("Hội Bàn Tay Nhân Ái (minh họa)", "Helping Hands Society (illustrative)", "DE"),
    ("Quỹ Ánh Sáng Học Đường (minh họa)", "School Light Fund (illustrative)", "JP"),
    ("Tổ chức Nước Sạch Vùng Cao (minh họa)", "Highland Water Trust (illustrative)", "AU"),
    ("Quỹ Sức Khỏe Cộng Đồng (minh họa)", "Community Health Fund (illustrative)", "FR"),
    ("Liên minh Rừng Xanh (minh họa)", "Green Forest Alliance (illustrative)", "GB"),
    ("Tổ chức Chia Sẻ Yêu Thương (minh họa)", "Sharing Love International (illustrative)", "CA"),
]

# Organisations the report names (no amounts are attributed to them): kind, name, original, acronym, country.
NAMED_IN_REPORT = [
    ("foreign_ngo", "Tổ chức Holt International", "Holt International Children's Services", "HOLT", "US"),
    ("foreign_ngo", "Tổ chức Tầm nhìn Thế giới", "World Vision International", "WVI", "US"),
    ("foreign_ngo", "Tổ chức Because For Hope", "Because For Hope", "", ""),
    ("foreign_ngo", "Tổ chức Children Action", "Children Action", "", ""),
    ("foreign_ngo", "Tổ chức KFHI", "Korea Food for the Hungry International", "KFHI", "KR"),
    ("foreign_ngo", "Tổ chức Samaritan's Purse", "Samaritan's Purse", "", "US"),
    ("foreign_ngo", "Tổ chức Latter-day Saint Charities", "Latter-day Saint Charities", "LDSC", "US"),
    ("foreign_ngo", "Tổ chức GNI", "Good Neighbors International", "GNI", "KR"),
    ("foreign_ngo", "Tổ chức GCS", "GCS", "GCS", ""),
    (
        "embassy",
        "Đại sứ quán Cộng hòa Liên bang Đức tại Việt Nam",
        "Botschaft der Bundesrepublik Deutschland",
        "",
        "DE",
    ),
    ("embassy", "Đại sứ quán Nhật Bản tại Việt Nam", "在ベトナム日本国大使館", "", "JP"),
]

LINE_AGENCY = "Ủy ban nhân dân tỉnh Yên Bái"
UNION_NAME = "Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái"
AUTHORITY = "Chủ tịch Ủy ban nhân dân tỉnh Yên Bái"


@dataclass(frozen=True)
class DemoItem:
    number: int
    modality: str
    sector: str
    committed_usd: Decimal
    places: tuple[tuple[str, int], ...]  # (legacy district of Yên Bái, share)
    title: str
    title_en: str
    donor: int  # index into DONORS
    approved_on: dt.date
    union_runs_it: bool = False

    @property
    def code(self) -> str:
        return f"YB-2022-{self.number:02d}"


KTXH, GD, YT, MT, XH = (
    "phat-trien-kinh-te-xa-hoi",
    "giao-duc-dao-tao",
    "y-te",
    "tai-nguyen-moi-truong",
    "van-de-xa-hoi",
)
MCC, TT, VC, LY, VY, YBI, NL, TY, TP = (
    "Mù Cang Chải",
    "Trạm Tấu",
    "Văn Chấn",
    "Lục Yên",
    "Văn Yên",
    "Yên Bình",
    "Nghĩa Lộ",
    "Trấn Yên",
    "Yên Bái",
)


def _item(n, modality, sector, usd, places, title, title_en, donor, approved, union=False):
    return DemoItem(n, modality, sector, Decimal(usd), places, title, title_en, donor, approved, union)


ITEMS = [
    _item(
        1,
        "project",
        KTXH,
        120000,
        ((MCC, 100),),
        "Phát triển sinh kế bền vững cho đồng bào dân tộc Mông",
        "Sustainable livelihoods for Hmong communities",
        0,
        D(2022, 3, 15),
    ),
    _item(
        2,
        "programme",
        KTXH,
        95500,
        ((TT, 100),),
        "Chương trình phát triển cộng đồng vùng cao Trạm Tấu",
        "Trạm Tấu highland community development programme",
        1,
        D(2022, 4, 8),
    ),
    _item(
        3,
        "project",
        KTXH,
        80250,
        ((VC, 100),),
        "Xây dựng cầu dân sinh và đường liên thôn",
        "Footbridges and inter-village roads",
        4,
        D(2022, 5, 20),
    ),
    _item(
        4,
        "project",
        KTXH,
        66000,
        ((LY, 100),),
        "Hỗ trợ phát triển chuỗi giá trị quế",
        "Cinnamon value chain development",
        0,
        D(2022, 6, 10),
    ),
    _item(
        5,
        "non_project",
        KTXH,
        55500,
        ((VY, 100),),
        "Hỗ trợ giống cây trồng, vật nuôi cho hộ nghèo",
        "Seeds and livestock for poor households",
        7,
        D(2022, 7, 5),
    ),
    _item(
        6,
        "project",
        KTXH,
        40000,
        ((YBI, 100),),
        "Nâng cấp nhà văn hóa thôn",
        "Upgrading village community houses",
        2,
        D(2022, 9, 12),
    ),
    _item(
        7,
        "non_project",
        GD,
        30000,
        ((MCC, 100),),
        "Học bổng cho học sinh nghèo vượt khó",
        "Scholarships for pupils from poor families",
        3,
        D(2022, 2, 22),
    ),
    _item(
        8,
        "project",
        GD,
        22500,
        ((TT, 100),),
        "Xây dựng phòng học mầm non",
        "Building kindergarten classrooms",
        3,
        D(2022, 8, 16),
    ),
    _item(
        9,
        "non_project",
        GD,
        17225,
        ((VC, 100),),
        "Trang bị thư viện và đồ dùng học tập",
        "Libraries and school supplies",
        1,
        D(2022, 10, 3),
        union=True,
    ),
    _item(
        10,
        "non_project",
        GD,
        12000,
        ((NL, 100),),
        "Đào tạo nghề cho thanh niên dân tộc thiểu số",
        "Vocational training for ethnic minority youth",
        2,
        D(2022, 11, 7),
        union=True,
    ),
    _item(
        11,
        "project",
        YT,
        50466,
        ((MCC, 100),),
        "Nâng cao năng lực trạm y tế xã",
        "Strengthening commune health stations",
        5,
        D(2022, 4, 25),
    ),
    _item(
        12,
        "non_project",
        YT,
        30000,
        ((TT, 100),),
        "Khám chữa bệnh và cấp thuốc miễn phí",
        "Free medical check-ups and medicines",
        5,
        D(2022, 11, 21),
    ),
    _item(
        13,
        "project",
        MT,
        25659,
        ((LY, 100),),
        "Cấp nước sạch và vệ sinh môi trường",
        "Clean water and sanitation",
        4,
        D(2022, 6, 28),
    ),
    _item(
        14,
        "project",
        MT,
        16000,
        ((VY, 100),),
        "Trồng rừng phòng hộ đầu nguồn",
        "Planting upstream protection forest",
        6,
        D(2022, 9, 30),
    ),
    _item(
        15,
        "programme",
        XH,
        250000,
        ((MCC, 60), (TT, 40)),
        "Chương trình bảo vệ và phát triển trẻ em",
        "Child protection and development programme",
        1,
        D(2022, 1, 18),
    ),
    _item(
        16,
        "project",
        XH,
        180000,
        ((VC, 100),),
        "Hỗ trợ nhà ở cho hộ nghèo",
        "Housing for poor households",
        7,
        D(2022, 5, 9),
    ),
    _item(
        17,
        "project",
        XH,
        120075,
        ((TY, 100),),
        "Hỗ trợ người khuyết tật hòa nhập cộng đồng",
        "Community inclusion of people with disabilities",
        2,
        D(2022, 7, 19),
    ),
    _item(
        18,
        "non_project",
        XH,
        85000,
        ((YBI, 100),),
        "Hỗ trợ khắc phục hậu quả thiên tai",
        "Recovery after natural disasters",
        7,
        D(2022, 8, 29),
    ),
    _item(
        19,
        "non_project",
        XH,
        60000,
        ((TP, 100),),
        "Quà cho trẻ em có hoàn cảnh đặc biệt khó khăn",
        "Gifts for children in especially difficult circumstances",
        0,
        D(2022, 12, 2),
    ),
    _item(
        20,
        "non_project",
        XH,
        30000,
        ((MCC, 100),),
        "Hỗ trợ bữa ăn bán trú cho học sinh",
        "School lunches for boarding pupils",
        6,
        D(2022, 10, 24),
        union=True,
    ),
    _item(
        21,
        "non_project",
        XH,
        18000,
        ((LY, 100),),
        "Hỗ trợ người cao tuổi cô đơn",
        "Support for elderly people living alone",
        5,
        D(2022, 12, 12),
        union=True,
    ),
]

# The figures the union published for 2022 (count, committed USD per sector): the demo must equal them.
PUBLISHED_2022 = {
    KTXH: (6, Decimal(457250)),
    GD: (4, Decimal(81725)),
    YT: (2, Decimal(80466)),
    MT: (2, Decimal(41659)),
    XH: (7, Decimal(743075)),
}

# Illustrative USD/VND rates entered by staff: NOT official rates (caunoi never invents those).
# The new Lào Cai union's own rate (an office's rate wins over the common ones): no demo money is in euros,
# so it converts nothing and changes no figure; it shows an office rate beside the common ones.
DEMO_OFFICE_RATE = ("EUR", "USD", D(2026, 1, 1), D(2026, 12, 31), Decimal("1.08"))
DEMO_RATES = [
    (D(2022, 1, 1), D(2022, 12, 31), Decimal("23500")),
    (D(2023, 1, 1), D(2023, 12, 31), Decimal("24000")),
    (D(2024, 1, 1), D(2024, 12, 31), Decimal("25000")),
]
