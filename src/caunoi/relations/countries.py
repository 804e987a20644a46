"""Countries by ISO 3166-1 alpha-2 code: validated against the IATI Country codelist caunoi ships, named in
the reader's language (Vietnamese or English) from the CLDR data babel carries."""

from __future__ import annotations

from functools import cache

from babel import Locale

from caunoi.core import shown
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
def _names(lang: str) -> dict[str, str]:
    return dict(Locale(lang).territories)


def country_name(code: str, lang: str | None = None) -> str:
    """ "Lào", "Pháp", "Nhật Bản"… in Vietnamese, "Laos", "France", "Japan"… in English (`lang`, else the
    active language); the code itself when CLDR has no name for it. Vietnamese documents pass lang="vi"."""
    if not code:
        return ""
    return _names(shown.language(lang)).get(code, code)


def country_name_en(code: str) -> str:
    item = codelist("Country").get(code)
    return item.name if item else code
