"""IATI codelists shipped with caunoi (CC BY 4.0, see NOTICE), read once and kept in memory."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

CODELIST_DIR = Path(__file__).resolve().parent / "data" / "codelists"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class CodelistItem:
    code: str
    name: str
    active: bool
    category: str | None


@cache
def codelist(name: str) -> dict[str, CodelistItem]:
    """Items of the codelist `name` (e.g. "Currency", "Sector"), by code."""
    for folder in ("embedded", "non-embedded"):
        path = CODELIST_DIR / folder / f"{name}.xml"
        if path.exists():
            break
    else:
        raise KeyError(f"no IATI codelist named {name}")
    root = etree.parse(str(path)).getroot()
    items: dict[str, CodelistItem] = {}
    for item in root.iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        names = item.findall("name/narrative")
        english = next((n.text for n in names if n.get(XML_LANG) in (None, "en")), None)
        items[code] = CodelistItem(
            code=code,
            name=(english or code).strip(),
            active=item.get("status", "active") == "active",
            category=(item.findtext("category") or "").strip() or None,
        )
    return items


def is_code(name: str, code: str) -> bool:
    return code in codelist(name)


@cache
def is_complete(name: str) -> bool:
    """Whether the codelist is closed (complete="1"): a code outside a closed list is an error."""
    for folder in ("embedded", "non-embedded"):
        path = CODELIST_DIR / folder / f"{name}.xml"
        if path.exists():
            return etree.parse(str(path)).getroot().get("complete") == "1"
    raise KeyError(f"no IATI codelist named {name}")


@cache
def codes(name: str) -> frozenset[str]:
    return frozenset(codelist(name))
