"""Matching an IATI location of a Viet Nam activity to a caunoi administrative unit, by name.

Publishers write "Hanoi", "Yen Bai Province", "Tỉnh Bình Định", "Da Nang": the name is folded (no
diacritics, lower case), stripped of level words (province, tỉnh, city, district…) and compared with
the units' short names, spaces ignored ("hanoi" = "Hà Nội"). Candidates come from
geography.mapping.find_units; a name is matched only when exactly one unit of the era of the activity
(pre-reform before 1 July 2025) and of the highest level found answers to it. Names with an encoding
defect (Bình Thu?n) or of other countries stay unmatched: the location is kept, without a unit.
"""

from __future__ import annotations

import datetime as dt
import re

from caunoi.core.text import fold
from caunoi.geography.mapping import find_units
from caunoi.geography.models import REFORM_2025, AdminUnit, Era

_LEVEL_WORDS = re.compile(
    r"\b(province|provincial|city|district|commune|town|municipality|tinh|thanh pho|tp|huyen|quan|xa|"
    r"phuong|thi xa|thi tran|viet nam|vietnam)\b"
)
_LEVEL_ORDER = {"province": 0, "district": 1, "commune": 2}


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text)


def core_name(name: str) -> str:
    folded = fold(name.split(",")[0])
    return " ".join(_LEVEL_WORDS.sub(" ", folded).split())


class PlaceMatcher:
    """Remembers each name's answer: an import asks for the same few names many times."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], AdminUnit | None] = {}

    def match(self, name: str, on: dt.date | None) -> AdminUnit | None:
        core = core_name(name)
        if not core or "?" in name or "\ufffd" in name:
            return None
        era = Era.LEGACY if on is not None and on < REFORM_2025 else Era.REFORM_2025
        key = (core, era)
        if key not in self._cache:
            self._cache[key] = self._find(core, era)
        return self._cache[key]

    def _find(self, core: str, era: str) -> AdminUnit | None:
        wanted = _compact(core)
        candidates = list(find_units(core, era=era))
        if not candidates and " " not in core and len(core) > 4:
            # "hanoi" → try the province names with spaces removed.
            candidates = [u for u in find_units(core[:2], era=era, level="province")]
        exact = [u for u in candidates if _compact(fold(u.short_name)) == wanted]
        if not exact:
            return None
        best = min(_LEVEL_ORDER.get(u.level, 9) for u in exact)
        top = [u for u in exact if _LEVEL_ORDER.get(u.level, 9) == best]
        return top[0] if len(top) == 1 else None
