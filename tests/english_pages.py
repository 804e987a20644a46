"""What an English page must not show, checked the same way on served HTML (Django's test client) and on the
text a real browser renders (tests/browser/test_english_pages.py).

An English page fails when one of its visible texts

- is a Vietnamese msgid whose English is in the compiled catalog (the translation exists but was not used);
- has letters only Vietnamese writes (ă â đ ê ô ơ ư, tone marks) and is not record data;

or when its numbers are written two ways (Vietnamese grouping "1.404.175" or decimal comma "25,4" beside
English "1,600,000" / "25.4"). English pages write numbers the English way, so a Vietnamese-style number that
is not record data is a fault too.

Record data — names of people, places and organisations, titles, notes, as the user typed them — stays as
typed in every language. It is recognised two ways, and nothing else is skipped:

- an element marked with the standard HTML attribute `translate="no"` ("this content is not to be
  translated") is skipped whole: templates put it where they show a recorded text on its own (the brand, the
  office in the print header, the name of the other language, the Vietnamese text of an official report);
- inside a sentence, any text stored in a record of the database (a char or text field without choices, of any
  caunoi model) is taken out before the check, so "“{title}” expired on …" is checked without the title. The
  records whose names have an English version (sectors, countries, document types) are not data: those must
  show in English.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

MO = Path(__file__).resolve().parents[1] / "src" / "caunoi" / "locale" / "en" / "LC_MESSAGES" / "django.mo"

# The main pages, walked in English by both tests as the demo editor; "{item}" is an aid item of the demo
# (YB-2022-01). The office administrator's pages are walked as the demo office administrator.
PAGES = [
    "/",
    "/dashboard/",
    "/dashboard/?year=2022",
    "/dashboard/?office=all",
    "/aid/",
    "/aid/{item}/",
    "/reports/aid/",
    "/reports/aid/?year=2022&office=yen-bai",
    "/relations/",
    "/relations/dashboard/",
    "/relations/partners/",
    "/relations/agreements/",
    "/relations/associations/",
    "/relations/events/",
    "/relations/plans/",
    "/rates/",
    "/organisations/",
    "/transactions/",
    "/search/?q=Yên Bái",
    "/account/",
    "/notifications/",
    "/documents/",
]

ADMIN_PAGES = ["/users/", "/users/{user}/", "/offices/"]

# Letters Vietnamese has and English never writes: the breve, circumflex and horn vowels, đ, and the five tone
# marks on any vowel (precomposed, or as combining marks after a plain letter).
VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
    "\u0300\u0301\u0303\u0309\u0323]"
)

# Numbers as the two languages group and separate them. A figure not glued to a letter, a slash, a hyphen or
# another digit group (so dates 05/12/2026, codes 12-CT/TW, years and versions do not count).
_EDGE_BEFORE = r"(?<![\w/\-.,:])"
_EDGE_AFTER = r"(?![\w/\-]|[.,:]\d)"
VI_NUMBER = re.compile(_EDGE_BEFORE + r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d{1,2})" + _EDGE_AFTER)
EN_NUMBER = re.compile(_EDGE_BEFORE + r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{1,2})" + _EDGE_AFTER)


# Models whose texts have English names: they are interface, not data, and must appear in English.
NOT_DATA = {"aid.sector", "aid.sectorcode"}


def record_texts() -> list[str]:
    """Every text stored in the database that has a Vietnamese letter (needs database access)."""
    from django.apps import apps
    from django.db import models

    found: set[str] = set()
    for model in apps.get_models():
        label = model._meta.label_lower
        if not model.__module__.startswith("caunoi.") or label in NOT_DATA or "historical" in label:
            continue
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        for row in model._default_manager.values_list(*names) if names else []:
            for value in row:
                if isinstance(value, str):
                    for part in value.splitlines():
                        if VIETNAMESE_LETTERS.search(part):
                            found.add(part.strip())
    return sorted(found, key=len, reverse=True)


def without_records(text: str, records: Iterable[str]) -> str:
    """The text with every stored text in it replaced by an ellipsis; a stored text cut short ("Hiệp hội hữu
    hảo đối ngoại nh…", as long choice labels are) counts too."""
    records = list(records)
    if text.endswith("\u2026") and any(value.startswith(text[:-1]) for value in records):
        return "\u2026"
    for value in records:
        if value and value in text:
            text = text.replace(value, "\u2026")
    return text


@cache
def translated_msgids() -> frozenset[str]:
    """The catalog's Vietnamese msgids that have an English text different from themselves (one- and
    two-letter ones left out: "CN" is Sunday and China)."""
    with MO.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    return frozenset(
        key
        for key, value in catalog.items()
        if isinstance(key, str) and key and value and value != key and len(key) > 2
    )


def label_of(text: str) -> str:
    """A text node as a label: trimmed of the arrows, bullets and colons templates put around labels."""
    return " ".join(text.split()).strip("‹›▲▼←→·:*").strip()


@dataclass
class Findings:
    untranslated: list[str] = field(default_factory=list)  # a msgid shown although its English exists
    vietnamese: list[str] = field(default_factory=list)  # Vietnamese letters outside record data
    vi_numbers: list[str] = field(default_factory=list)
    en_numbers: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        """What is wrong on an English page."""
        found = {
            "untranslated": self.untranslated,
            "vietnamese outside record data": self.vietnamese,
            "Vietnamese-style numbers": self.vi_numbers,
        }
        return {kind: texts for kind, texts in found.items() if texts}

    def problems_in_vietnamese(self) -> dict[str, list[str]]:
        """What is wrong on a Vietnamese page: only numbers written the English way."""
        return {"English-style numbers": self.en_numbers} if self.en_numbers else {}


def check_texts(texts: Iterable[str], records: Iterable[str] = ()) -> Findings:
    """The findings on the visible texts of one English page (elements marked translate="no" already left
    out; `records` are the stored texts, from `record_texts`)."""
    msgids = translated_msgids()
    records = list(records)
    findings = Findings()
    for raw in texts:
        text = label_of(raw)
        if not text:
            continue
        if text in msgids:
            findings.untranslated.append(text)
            continue
        if VIETNAMESE_LETTERS.search(text) or VI_NUMBER.search(text):
            text = without_records(text, records)
        if VIETNAMESE_LETTERS.search(text):
            findings.vietnamese.append(text)
        numbers = without_records(text, records) if EN_NUMBER.search(text) else text
        findings.vi_numbers += VI_NUMBER.findall(text)
        findings.en_numbers += EN_NUMBER.findall(numbers)
    return findings


class VisibleTexts(HTMLParser):
    """The text nodes a reader sees, and the accessible names (aria-label, title, placeholder, alt), outside
    script/style/template and outside any element marked translate="no" (record data)."""

    ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
    HIDDEN = ("script", "style", "template", "title", "head")
    VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )  # elements without an end tag

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._stack: list[tuple[str, bool]] = []  # (tag, skipped)

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skipped = tag in self.HIDDEN or values.get("translate") == "no" or "hidden" in values
        if not skipped and not self._skipping():
            self.texts += [str(values[name]) for name in self.ATTRIBUTES if values.get(name)]
        if tag not in self.VOID:
            self._stack.append((tag, skipped))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("translate") != "no" and not self._skipping():
            self.texts += [str(values[name]) for name in self.ATTRIBUTES if values.get(name)]

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching start tag (HTML lets <p>, <li>, <td>… end implicitly).
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._skipping():
            self.texts.append(data)


def check_html(html: str, records: Iterable[str] = ()) -> Findings:
    parser = VisibleTexts()
    parser.feed(html)
    parser.close()
    return check_texts(parser.texts, records)


# What the browser test runs in the page: the same texts, as rendered (visible ones only).
BROWSER_TEXTS = """
() => {
  const texts = [];
  const skipped = (el) => el.closest('[translate="no"], script, style, template, head, [hidden]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || skipped(el) || !node.textContent.trim()) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    texts.push(node.textContent);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    if (skipped(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = el.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts;
}
"""
