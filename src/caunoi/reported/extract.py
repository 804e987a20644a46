"""Read the aid figures a narrative report states: province, period, number of items and of NGOs, committed
and disbursed value, per sector count and amount, currency — each with the sentence it came from.

The numbers are read by caunoi.vntext.figures (money with its currency and scale, counts with their noun);
this module decides what each one is, sentence by sentence:
- the period: the first year or range ("năm 2019", "giai đoạn 2016–2020", "in 2019") of the first sentence
  holding an aid figure, else the first in the text;
- a count of items or of NGOs by its noun; an amount by the nearest cue word before it in its sentence
  ("giải ngân" → disbursed; "cam kết", "phê duyệt", "giá trị" → committed; "vốn đối ứng", "so với",
  "kế hoạch" → none);
- a figure belongs to a sector when a sector's name comes before it in its sentence ("y tế 3 dự án,
  457.250 USD"), or right after a count ("6 dự án y tế"); figures before any sector's name are totals;
- the first of each kind in reading order wins: reports state the total before its parts.
English texts are first rewritten into Vietnamese number forms (caunoi.reported.english).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any, Final

from caunoi.reported import vocabulary as v
from caunoi.reported.english import looks_english, to_vietnamese_numbers
from caunoi.vntext.figures import COUNTED_NOUNS, Figure, find_figures

YEAR: Final = r"(?:19[89]\d|20\d{2})"
DASH: Final = r"\s*(?:[-–—]|đến(?:\s+năm)?|to|until)\s*"
_RANGE: Final = re.compile(
    rf"(?<![\d/])(?:(?:giai\s+đoạn|thời\s+kỳ|từ\s+năm|từ|from|period|between)\s+)?({YEAR}){DASH}({YEAR})(?![\d/])",
    re.I,
)
_YEAR_RE: Final = re.compile(
    rf"(?<!tháng\s\d)(?<!tháng\s\d\d)(?:(?<=năm\s)|(?<=in\s)|(?<=of\s)|(?<=year\s)|(?<=during\s))({YEAR})(?![\d/])",
    re.I,
)
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[^\s\d])|\n+")
_PROVINCE_VI: Final = re.compile(r"(?<!\w)tỉnh[ \t]+((?:[^\W\d_][\w]*)(?:[ \t]+[^\W\d_][\w]*){0,2})", re.I)
_PROVINCE_EN: Final = re.compile(r"((?:[A-Z][\w]*)(?:[ \t]+[A-Z][\w]*){0,2})[ \t]+[Pp]rovince\b")
_CAPITALISED_STOP: Final = frozenset({"Năm", "Trong", "Với", "Và", "The", "In", "Of"})
SEPARATORS_BETWEEN_SECTORS: Final = re.compile(r"^[\s,;:/]*(?:và|and|,)?[\s,;:/]*$", re.I)


@dataclass
class SectorFound:
    key: str
    name: str
    count: int | None = None
    amount: Decimal | None = None
    sentence: str = ""


@dataclass
class Proposal:
    """What the extractor read; any field may be missing. ``evidence`` names each field's sentence."""

    province: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    items: int | None = None
    ngos: int | None = None
    committed: Decimal | None = None
    disbursed: Decimal | None = None
    currency: str = ""
    sectors: list[SectorFound] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    english: bool = False

    @property
    def has_figures(self) -> bool:
        return any(x is not None for x in (self.items, self.ngos, self.committed, self.disbursed)) or bool(
            self.sectors
        )

    def fields(self) -> dict[str, Any]:
        """The facts as plain values, for comparison with an annotation (bench, tests)."""
        out: dict[str, Any] = {
            "province": self.province or None,
            "period_start": self.period_start.isoformat() if self.period_start else None,
            "period_end": self.period_end.isoformat() if self.period_end else None,
            "items": self.items,
            "ngos": self.ngos,
            "committed": str(self.committed) if self.committed is not None else None,
            "disbursed": str(self.disbursed) if self.disbursed is not None else None,
            "currency": self.currency or None,
        }
        for s in self.sectors:
            out[f"sector:{s.key}:count"] = s.count
            out[f"sector:{s.key}:amount"] = str(s.amount) if s.amount is not None else None
        return out


def _alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(
        r"\s*[-–—]\s*".join(r"\s+".join(re.escape(p) for p in part.split()) for part in w.split(" - "))
        for w in ordered
    )


@cache
def _cue_re() -> re.Pattern[str]:
    groups = (
        ("disbursed", v.DISBURSED_CUES),
        ("committed", v.COMMITTED_CUES),
        ("ignored", v.IGNORED_CUES),
    )
    return re.compile("|".join(f"(?P<{n}>(?<!\\w)(?:{_alternation(w)})(?!\\w))" for n, w in groups), re.I)


@cache
def _total_re() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_alternation(v.TOTAL_CUES)})(?!\w)", re.I)


