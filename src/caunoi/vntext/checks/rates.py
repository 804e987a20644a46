"""What ratio and growth checks share: the figures a rate may relate, and how a rate is shown."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from itertools import islice
from typing import Final

from caunoi.vntext.checks.base import Paragraph, Reading, fits, fmt, places_of, value
from caunoi.vntext.figures import Figure
from caunoi.vntext.reading import compatible, half_unit

__all__ = ["candidates", "pairs", "rate_text", "relative_slack", "settle"]


def candidates(
    reading: Reading, paragraph: Paragraph, rate: Figure, *, parts_too: bool = False
) -> tuple[list[Figure], list[Figure]]:
    """The amounts and counts a rate may relate: those of its sentence and of the sentence before, split
    into those before the rate (nearest first) and those after it (nearest first). The parts of a total are
    left out unless ``parts_too`` (a ratio may be a part's share; a growth is never between two parts)."""
    start, end = paragraph.sentence_of(rate.start)
    if start > paragraph.start:
        start, _end = paragraph.sentence_of(start - 1)
    # At most _REACH characters either side: a text without full stops is one long sentence.
    start, end = max(start, rate.start - _REACH), min(end, rate.end + _REACH)
    figures = [
        figure
        for figure in paragraph.between(start, end)[:60]
        if figure.kind != "percent"
        and figure.start != rate.start
        and (parts_too or figure.start not in reading.parts)
    ]
    # "fell by 12.5% to 14, from 16": plain numbers after "to/from" (lên, xuống còn, từ) are the two figures.
    plain = [
        f
        for f in paragraph.bare_between(start, end)[:60]
        if _PLAIN_BEFORE.search(reading.text, max(0, f.start - 12), f.start)
    ]
    if plain:
        figures = sorted([*figures, *plain], key=lambda figure: figure.start)
    before = [figure for figure in figures if figure.end <= rate.start]
    after = [figure for figure in figures if figure.start >= rate.end]
    # The nearest few on each side: a reader looks beside the rate, and pairs grow with the square.
    return before[::-1][:_NEAREST], after[:_NEAREST]


_REACH: Final = 400
_NEAREST: Final = 4
_MOST_PAIRS: Final = 12  # the likeliest pairs come first; more only cost time
_PLAIN_BEFORE: Final = re.compile(r"(?:\bto|\bfrom|lên|xuống\s+còn|từ)\s+$", re.I)


def _compatible(first: Figure, second: Figure) -> bool:
    if first.kind == "other" or second.kind == "other":
        return first.kind == second.kind
    return compatible(first, second)


def pairs(before: list[Figure], after: list[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """(first, second) pairs of compatible figures, the likeliest first: the nearest before the rate with the
    nearest after it, then with the others before it."""
    for first in before:
        for second in [*after, *(f for f in before if f is not first)]:
            if _compatible(first, second) and value(second) != 0:
                yield first, second
    for index, first in enumerate(after):
        for second in after[index + 1 :]:
            if _compatible(first, second):
                if value(second) != 0:
                    yield first, second
                if value(first) != 0:
                    yield second, first


def relative_slack(reading: Reading, computed: Decimal, first: Figure, second: Figure) -> Decimal:
    """How far rounding of the two figures can move a rate computed from them."""
    share = Decimal(0)
    for figure in (first, second):
        if value(figure):
            share += half_unit(figure, reading.lang) / abs(value(figure))
    return abs(computed) * share


def rate_text(computed: Decimal, rate: Figure, lang: str) -> str:
    """A computed rate with one decimal more than the stated one, as "25,7 %"."""
    places = places_of(rate, "vi" if lang == "vi" else "en") + 1
    return f"{fmt(computed, lang, places)} %"


Settled = tuple[Figure, Figure, Decimal, bool]


def settle(
    reading: Reading,
    stated: Figure,
    ordered: Iterable[tuple[Figure, Figure]],
    compute: Callable[[Figure, Figure], tuple[Decimal, Decimal] | None],
) -> Settled | None:
    """The first pair whose computed value (and rounding slack, from ``compute``) fits ``stated``, with True;
    else the likeliest pair (the first computed) with False; None when no pair could be computed."""
    likeliest: Settled | None = None
    for first, second in islice(ordered, _MOST_PAIRS):
        result = compute(first, second)
        if result is None:
            continue
        computed, slack = result
        if fits(stated, computed, slack, reading.lang):
            return first, second, computed, True
        likeliest = likeliest or (first, second, computed, False)
    return likeliest
