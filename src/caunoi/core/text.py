"""Vietnamese text: stored NFC-normalised; searched also without diacritics."""

import unicodedata


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", (text or "").strip())


def fold(text: str | None) -> str:
    """Lower-case text without diacritics: "Mù Cang Chải" → "mu cang chai", "Đồng" → "dong"."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())
