"""The words the extractor reads figures by: counted nouns, cue words before amounts, sector names, in
Vietnamese and English. Kept as data apart from the reading itself, so that a union can see and extend them."""

from __future__ import annotations

from typing import Final

# Nouns of the aid items a report counts ("21 chương trình, dự án, phi dự án", "6 projects").
ITEM_NOUNS: Final = frozenset(
    {
        "chương trình",
        "dự án",
        "phi dự án",
        "khoản viện trợ",
        "khoản",
        "programmes",
        "programme",
        "programs",
        "program",
        "projects",
        "project",
        "aid projects",
        "aid programmes",
        "aid items",
        "items",
        "non-project aid items",
    }
)
# Nouns of the donors a report counts ("15 tổ chức phi chính phủ nước ngoài", "9 foreign NGOs").
NGO_NOUNS: Final = frozenset(
    {
        "tổ chức phi chính phủ nước ngoài",
        "tổ chức phi chính phủ",
        "tổ chức",
        "nhà tài trợ",
        "ngos",
        "foreign ngos",
        "international ngos",
        "organisations",
        "organizations",
        "foreign organisations",
        "donors",
    }
)
ENGLISH_NOUNS: Final = tuple(n for n in ITEM_NOUNS | NGO_NOUNS if n.isascii())

# Words before an amount that say what it is; the nearest before the amount in its sentence decides.
DISBURSED_CUES: Final = ("giải ngân", "disbursed", "disbursement", "disbursements", "disburse", "spent")
COMMITTED_CUES: Final = (
    "cam kết",
    "phê duyệt",
    "tổng giá trị",
    "giá trị",
    "tổng vốn",
    "tổng kinh phí",
    "kinh phí",
    "vận động",
    "tiếp nhận",
    "trị giá",
    "tổng số tiền",
    "committed",
    "commitments",
    "commitment",
    "approved",
    "worth",
    "value",
    "valued",
    "pledged",
    "totalling",
    "totaling",
    "amounting",
)
# An amount after these is no figure of the period: counterpart funds, comparisons, plans.
IGNORED_CUES: Final = (
    "đối ứng",
    "so với",
    "kế hoạch",
    "dự kiến",
    "phấn đấu",
    "counterpart",
    "compared",
    "against",
    "planned",
    "target",
)
# Between a sector's name and an amount, these make the amount a total, not the sector's.
TOTAL_CUES: Final = ("tổng cộng", "tổng số", "tổng giá trị", "in total", "total")

SECTORS: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    ("health", "Y tế", ("y tế", "health", "healthcare", "health care")),
    (
        "education",
        "Giáo dục và đào tạo",
        ("giáo dục và đào tạo", "giáo dục - đào tạo", "giáo dục", "education and training", "education"),
    ),
    (
        "social",
        "Giải quyết các vấn đề xã hội",
        (
            "giải quyết các vấn đề xã hội",
            "các vấn đề xã hội",
            "vấn đề xã hội",
            "an sinh xã hội",
            "social issues",
            "social welfare",
        ),
    ),
    (
        "economic",
        "Phát triển kinh tế - xã hội",
        (
            "phát triển kinh tế - xã hội",
            "phát triển kinh tế xã hội",
            "kinh tế - xã hội",
            "phát triển kinh tế",
            "socio-economic development",
            "economic development",
            "livelihoods",
        ),
    ),
    (
        "environment",
        "Tài nguyên - môi trường",
        (
            "tài nguyên - môi trường",
            "tài nguyên và môi trường",
            "môi trường",
            "the environment",
            "environment",
        ),
    ),
    (
        "war_legacy",
        "Khắc phục hậu quả chiến tranh",
        ("khắc phục hậu quả chiến tranh", "hậu quả chiến tranh", "war legacy", "unexploded ordnance"),
    ),
    ("emergency", "Cứu trợ khẩn cấp", ("cứu trợ khẩn cấp", "cứu trợ", "emergency relief", "disaster relief")),
    ("capacity", "Xây dựng năng lực", ("xây dựng năng lực", "nâng cao năng lực", "capacity building")),
    (
        "other",
        "Các lĩnh vực khác",
        ("các lĩnh vực khác", "lĩnh vực khác", "other sectors", "other fields", "other areas"),
    ),
)
"""(key, the name stored, the names a text uses) of the groups PACCOM and provinces report."""

# A sector's name after these names an agency or a place, not a sector ("Sở Y tế", "Department of Health").
AGENCY_BEFORE: Final = (
    "sở",
    "bộ",
    "phòng",
    "trung tâm",
    "bệnh viện",
    "trạm",
    "department of",
    "ministry of",
)
