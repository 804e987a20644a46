"""Vietnamese text: stored NFC-normalised; searched also without diacritics."""

import unicodedata


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


class _Marks(dict[int, int | None]):
    """str.translate's table that removes the combining marks, filled as characters are met."""

    def __missing__(self, cp: int) -> int | None:
        found = self[cp] = None if unicodedata.combining(chr(cp)) else cp
        return found


_MARKS = _Marks()


def fold(text: str | None) -> str:
    """Lower-case text without diacritics: "Mù Cang Chải" → "mu cang chai", "Đồng" → "dong".

    Called for every search text an import writes: ASCII text (most of what IATI files hold) needs no
    decomposition, and the marks of other text go in one str.translate instead of a test per character."""
    lowered = (text or "").lower()
    if lowered.isascii():
        return " ".join(lowered.split())
    decomposed = unicodedata.normalize("NFD", lowered.replace("đ", "d"))
    return " ".join(decomposed.translate(_MARKS).split())
