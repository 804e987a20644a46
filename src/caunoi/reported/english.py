"""English report text rewritten into the number forms caunoi.vntext reads: ``1,404,155`` → ``1.404.155``,
``2.5 million`` → ``2,5 triệu``, ``USD 1,404,155`` → ``1.404.155 USD``. Only for texts found to be English:
in Vietnamese text ``1.404`` is a thousand and four."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# 1,404,155 and 1,404,155.50 (grouped by commas), or 2.5 (a decimal point): each number once.
_NUMBER: Final = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|[.,]\d)|\d+\.\d+(?![.,]?\d))")
_SCALES: Final = {"thousand": "nghìn", "million": "triệu", "billion": "tỷ", "mn": "triệu", "bn": "tỷ"}
_SCALE_RE: Final = re.compile(r"(?<=\d)\s*(thousand|million|billion|mn|bn)\b", re.I)
_CURRENCY_FIRST: Final = re.compile(
    r"(?<![\w$])(USD|VND|EUR|JPY|GBP|AUD|KRW|CHF|CAD|US\$|\$|€)\s?((?:\d[\d.,]*\d|\d)(?:\s+(?:nghìn|triệu|tỷ))?)"
)
_SYMBOLS: Final = {"US$": "USD", "$": "USD", "€": "EUR"}


def looks_english(text: str) -> bool:
    """Fewer than one letter in fifty carries a Vietnamese diacritic or đ (names in English texts have a few)."""
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return False
    marked = sum(
        1
        for ch in letters
        if ch in "đĐ" or any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", ch))
    )
    return marked / len(letters) < 0.02


def to_vietnamese_numbers(text: str) -> str:
    text = _NUMBER.sub(lambda m: m.group().translate({ord(","): ".", ord("."): ","}), text)
    text = _SCALE_RE.sub(lambda m: " " + _SCALES[m.group(1).lower()], text)
    return _CURRENCY_FIRST.sub(lambda m: f"{m.group(2)} {_SYMBOLS.get(m.group(1), m.group(1))}", text)
