"""core.text.fold (with its ASCII shortcut and translate table) gives the answers of the plain definition:
NFD, combining marks removed, đ → d, lower case, spaces collapsed."""

from __future__ import annotations

import random
import sys
import unicodedata

from caunoi.core.text import fold


def plain_fold(text: str | None) -> str:
    """The plain definition, a character at a time."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


SAMPLES = [
    None,
    "",
    "  Support to COVID-19   response\tin Kenya ",
    "Mù Cang Chải",
    "Đồng Tháp",
    "ĐỒNG ĐĂNG",
    "Hội Chữ thập đỏ tỉnh Yên Bái",
    "Ｋelvin K and İstanbul",
    "e\u0301\u0327 combining after e",
    "Ærøskøbing, Straße, ﬁ ligature",
    "中华人民共和国 · العربية · עברית",
    "tab\u00a0nbsp\u2003em space",
]


def test_fold_matches_core_on_samples():
    for text in SAMPLES:
        assert fold(text) == plain_fold(text), text


def test_fold_matches_core_on_random_text():
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x20, 0x2FF)] + [chr(c) for c in range(0x300, 0x370)]
    alphabet += [chr(rng.randrange(0x370, sys.maxunicode)) for _ in range(2000)]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        text = text.encode("utf-8", "replace").decode("utf-8", "replace")  # no lone surrogates
        assert fold(text) == plain_fold(text), repr(text)
