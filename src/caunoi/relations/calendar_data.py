"""Sourced dates for the calendar of occasions. Each fact carries the page it was checked against.

Chinese New Year follows the lunar calendar: its solar dates are listed per year from a published table
(and Vietnam's Tết Nguyên Đán falls on the same day in these years); staff add later years as they come.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from caunoi.relations.models import OccasionKind, Recurrence

D = dt.date


@dataclass(frozen=True)
class OccasionSpec:
    kind: str
    title: str
    title_en: str
    country: str
    recurrence: str
    month: int | None
    day: int | None
    origin_year: int | None
    source_url: str
    source_note: str = ""
    duration_days: int = 1
    dates: tuple[dt.date, ...] = field(default_factory=tuple)
    dates_source_url: str = ""


REL, NAT, NEW = OccasionKind.DIPLOMATIC_RELATIONS, OccasionKind.NATIONAL_DAY, OccasionKind.NEW_YEAR

OCCASIONS = [
    OccasionSpec(
        REL,
        "Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào",
        "Vietnam–Laos diplomatic relations",
        "LA",
        Recurrence.ROUND,
        9,
        5,
        1962,
        "https://en.vietnamplus.vn/60th-anniversary-of-vietnamlaos-diplomatic-relations-marked-in-tokyo/236333.vnp",
        "5/9/1962; cũng là Năm Đoàn kết hữu nghị, kỷ niệm Hiệp ước hữu nghị và hợp tác 18/7/1977.",
    ),
    OccasionSpec(
        REL,
        "Ngày thiết lập quan hệ ngoại giao Việt Nam - Pháp",
        "Vietnam–France diplomatic relations",
        "FR",
        Recurrence.ROUND,
        4,
        12,
        1973,
        "https://vietnam.vnanet.vn/french/tin-van/les-dirigeants-vietnamien-et-francais-echangent-des-lettres-de-felicitations-328350.html",
        "12/4/1973 (TTXVN, Nhân Dân); một bài báo khác ghi 27/01/1973 — ngày ký Hiệp định Paris, không phải "
        "ngày thiết lập quan hệ.",
    ),
    OccasionSpec(
        REL,
        "Ngày thiết lập quan hệ ngoại giao Việt Nam - Trung Quốc",
        "Vietnam–China diplomatic relations",
        "CN",
        Recurrence.ROUND,
        1,
        18,
        1950,
        "https://en.vietnamplus.vn/greetings-on-vietnam-china-diplomatic-ties-anniversary/194870.vnp",
        "18/01/1950",
    ),
    OccasionSpec(
        REL,
        "Ngày thiết lập quan hệ ngoại giao Việt Nam - Nhật Bản",
        "Vietnam–Japan diplomatic relations",
        "JP",
        Recurrence.ROUND,
        9,
        21,
        1973,
        "http://en.vietnamplus.vn/vietnamjapan-relations-strategic-partnership-for-peace-and-prosperity-in-asia/268260.vnp",
        "21/9/1973",
    ),
    OccasionSpec(
        NAT,
        "Quốc khánh nước CHDCND Lào",
        "Lao National Day",
        "LA",
        Recurrence.YEARLY,
        12,
        2,
        1975,
        "https://www.thelaosexperience.com/events/congratulations-on-the-45th-anniversary-of-lao-p-d-r-on-2-december-2020/",
        "2/12/1975, thành lập nước CHDCND Lào.",
    ),
    OccasionSpec(
        NAT,
        "Quốc khánh nước Cộng hòa Pháp",
        "French National Day (Bastille Day)",
        "FR",
        Recurrence.YEARLY,
        7,
        14,
        1789,
        "https://en.vietnamplus.vn/congratulations-on-frances-bastille-day/178539.vnp",
        "14/7/1789",
    ),
    OccasionSpec(
        NAT,
        "Quốc khánh nước CHND Trung Hoa",
        "National Day of the People's Republic of China",
        "CN",
        Recurrence.YEARLY,
        10,
        1,
        1949,
        "https://vietnamnews.vn/politics-laws/1726325/vietnamese-leaders-extend-congratulations-on-china-s-76th-national-day.html",
        "1/10/1949",
    ),
    OccasionSpec(
        NAT,
        "Ngày Quốc khánh (Kiến quốc) Nhật Bản",
        "Japan's National Foundation Day",
        "JP",
        Recurrence.YEARLY,
        2,
        11,
        None,
        "https://en.wikipedia.org/wiki/National_Foundation_Day_(Japan)",
        "11/2 hằng năm; không tính số năm (năm gốc theo truyền thuyết).",
    ),
    OccasionSpec(
        NAT,
        "Sinh nhật Nhà vua Nhật Bản",
        "The Emperor's Birthday (Japan)",
        "JP",
        Recurrence.YEARLY,
        2,
        23,
        None,
        "https://fr.vietnamplus.vn/messages-de-felicitations-au-japon-a-loccasion-de-lanniversaire-de-lempereur-naruhito-post133920.vnp",
        "23/2 (Nhà vua Naruhito); đổi khi có Nhà vua mới.",
    ),
    OccasionSpec(
        NEW,
        "Tết cổ truyền Bunpimay của Lào",
        "Lao New Year (Pi Mai)",
        "LA",
        Recurrence.YEARLY,
        4,
        14,
        None,
        "https://en.vietnamplus.vn/lao-students-in-thua-thien-hue-celebrate-bunpimay-festival/224864.vnp",
        "14–16/4 hằng năm.",
        duration_days=3,
    ),
    OccasionSpec(
        NEW,
        "Tết Nguyên đán (Xuân tiết) Trung Quốc",
        "Chinese New Year (Spring Festival)",
        "CN",
        Recurrence.PER_YEAR_DATES,
        None,
        None,
        None,
        "https://newsbreakers.ng/chinese-new-year-start",
        "Âm lịch: ngày dương lịch ghi theo từng năm.",
        dates=(D(2023, 1, 22), D(2024, 2, 10), D(2025, 1, 29), D(2026, 2, 17), D(2027, 2, 6)),
        dates_source_url="https://newsbreakers.ng/chinese-new-year-start",
    ),
]
