"""What every check shares: the text read once into paragraphs, sentences and figures; the tolerance of a
stated figure (its rounding, widened by its qualifier); number formatting for the messages."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from django.utils import translation

from caunoi.core.errors import Msg, Problem, Worded, phrase
from caunoi.vntext import messages as m
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import CheckKind, Finding
from caunoi.vntext.numbers import round_half_up
from caunoi.vntext.reading import TextLang, half_unit, paragraph_spans, read_figures, sentence_ends

__all__ = ["Paragraph", "Reading", "fits", "fmt", "read", "unit_text", "verdict"]

# A qualifier says where the true value lies relative to the stated one: below it (gần), above (hơn, trên),
# at most (dưới), or around it (khoảng …, within 10 %).
_BELOW: Final = frozenset({"gần", "gần như"})
_ABOVE: Final = frozenset({"hơn", "trên"})
_AT_MOST: Final = frozenset({"dưới"})
_AROUND_SHARE: Final = Decimal("0.10")
_NEARLY_SHARE: Final = Decimal("0.15")
_AROUND: Final = 400


@dataclass(slots=True)
class Paragraph:
    """One paragraph: its span, the ends of its sentences and its arithmetic figures in text order."""

    start: int
    end: int
    ends: list[int]
    figures: list[Figure]
    bare: list[Figure] = field(default_factory=list)  # plain numbers: "11 in health, 5 in education"
    starts: list[int] = field(default_factory=list)
    bare_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [figure.start for figure in self.figures]
        self.bare_starts = [figure.start for figure in self.bare]

    def bare_between(self, start: int, end: int) -> list[Figure]:
        """The plain numbers that start in [start, end)."""
        low = bisect_left(self.bare_starts, start)
        return self.bare[low : min(bisect_left(self.bare_starts, end), low + 60)]

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset``."""
        index = bisect_left(self.ends, offset)
        start = self.ends[index - 1] + 1 if index else self.start
        end = self.ends[index] if index < len(self.ends) else self.end
        return start, end

    def between(self, start: int, end: int, most: int = 60) -> list[Figure]:
        """The first ``most`` figures that start in [start, end) (bounded: a long paragraph stays linear)."""
        low = bisect_left(self.starts, start)
        return self.figures[low : min(bisect_left(self.starts, end), low + most)]


@dataclass(slots=True)
class Reading:
    text: str
    lang: TextLang
    paragraphs: list[Paragraph] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # start offsets of figures a check has already taken
    parts: set[int] = field(default_factory=set)  # those taken as parts of a total: no ratio's or growth's
    _starts: list[int] = field(default_factory=list)

    def sentence(self, figure: Figure) -> str:
        """The figure's sentence, at most _AROUND characters either side of it (a text without full stops is
        one long sentence)."""
        paragraph = self.paragraph_of(figure.start)
        start, end = paragraph.sentence_of(figure.start)
        start, end = max(start, figure.start - _AROUND), min(end, figure.end + _AROUND)
        return " ".join(self.text[start : end + 1].split())

    def paragraph_of(self, offset: int) -> Paragraph:
        starts = self._starts or [paragraph.start for paragraph in self.paragraphs]
        self._starts = starts
        return self.paragraphs[max(0, bisect_right(starts, offset) - 1)]


def read(text: str, lang: TextLang) -> Reading:
    """Read ``text`` (NFC) once for all the checks."""
    every = read_figures(text, lang)
    figures = [figure for figure in every if figure.arithmetic and figure.value is not None]
    bare = [f for f in every if f.kind == "other" and f.unit is None and f.value is not None]
    starts = [figure.start for figure in figures]
    bare_starts = [figure.start for figure in bare]
    reading = Reading(text, lang)
    for start, end in paragraph_spans(text):
        chunk = figures[bisect_left(starts, start) : bisect_left(starts, end)]
        plain = bare[bisect_left(bare_starts, start) : bisect_left(bare_starts, end)]
        ends = sentence_ends(text, start, end) if chunk else []
        reading.paragraphs.append(Paragraph(start, end, ends, chunk, plain))
    return reading


def value(figure: Figure) -> Decimal:
    assert figure.value is not None  # arithmetic figures carry a value
    return figure.value