@cache
def _sector_re() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    names: dict[str, tuple[str, str]] = {}
    for key, stored, spellings in v.SECTORS:
        for spelling in spellings:
            names[_fold_dash(spelling)] = (key, stored)
    agency = _alternation(tuple(v.AGENCY_BEFORE))
    pattern = re.compile(rf"(?<!\w)(?<!-)(?:{_alternation(tuple(names))})(?!\w)(?!-)", re.I)
    return pattern, names | {"__agency__": (agency, "")}


@cache
def _agency_re() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=\W))(?:{_alternation(tuple(v.AGENCY_BEFORE))})\s+$", re.I)


def _fold_dash(text: str) -> str:
    return " ".join(re.sub(r"\s*[-–—]\s*", " - ", text.lower()).split())


def sentences(text: str) -> list[str]:
    """The text's sentences (and lines), trimmed, empty ones left out."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def extract(text: str) -> Proposal:
    """The reported figures of `text` (see the module docstring)."""
    text = unicodedata.normalize("NFC", text)
    english = looks_english(text)
    proposal = Proposal(english=english)
    nouns = COUNTED_NOUNS + v.ENGLISH_NOUNS
    read: list[tuple[str, str, list[Figure]]] = []
    for sentence in sentences(text):
        seen = to_vietnamese_numbers(sentence) if english else sentence
        read.append((sentence, seen, [f for f in find_figures(seen, counted_nouns=nouns) if f.arithmetic]))

    _period(proposal, read)
    _province(proposal, text)
    sectors: dict[str, SectorFound] = {}
    money: dict[str, list[tuple[Figure, str]]] = {"committed": [], "disbursed": []}
    for sentence, seen, figures in read:
        if not figures or _other_period(seen, proposal):
            continue
        owners = _sector_owners(seen, figures)
        for figure in figures:
            owner = owners.get(figure.start)
            if owner is not None:
                found = sectors.setdefault(owner[0], SectorFound(owner[0], owner[1], sentence=sentence))
                if figure.kind == "count" and _is(figure, v.ITEM_NOUNS) and found.count is None:
                    found.count = int(figure.value or 0)
                elif figure.kind == "money" and found.amount is None:
                    found.amount = figure.value
                    found.__dict__.setdefault("currency", figure.unit)
                continue
            cue = _cue_after(seen, figure) or _cue_before(seen, figure)
            if cue == "ignored" and (figure.kind == "money" or _same_clause_as_cue(seen, figure)):
                continue
            if figure.kind == "count":
                if _is(figure, v.ITEM_NOUNS) and proposal.items is None:
                    proposal.items = int(figure.value or 0)
                    proposal.evidence["items"] = sentence
                elif _is(figure, v.NGO_NOUNS) and proposal.ngos is None:
                    proposal.ngos = int(figure.value or 0)
                    proposal.evidence["ngos"] = sentence
            elif figure.kind == "money" and cue in money:
                money[cue].append((figure, sentence))
    _money(proposal, money)
    for found in sectors.values():
        currency = found.__dict__.pop("currency", None)
        if found.amount is not None and proposal.currency and currency != proposal.currency:
            found.amount = None  # another currency than the totals: left for staff to enter
        if found.count is not None or found.amount is not None:
            proposal.sectors.append(found)
    if not proposal.currency and proposal.sectors:
        proposal.currency = next((s.__dict__.get("currency") or "" for s in proposal.sectors), "")
    return proposal


def _is(figure: Figure, nouns: frozenset[str]) -> bool:
    return bool(figure.unit_group) and figure.unit_group[0] in nouns


def _money(proposal: Proposal, money: dict[str, list[tuple[Figure, str]]]) -> None:
    committed = money["committed"][:1]
    if committed:
        figure, sentence = committed[0]
        proposal.committed, proposal.currency = figure.value, figure.unit or ""
        proposal.evidence["committed"] = sentence
    for figure, sentence in money["disbursed"]:
        if not proposal.currency or figure.unit == proposal.currency:
            proposal.disbursed = figure.value
            proposal.currency = proposal.currency or figure.unit or ""
            proposal.evidence["disbursed"] = sentence
            break
    if proposal.currency:
        proposal.evidence.setdefault("currency", proposal.evidence.get("committed", ""))


_UNTIL_PUNCTUATION: Final = re.compile(r"[^,;:.()\d]{0,40}")


def _cue_after(seen: str, figure: Figure) -> str | None:
    """A cue right after the figure, before any punctuation or other number ("USD 615,151 was disbursed",
    "615.151 USD đã được giải ngân")."""
    window = _UNTIL_PUNCTUATION.match(seen, figure.end)
    if window is None:
        return None
    match = _cue_re().search(seen, window.start(), window.end())
    return match.lastgroup if match is not None and match.lastgroup != "ignored" else None


def _same_clause_as_cue(seen: str, figure: Figure) -> bool:
    """Whether the nearest cue before a count is in the count's clause ("so với năm 2018 tăng 6 dự án"), not
    in an earlier one ("với vốn đối ứng 150.000 USD, 8 tổ chức ...")."""
    last = None
    for match in _cue_re().finditer(seen, 0, figure.start):
        last = match
    return last is not None and not re.search(r"[,;:]", seen[last.end() : figure.start])


def _cue_before(seen: str, figure: Figure) -> str | None:
    """The kind of the nearest cue word before the figure in its sentence."""
    last = None
    for match in _cue_re().finditer(seen, 0, figure.start):
        last = match.lastgroup
    return last


# --- The period and the province -------------------------------------------------------------------------


def _period_in(seen: str) -> tuple[int, int, int] | None:
    """(start offset, first year, last year) of the first period named in the text."""
    found: list[tuple[int, int, int]] = []
    for match in _RANGE.finditer(seen):
        first, last = int(match[1]), int(match[2])
        if first < last <= first + 15:
            found.append((match.start(), first, last))
            break
    for match in _YEAR_RE.finditer(seen):
        found.append((match.start(), int(match[1]), int(match[1])))
        break
    return min(found) if found else None


def _period(proposal: Proposal, read: list[tuple[str, str, list[Figure]]]) -> None:
    chosen = None
    for sentence, seen, figures in read:
        if any(f.kind in ("money", "count") for f in figures):
            period = _period_in(seen)
            if period is not None:
                chosen = (period, sentence)
                break
    if chosen is None:
        for sentence, seen, _figures in read:
            period = _period_in(seen)
            if period is not None:
                chosen = (period, sentence)
                break
    if chosen is None:
        return
    (_start, first, last), sentence = chosen
    proposal.period_start, proposal.period_end = dt.date(first, 1, 1), dt.date(last, 12, 31)
    proposal.evidence["period"] = sentence


def _other_period(seen: str, proposal: Proposal) -> bool:
    """A sentence about another period only ("Năm 2020, phấn đấu ..."): its figures are not this period's."""
    if proposal.period_start is None or proposal.period_end is None:
        return False
    period = _period_in(seen)
    if period is None:
        return False
    _start, first, last = period
    return last < proposal.period_start.year or first > proposal.period_end.year


