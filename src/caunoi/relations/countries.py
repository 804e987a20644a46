"""Countries by ISO 3166-1 alpha-2 code: validated against the IATI Country codelist caunoi ships, named in
Vietnamese from the CLDR data babel carries."""

from __future__ import annotations

from functools import cache

from babel import Locale

from caunoi.iati.codelists import codelist
from caunoi.relations import messages as m


def clean_country(code: str | None, field: str = "country", *, required: bool = True) -> str:
    value = (code or "").strip().upper()
    if not value and not required:
        return ""
    if value not in codelist("Country"):
        raise m.COUNTRY_UNKNOWN(field=field, value=code or "")
    return value


@cache
def _vietnamese_names() -> dict[str, str]:
    return dict(Locale("vi").territories)


def country_name(code: str) -> str:
    """ "Lào", "Pháp", "Nhật Bản"…; the code itself when CLDR has no name for it."""
    if not code:
        return ""
    return _vietnamese_names().get(code, code)


def country_name_en(code: str) -> str:
    item = codelist("Country").get(code)
    return item.name if item else code
