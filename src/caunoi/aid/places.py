"""Finding the administrative unit a spreadsheet names ("Huyện Mù Cang Chải, Tỉnh Yên Bái")."""

from __future__ import annotations

import datetime as dt

from caunoi.aid import messages as m
from caunoi.core.text import fold, nfc
from caunoi.geography.models import REFORM_2025, AdminUnit, Era


def find_place(text: str, on: dt.date | None) -> AdminUnit:
    """The unit of that name (and province); where both eras have one, the era in force on `on`."""
    text = nfc(text)
    name, _, province = text.rpartition(", ")
    if not name:
        name, province = text, ""
    units = AdminUnit.objects.select_related("province")
    if province:
        candidates = list(units.filter(name=name, province__name=province))
        if not candidates:
            candidates = [
                u
                for u in units.filter(search_text__contains=fold(name.split(" ", 1)[-1]))
                if fold(u.name) == fold(name) and u.province and fold(u.province.name) == fold(province)
            ]
    else:
        candidates = list(units.filter(name=name))
    if len(candidates) > 1 and on is not None:
        era = Era.LEGACY if on < REFORM_2025 else Era.REFORM_2025
        candidates = [u for u in candidates if u.era == era] or candidates
    if not candidates:
        raise m.PLACE_UNKNOWN(field="places", value=text)
    if len(candidates) > 1:
        raise m.PLACE_AMBIGUOUS(field="places", value=text)
    return candidates[0]