def _province(proposal: Proposal, text: str) -> None:
    names: Counter[str] = Counter()
    order: dict[str, int] = {}
    for match in _PROVINCE_VI.finditer(text):
        words = []
        for word in match[1].split():
            if not word[0].isupper() or word in _CAPITALISED_STOP:
                break
            words.append(word)
        if words:
            name = " ".join(words)
            name = name.title() if name.isupper() else name
            names[name] += 1
            order.setdefault(name, match.start())
    for match in _PROVINCE_EN.finditer(text):
        words = [w for w in match[1].split() if w not in _CAPITALISED_STOP]
        if words:
            name = " ".join(words)
            names[name] += 1
            order.setdefault(name, match.start())
    if names:
        proposal.province = max(names, key=lambda n: (names[n], -order[n]))


# --- Sectors ----------------------------------------------------------------------------------------------


def _sector_mentions(seen: str) -> list[tuple[int, int, str, str]]:
    pattern, names = _sector_re()
    agency = _agency_re()
    found = []
    for match in pattern.finditer(seen):
        if agency.search(seen, max(0, match.start() - 30), match.start()):
            continue
        key, stored = names[_fold_dash(match.group())]
        found.append((match.start(), match.end(), key, stored))
    return found


def _sector_owners(seen: str, figures: list[Figure]) -> dict[int, tuple[str, str]]:
    """The sector each figure of the sentence belongs to (by the figure's start), for those that belong to one."""
    mentions = _sector_mentions(seen)
    if not mentions:
        return {}
    owners: dict[int, tuple[str, str]] = {}
    lead = re.compile(r"\s*(?:thuộc\s+|về\s+|trong\s+|cho\s+)?(?:lĩnh\s+vực\s+|ngành\s+|in\s+|for\s+)?", re.I)
    starts = {m[0]: m for m in mentions}
    claimed: set[int] = set()
    for figure in figures:
        if figure.kind == "count":
            after = lead.match(seen, figure.end)
            position = after.end() if after else figure.end
            if position in starts:
                mention = starts[position]
                owners[figure.start] = (mention[2], mention[3])
                claimed.add(mention[0])
    for figure in figures:
        if figure.start in owners or figure.kind == "percent":
            continue
        before = [m for m in mentions if m[1] <= figure.start]
        if not before:
            continue
        mention = before[-1]
        if mention[0] in claimed and figure.kind == "count":
            continue
        between = seen[mention[1] : figure.start]
        if _total_re().search(between):
            continue
        index = mentions.index(mention)
        listed = index > 0 and SEPARATORS_BETWEEN_SECTORS.match(seen[mentions[index - 1][1] : mention[0]])
        following = index + 1 < len(mentions) and SEPARATORS_BETWEEN_SECTORS.match(
            seen[mention[1] : mentions[index + 1][0]]
        )
        if listed or following:
            continue  # "y tế, giáo dục và môi trường với 12 dự án": a list of names, not one sector's figures
        if any(
            f.start in owners and owners[f.start][0] != mention[2]
            for f in figures
            if mention[1] <= f.start < figure.start
        ):
            continue
        owners[figure.start] = (mention[2], mention[3])
    return owners