def fits(stated: Figure, computed: Decimal, slack: Decimal, lang: TextLang) -> bool:
    """Does ``computed`` agree with the ``stated`` figure as a reader takes it: within the rounding of what is
    written (plus ``slack``, the rounding of the figures it was computed from), or within what its qualifier
    allows."""
    target = value(stated)
    qualifier = stated.qualifier
    if qualifier is not None:
        # A qualifier replaces the rounding of the stated figure: "gần 2 tỷ" is below 2 tỷ, whatever digit.
        return _qualified(qualifier, target, computed, slack)
    rounding = half_unit(stated, lang) + slack
    # Strictly inside: values that meet only when every figure was rounded the whole half unit the same way
    # ("2,6 triệu" against 1,5 + 0,9 + 0,4) are taken as an error, as a reader takes them.
    return computed == target or abs(computed - target) < rounding


def _qualified(qualifier: str, target: Decimal, computed: Decimal, slack: Decimal) -> bool:
    # As for exact figures, a bound met only at the far end of every part's rounding does not count.
    if qualifier in _BELOW:
        low = target * (1 - _NEARLY_SHARE)
        return (low <= computed <= target) or (slack > 0 and low - slack < computed < target + slack)
    if qualifier in _ABOVE:
        return computed >= target or (slack > 0 and computed > target - slack)
    if qualifier in _AT_MOST:
        return computed <= target or (slack > 0 and computed < target + slack)
    return abs(computed - target) <= abs(target) * _AROUND_SHARE or (
        slack > 0 and abs(computed - target) < abs(target) * _AROUND_SHARE + slack
    )


_SEPARATORS: Final = {"vi": str.maketrans(",.", ".,"), "en": str.maketrans("", "")}


def fmt(number: Decimal, lang: str, places: int | None = None) -> str:
    """``number`` as :func:`caunoi.vntext.numbers.format_number` writes it (1.404.175; 25,4), done with
    Python's own grouping: a long text has thousands of findings and babel's path costs 20 µs a number."""
    if places is None:
        shown = number.normalize() if number else Decimal(0)
    else:
        shown = round_half_up(number, places)
    text = format(shown, ",f" if places is None else f",.{places}f")
    if text.startswith("-") and not shown:
        text = text[1:]
    return text.translate(_SEPARATORS["vi" if lang == "vi" else "en"])


def unit_text(figure: Figure, lang: str) -> str:
    if figure.kind == "money":
        return "đồng" if figure.unit == "VND" and lang == "vi" else str(figure.unit)
    if figure.kind == "percent":
        with translation.override(lang):
            return translation.gettext(m.POINT_UNIT)
    return str(figure.unit)


def places_of(figure: Figure, lang: TextLang) -> int:
    """Decimals written in a percent figure ("23,2 %" → 1), to show a computed rate the same way."""
    match = re.search(r"\d+(?:[.,](\d+))?", figure.text)
    return len(match.group(1)) if match and match.group(1) else 0


def worded(texts: dict[str, str] | Any) -> Any:
    """A piece of a message written in each language ahead of time ({"vi": …, "en": …}: the arithmetic, in
    each language's numbers) as a message parameter; a lazy phrase is given as it is."""
    return Worded(texts) if isinstance(texts, dict) else texts


def verdict(
    reading: Reading,
    ok: bool,
    kind: CheckKind,
    stated: Figure,
    computed: Decimal,
    part_figures: tuple[Figure, ...],
    shown: dict[str, str] | Any,
    gap: dict[str, str] | Any | None = None,
    *,
    quoted: str | None = None,
    ok_msg: Msg = m.MATCHES,
) -> Finding:
    """The finding of a check of ``stated`` against ``computed`` (shown as ``shown``, the arithmetic in each
    language): ``kind``-ok, or ``kind``-mismatch naming the gap."""
    quoted = quoted or stated.text
    if ok:
        text = Problem(ok_msg, {"shown": worded(shown), "quoted": quoted})
    elif gap:
        text = Problem(m.NOT_AS_STATED_BY, {"shown": worded(shown), "quoted": quoted, "gap": worded(gap)})
    else:
        text = Problem(m.NOT_AS_STATED, {"shown": worded(shown), "quoted": quoted})
    return Finding(
        severity="ok" if ok else "error",
        code=f"{kind}-{'ok' if ok else 'mismatch'}",
        line=stated.line,
        text=text,
        unit=stated.unit,
        stated=value(stated),
        computed=computed,
        parts=tuple(value(figure) for figure in part_figures),
        difference=computed - value(stated),
        figure=stated,
        part_figures=part_figures,
        kind=kind,
        sentence=reading.sentence(stated),
    )


def points(gap: Decimal, shown: Callable[[Decimal, str], str]) -> Any:
    """A gap in percentage points, in the language of the message that shows it; each number shown by
    ``shown``."""
    return phrase(m.POINTS, number=Worded({lang: shown(gap, lang) for lang in ("vi", "en")}))
