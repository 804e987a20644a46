"""Numbers written in Vietnamese words, read back: "hai mươi mốt" → 21, "một trăm linh năm" → 105.

The inverse of :func:`caunoi.vntext.words.number_to_words` for the counts reports write in words ("hai mươi
mốt chương trình, dự án"). Both northern and southern forms are read (*linh/lẻ*, *nghìn/ngàn*, *tư*, *nhăm*).
"""

from __future__ import annotations

from typing import Final

__all__ = ["NUMBER_WORDS", "words_to_int"]

_DIGITS: Final[dict[str, int]] = {
    "không": 0,
    "một": 1,
    "mốt": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "lăm": 5,
    "nhăm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
}
_SCALES: Final[dict[str, int]] = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_JOINERS: Final = frozenset({"linh", "lẻ"})
_BILLION: Final = 10**9

NUMBER_WORDS: Final = (*_DIGITS, "mười", "mươi", "trăm", *_JOINERS, *_SCALES)
"""Every word that can make part of a number in words."""


def words_to_int(text: str) -> int | None:
    """The integer that ``text`` reads ("hai mươi mốt" → 21), or ``None`` when it is not a well-formed number
    ("mươi hai", "hai hai", a word outside :data:`NUMBER_WORDS`)."""
    total = group = 0
    pending: int | None = None
    seen_digit = False
    previous = ""
    for word in text.lower().split():
        if word in _DIGITS:
            value = _DIGITS[word]
            if pending is not None or (word in ("mốt", "lăm", "nhăm") and previous not in ("mươi", "mười")):
                return None
            pending, seen_digit = value, True
        elif word == "mười":
            if pending is not None or group % 100:
                return None
            group, seen_digit = group + 10, True
        elif word == "mươi":
            if pending is None or pending < 2 or group % 100:
                return None
            group, pending = group + pending * 10, None
        elif word == "trăm":
            if pending is None or group:
                return None
            group, pending = pending * 100, None
        elif word in _JOINERS:
            if previous != "trăm":
                return None
        elif word in _SCALES:
            amount = group + (pending or 0)
            if _SCALES[word] == _BILLION:
                # Above tỷ the scales repeat: "một nghìn tỷ" is a thousand billions.
                amount, total = total + amount, 0
            if not amount:
                return None
            total, group, pending = total + amount * _SCALES[word], 0, None
        else:
            return None
        previous = word
    return total + group + (pending or 0) if seen_digit else None
