"""Reading a report the way check-text needs it: figures (Vietnamese or English), paragraphs, sentences,
and which counted nouns add up together.

- Vietnamese: :func:`caunoi.vntext.figures.find_figures`, plus counts written in words ("hai mươi mốt chương
  trình, dự án" → 21, see :mod:`caunoi.vntext.wordnum`).
- English: "USD 1,404,155", "1,404,155 USD", "USD 2.6 million", "38.5%", "21 projects", "5 new projects";
  qualifiers *about, nearly, over, more than …* are mapped to their Vietnamese equivalents so that one
  tolerance rule serves both languages.

Every figure keeps its offsets in the NFC text, so findings can quote the sentence it stands in.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache
from typing import Final, Literal

from caunoi.vntext.figures import COUNTED_NOUNS, Figure, _count_pattern, _noun_finder, find_figures
from caunoi.vntext.wordnum import NUMBER_WORDS, words_to_int

__all__ = [
    "TextLang",
    "compatible",
    "family",
    "half_unit",
    "paragraph_spans",
    "read_figures",
    "sentence_ends",
]

TextLang = Literal["vi", "en"]

_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\r\u00a0\u200b]*\n")
_SENTENCE_PUNCT: Final = re.compile(r"\./\.|[.!?…]+(?=\s|$)")
_NEXT_WORD: Final = re.compile(r"\s*(\S?)")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: paragraphs are separated by a blank line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def sentence_ends(text: str, start: int, stop: int) -> list[int]:
    """Offsets where sentences of ``text[start:stop]`` end: a full stop before a non-lower-case word, or "./."."""
    ends = []
    for match in _SENTENCE_PUNCT.finditer(text, start, stop):
        following = _NEXT_WORD.match(text, match.end(), stop)
        rest = following.group(1) if following else ""
        if match.group() == "./." or not rest or not rest.islower():
            ends.append(match.start())
    return ends


# Counted nouns that a reader adds up together: "21 chương trình, dự án, phi dự án" is made of "dự án" and
# "phi dự án"; "46 hoạt động" of "hội thảo", "buổi" and "lớp tập huấn"; "17 khoản viện trợ" of "dự án".
_FAMILIES: Final[dict[str, tuple[str, ...]]] = {
    "aid": (
        *("chương trình", "dự án", "phi dự án", "khoản viện trợ", "khoản", "đề án"),
        *("project", "programme", "program", "non-project aid programme", "non-project aid", "item"),
    ),
    "organisation": (
        *("tổ chức phi chính phủ nước ngoài", "tổ chức phi chính phủ", "tổ chức", "nhà tài trợ"),
        *("ngo", "organisation", "organization", "donor"),
    ),
    "activity": (
        *("hoạt động", "sự kiện", "hội thảo", "hội nghị", "cuộc", "buổi", "lớp", "lớp tập huấn", "chuyến"),
        *("activity", "event", "workshop", "course", "training course", "visit"),
    ),
    "delegation": ("đoàn", "lượt đoàn", "delegation"),
}
_FAMILY_OF: Final[dict[str, str]] = {noun: name for name, nouns in _FAMILIES.items() for noun in nouns}


def family(noun: str | None) -> str:
    """The group of counted nouns that ``noun`` adds up with (the noun itself when it has no group)."""
    key = (noun or "").lower()
    return _FAMILY_OF.get(key, key)


def compatible(total: Figure, part: Figure) -> bool:
    """Can ``part`` be one of the parts that make ``total``: same currency, both percent, or counts of nouns
    of one group."""
    if total.kind != part.kind or not total.arithmetic:
        return False
    if total.kind == "count":
        wanted = {family(noun) for noun in (total.unit_group or (total.unit,))}
        return family(part.unit) in wanted
    return total.unit == part.unit


_NUMBER_IN_TEXT: Final = re.compile(r"\d[\d.,]*\d|\d")


@lru_cache(maxsize=4096)  # the rate checks ask for the same figures' rounding over and over
def half_unit(figure: Figure, lang: TextLang = "vi") -> Decimal:
    """Half a unit of the figure's last written digit, when the figure is rounded: a percent ("26 %" ± 0,5)
    or a decimal ("25,4 tỷ" ± 0,05 tỷ). Whole amounts ("20 tỷ đồng", "1.404.155 USD") and counts: 0."""
    value = figure.value
    match = _NUMBER_IN_TEXT.search(figure.text)
    if value is None or match is None:
        return Decimal(0)
    digits = match.group()
    point = "," if lang == "vi" else "."
    whole, _sep, decimals = digits.partition(point) if point in digits else (digits, "", "")
    if lang == "en" and not decimals and "." in digits and "," not in digits:
        whole, _sep, decimals = digits.partition(".")
    written = Decimal((whole.replace(".", "").replace(",", "") or "0") + ("." + decimals if decimals else ""))
    scale = value / written if written else Decimal(1)
    if figure.kind != "percent" and not decimals:
        # "20 tỷ đồng" beside "5,5 tỷ đồng" is read as exactly 20 tỷ: a writer rounding would show a decimal.
        return Decimal(0)
    return Decimal(5).scaleb(-len(decimals) - 1) * scale


class _Lines:
    def __init__(self, text: str):
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def of(self, index: int) -> int:
        return bisect_left(self.newlines, index) + 1


def read_figures(text: str, lang: TextLang = "vi") -> list[Figure]:
    """Every figure of ``text`` (NFC) in text order; see the module docstring."""
    if lang == "en":
        return _english_figures(text)
    figures = find_figures(text)
    worded = _worded_counts(text)
    if worded:
        figures = sorted([*figures, *worded], key=lambda figure: figure.start)
    return figures


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in ordered)


_NOUNS: Final = tuple(sorted({" ".join(noun.lower().split()) for noun in COUNTED_NOUNS}))
_WORD: Final = _alternation(list(NUMBER_WORDS))
_WORDED: Final = re.compile(
    rf"(?<!\w)(?:{_WORD})(?:\s+(?:{_WORD}))*(?=\s+(?:{_alternation(list(_NOUNS))})(?!\w))", re.I
)


def _worded_counts(text: str) -> list[Figure]:
    """Counts written in words before a counted noun ("hai mươi mốt chương trình, dự án", "tám phi dự án")."""
    count_re, noun_re = _count_pattern(_NOUNS), _noun_finder(_NOUNS)
    lines: _Lines | None = None
    found = []
    for match in _WORDED.finditer(text):
        value = words_to_int(match.group())
        counted = count_re.match(text, match.end())
        if value is None or counted is None:
            continue
        lines = lines or _Lines(text)
        group = tuple(dict.fromkeys(" ".join(n.lower().split()) for n in noun_re.findall(counted.group())))
        found.append(
            Figure(
                value=Decimal(value),
                unit=group[0],
                qualifier=None,
                text=text[match.start() : counted.end()],
                start=match.start(),
                end=counted.end(),
                line=lines.of(match.start()),
                kind="count",
                unit_group=group,
            )
        )
    return found


# --- English ---------------------------------------------------------------------------------------------

_EN_QUALIFIERS: Final[dict[str, str]] = {
    "about": "khoảng",
    "around": "khoảng",
    "approximately": "khoảng",
    "roughly": "khoảng",
    "some": "khoảng",
    "nearly": "gần",
    "almost": "gần",
    "close to": "gần",
    "over": "hơn",
    "more than": "hơn",
    "above": "hơn",
    "under": "dưới",
    "less than": "dưới",
}
_EN_NOUNS: Final = (
    *("non-project aid programmes", "non-project aid programme", "non-project aid"),
    *("projects", "project", "programmes", "programme", "programs", "program", "items", "item"),
    *("NGOs", "NGO", "organisations", "organisation", "organizations", "organization", "donors", "donor"),
    *("delegations", "delegation", "members", "member", "communes", "commune", "households", "household"),
    *("activities", "activity", "events", "event", "workshops", "workshop", "training courses", "courses"),
    *("visits", "visit", "people", "participants", "volunteers", "schools", "school", "classrooms"),
    *("proposals", "proposal", "agreements", "agreement", "provinces", "districts", "villages", "gifts"),
)
_EN_ADJECTIVES: Final = r"(?:(?:new|continuing|ongoing|foreign|international|active|local|more)\s+)?"
_EN_NOUN_RE: Final = _alternation(list(_EN_NOUNS))
_EN_MONTHS: Final = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_EN_FIGURE: Final = re.compile(
    r"(?<![\w.,/-])(?:(?P<pre>USD|US\$|EUR|VND|GBP|JPY|AUD|\$|€|£)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,12})?|\d{1,24}(?:\.\d{1,12})?)(?![\d,.]?\d)"
    r"(?:\s?(?P<scale>million|billion|thousand|bn|mn|m)(?![\w]))?"
)
_EN_AFTER: Final = re.compile(
    r"\s?(?P<percent>%|per\s?cent(?!\w))"
    r"|\s?(?P<code>USD|EUR|VND|GBP|JPY|AUD)(?![A-Za-z])"
    r"|\s+(?P<word>US\s+dollars|dollars|euros|dong)(?!\w)"
    rf"|\s+{_EN_ADJECTIVES}(?P<noun>{_EN_NOUN_RE})(?!\w)(?P<rest>(?:\s*(?:,|/|and|or)\s*(?:{_EN_NOUN_RE})(?!\w))*)",
    re.I,
)
_EN_DATE_AROUND: Final = re.compile(rf"\s+(?:{_EN_MONTHS})(?!\w)")
_EN_DATE_BEFORE: Final = re.compile(rf"(?:{_EN_MONTHS})\s+$")
_EN_QUALIFIER_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\s(\[,;:]))(?P<q>" + _alternation(list(_EN_QUALIFIERS)) + r")\s+$", re.I
)
_EN_SCALES: Final[dict[str, int]] = {
    "thousand": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
}
_EN_SYMBOLS: Final[dict[str, str]] = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}
_EN_WORD_CURRENCY: Final[dict[str, str]] = {
    "dollars": "USD",
    "us dollars": "USD",
    "euros": "EUR",
    "dong": "VND",
}


def _english_noun(noun: str) -> str:
    key = " ".join(noun.lower().split())
    if key in ("people",):
        return key
    return key[:-1] if key.endswith("s") else key


def _english_date(text: str, match: re.Match[str], start: int, end: int) -> bool:
    """A day before or after a month name ("12 May", "May 12"), or a bare year ("in 2022")."""
    return bool(
        _EN_DATE_AROUND.match(text, end)
        or _EN_DATE_BEFORE.search(text, max(0, start - 12), start)
        or re.fullmatch(r"(?:19|20)\d{2}", match["num"])
    )


def _english_figures(text: str) -> list[Figure]:
    lines = _Lines(text)
    figures = []
    for match in _EN_FIGURE.finditer(text):
        start, end = match.start(), match.end()
        number = Decimal(match["num"].replace(",", ""))
        value = number * _EN_SCALES[match["scale"].lower()] if match["scale"] else number
        unit: str | None = None
        group: tuple[str, ...] = ()
        kind: Literal["money", "percent", "count", "date", "other"] = "other"
        if match["pre"]:
            kind, unit = "money", _EN_SYMBOLS.get(match["pre"], match["pre"])
        after = _EN_AFTER.match(text, end)
        if after is not None and kind == "other":
            if after["percent"]:
                kind, unit, end = "percent", "percent", after.end()
            elif after["code"] or after["word"]:
                code = after["code"] or _EN_WORD_CURRENCY[" ".join(after["word"].lower().split())]
                kind, unit, end = "money", code.upper(), after.end()
            elif after["noun"] and not match["scale"]:
                nouns = [after["noun"], *re.findall(_EN_NOUN_RE, after["rest"] or "", re.I)]
                group = tuple(dict.fromkeys(_english_noun(noun) for noun in nouns))
                kind, unit, end = "count", group[0], after.end()
        if kind == "other" and _english_date(text, match, start, end):
            kind = "date"
        qualifier = None
        before = _EN_QUALIFIER_BEFORE.search(text, max(0, start - 16), start)
        if before is not None and kind in ("money", "percent", "count"):
            qualifier = _EN_QUALIFIERS[" ".join(before["q"].lower().split())]
            start = before.start()
        if value == value.to_integral_value():
            value = Decimal(int(value))
        figures.append(
            Figure(
                value=value,
                unit=unit,
                qualifier=qualifier,
                text=text[start:end],
                start=start,
                end=end,
                line=lines.of(start),
                kind=kind,
                unit_group=group,
            )
        )
    return figures
