"""Vietnamese number formatting and parsing: ``1.404.175``, ``25,4``, ``25,4 tỷ đồng``, ``27,9%``, ``06``.

Vietnamese writes a dot between thousands and a comma before decimals. Babel's ``vi`` locale knows those
symbols and the grouping, so the formatting goes through :func:`babel.numbers.format_decimal`. Two things
are done here rather than by babel:

- rounding: babel rounds half to even (``2,5`` → ``2``); Vietnamese accounting and statistics round half up
  (``2,5`` → ``3``), so every value is quantized with ``ROUND_HALF_UP`` before babel sees it;
- precision: babel quantizes in the current decimal context (28 digits), which fails on long values; the
  formatting runs in a local context wide enough for the value.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from typing import Final

from babel.numbers import format_decimal, get_currency_precision
from babel.numbers import format_percent as babel_format_percent

__all__ = [
    "format_count",
    "format_money",
    "format_number",
    "format_percent",
    "format_scaled_vnd",
    "parse_entered",
    "parse_number",
    "round_half_up",
    "to_decimal",
]

LOCALE: Final = "vi"

# Scales used by officials in short forms ("25,4 tỷ đồng"): largest first.
_SCALES: Final[tuple[tuple[Decimal, str], ...]] = (
    (Decimal(10) ** 9, "tỷ"),
    (Decimal(10) ** 6, "triệu"),
    (Decimal(10) ** 3, "nghìn"),
    (Decimal(1), ""),
)

# A Vietnamese-formatted figure: optional sign, integer part either grouped by dots in threes or not
# grouped at all ("06", "1404155"), optional decimal part after a comma.
_NUMBER_RE: Final = re.compile(r"(?P<sign>[-+\u2212])?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?")


def to_decimal(value: Decimal | int) -> Decimal:
    """``value`` as a finite Decimal; refuses floats (they cannot carry money exactly), NaN and infinity."""
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise TypeError(f"expected Decimal or int, got {type(value).__name__}: {value!r}")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError(f"cannot format a non-finite number: {value!r}")
    return result


def round_half_up(value: Decimal, places: int) -> Decimal:
    """Round to ``places`` decimals, halves away from zero (the Vietnamese accounting rule)."""
    if places < 0:
        raise ValueError(f"places must be >= 0, got {places}")
    with localcontext() as ctx:
        ctx.prec = _precision_for(value) + places + 2
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _precision_for(value: Decimal) -> int:
    """Digits a context needs to hold ``value`` exactly (zeros up to the point included), with room for the
    three decimals babel's default pattern quantizes to."""
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite values only reach here
    return max(28, len(digits) + abs(exponent) + 8)


def _plain(value: Decimal) -> Decimal:
    """Strip trailing fractional zeros and a negative zero, keeping integers in plain (non-exponent) form."""
    if value.is_zero():
        return Decimal(0)
    with localcontext() as ctx:
        ctx.prec = _precision_for(value)
        normal = value.normalize()
        if normal.as_tuple().exponent > 0:  # type: ignore[operator]  # finite: exponent is an int
            normal = normal.quantize(Decimal(1))
    return normal


def format_number(value: Decimal | int, places: int | None = None, *, locale: str = LOCALE) -> str:
    """Format a number the Vietnamese way: ``1.404.175``, ``25,4``, ``-1.234,50``.

    ``places=None`` shows the value's own significant decimals (``Decimal("25.40")`` → ``25,4``; ints have
    none); an integer ``places`` rounds half up to exactly that many decimals. ``locale="en"`` writes the
    English way (``1,404,175``), for English pages and messages (``caunoi.core.shown`` picks the reader's);
    Vietnamese text never needs it.
    """
    separators = _SEPARATORS.get(locale)
    if separators is not None:
        quick = _quick(value, places, separators)
        if quick is not None:
            return quick
    number = to_decimal(value)
    if places is None:
        number = _plain(number)
        pattern = "#,##0.###"
        quantize = False
    else:
        number = round_half_up(number, places)
        if number.is_zero():
            number = abs(number)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        quantize = True
    if separators is not None:
        return _grouped(number, places, separators)
    with localcontext() as ctx:
        ctx.prec = _precision_for(number)
        return format_decimal(number, format=pattern, locale=locale, decimal_quantization=quantize)


# A context wide enough for every figure a page shows (a quarter of format_number's time was entering and
# leaving a local context sized to each value).
_WIDE: Final = Context(prec=60)
_QUANTUM: Final = [Decimal(1).scaleb(-places) for places in range(7)]


def _quick(value: Decimal | int, places: int | None, separators: tuple[str, str]) -> str | None:
    """format_number of an int, or of a Decimal rounded to a few places that fits `_WIDE`; else None.
    Hundreds a page (a dashboard's cells): the same text (tests/vntext/test_numbers.py compares them)."""
    if type(value) is int and not places:  # nothing to round or strip
        return format(value, ",").translate({44: separators[0]})
    if (
        type(value) is not Decimal
        or places is None
        or not 0 <= places < len(_QUANTUM)
        or not value.is_finite()
    ):
        return None
    if value.adjusted() > 40:  # its digits and the places might not fit the context's 60
        return None
    number = value.quantize(_QUANTUM[places], rounding=ROUND_HALF_UP, context=_WIDE)
    if number.is_zero():
        number = abs(number)
    return _grouped(number, places, separators)


# babel's format_decimal costs about 0,1 ms a call and a dashboard page formats hundreds of numbers; for the
# two interface languages the pattern is plain grouping by thousands, which Python's own format does exactly
# (tests/vntext compares both on many values).
_SEPARATORS = {"vi": (".", ","), "en": (",", ".")}


def _grouped(number: Decimal, places: int | None, separators: tuple[str, str]) -> str:
    text = format(number, ",f" if places is None else f",.{places}f")
    group, point = separators
    return text.translate({ord(","): group, ord("."): point})


def format_money(amount: Decimal | int, currency: str, *, locale: str = LOCALE) -> str:
    """Format an amount with its ISO currency code: ``1.404.175 USD``, ``2.000.000.000 VND``, ``12,50 EUR``.

    Currencies without a minor unit in babel's data (VND, JPY, KRW) are rounded half up to whole units. The
    others get two decimals only when the amount has non-zero cents (after rounding half up to the cent).
    ``locale="en"`` writes the same figure the English way (``1,404,175 USD``), for English pages.
    """
    code = _currency_code(currency)
    number = to_decimal(amount)
    precision = get_currency_precision(code)
    rounded = round_half_up(number, precision)
    places = precision if rounded != rounded.to_integral_value() else 0
    return f"{format_number(rounded, places, locale=locale)} {code}"


def _currency_code(currency: str) -> str:
    code = currency.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValueError(f"currency must be a three-letter ISO 4217 code, got {currency!r}")
    return code


def format_scaled_vnd(amount: Decimal | int) -> str:
    """The officials' short form of a VND amount: ``25,4 tỷ đồng``, ``350 triệu đồng``, ``45 nghìn đồng``.

    Rule: take the largest scale (tỷ, triệu, nghìn) not above the amount, divide, round half up to at most two
    decimals and drop trailing zeros (``1.954.000.000`` → ``1,95 tỷ đồng``; ``1.955.000.000`` → ``1,96 tỷ
    đồng``). When rounding reaches 1.000 of a scale the next scale is used (``999.999.999`` → ``1 tỷ đồng``).
    Amounts of 1.000 tỷ and more stay in tỷ (``1.500 tỷ đồng``), as reports write them. Below 1.000 the
    amount is written in đồng, rounded the same way. The short form loses precision on purpose: use
    :func:`format_money` where the exact amount matters.
    """
    number = to_decimal(amount)
    magnitude = number.copy_abs()
    index = next((i for i, (scale, _name) in enumerate(_SCALES) if magnitude >= scale), len(_SCALES) - 1)
    scaled = round_half_up(_divide(magnitude, _SCALES[index][0]), 2)
    if scaled >= 1000 and index > 0:
        index -= 1
        scaled = round_half_up(_divide(magnitude, _SCALES[index][0]), 2)
    sign = "-" if number < 0 and not scaled.is_zero() else ""
    name = _SCALES[index][1]
    return f"{sign}{format_number(scaled)} {name + ' ' if name else ''}đồng"


def _divide(value: Decimal, scale: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = _precision_for(value) + 4
        return value / scale


def format_percent(value: Decimal | int, places: int | None = None) -> str:
    """Format a percentage given in percent (not as a fraction): ``Decimal("27.9")`` → ``27,9%``.

    ``places`` behaves as in :func:`format_number`.
    """
    number = to_decimal(value)
    number = _plain(number) if places is None else round_half_up(number, places)
    if number.is_zero():
        number = abs(number)
    pattern = "#,##0.###%" if places is None else "#,##0" + ("." + "0" * places if places else "") + "%"
    with localcontext() as ctx:
        ctx.prec = _precision_for(number) + 2
        return babel_format_percent(
            number.scaleb(-2), format=pattern, locale=LOCALE, decimal_quantization=places is not None
        )


def format_count(n: int, width: int = 2) -> str:
    """Format a count as reports write it, zero-padded to ``width`` digits: ``6`` → ``06`` (``06 dự án``).

    Counts of 1.000 and more are grouped as any number (``1.250``).
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"a count must be an int, got {type(n).__name__}: {n!r}")
    if n < 0:
        raise ValueError(f"a count cannot be negative: {n}")
    if width < 1:
        raise ValueError(f"width must be >= 1, got {width}")
    text = format_number(n)
    return text.rjust(width, "0") if n < 1000 else text


def parse_number(text: str) -> Decimal:
    """Read a Vietnamese-formatted figure: ``1.404.155`` → 1404155, ``25,4`` → 25.4, ``06`` → 6.

    Thousands must be grouped by dots in threes (or not grouped at all); decimals follow a comma. Surrounding
    whitespace is ignored. Anything else — English-style ``1,404,155.5``, ``25.4``, units, empty text — raises
    :class:`ValueError` naming the text and the expected form.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_number expects str, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise ValueError("parse_number: empty text is not a number (expected e.g. '1.404.155' or '25,4')")
    match = _NUMBER_RE.fullmatch(stripped)
    if match is None:
        hint = ""
        if re.fullmatch(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?", stripped) or re.fullmatch(
            r"[-+]?\d+\.\d+", stripped
        ):
            hint = " — this looks English-formatted; Vietnamese uses '.' for thousands and ',' for decimals"
        raise ValueError(
            f"parse_number: {text!r} is not a Vietnamese-formatted number "
            f"(expected e.g. '1.404.155', '25,4', '-1.234,50' or '06'){hint}"
        )
    digits = match["int"].replace(".", "")
    if match["frac"]:
        digits += "." + match["frac"]
    try:
        number = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise ValueError(f"parse_number: {text!r} is not a number") from exc
    return number.copy_negate() if match["sign"] in ("-", "\u2212") else number


# Numbers as staff type them into a form or a spreadsheet cell: the Vietnamese way (1.404.175, 8612,50), or
# with a decimal point where that cannot be read as grouping (8612.50, 0.0000384615: not three digits after
# a single dot). Spaces between groups are ignored.
_ENTERED_GROUPED: Final = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ENTERED_PLAIN: Final = re.compile(r"-?\d+(?:,\d+)?")
_ENTERED_POINT: Final = re.compile(r"-?\d+\.(?:\d{1,2}|\d{4,})")


def parse_entered(text: str) -> Decimal:
    """A number typed by staff, read as the aid spreadsheet and the web forms both read it: ``1.404.175`` →
    1404175, ``8612,50`` → 8612.50, ``8612.50`` → 8612.50, ``1 404 175`` → 1404175. Anything else (an
    exponent, letters, ``1,404,175``, empty text) raises :class:`ValueError`."""
    raw = text.replace("\u00a0", "").replace(" ", "").strip()
    if _ENTERED_GROUPED.fullmatch(raw) or _ENTERED_PLAIN.fullmatch(raw):
        return Decimal(raw.replace(".", "").replace(",", "."))
    if _ENTERED_POINT.fullmatch(raw):
        return Decimal(raw)
    raise ValueError(f"parse_entered: {text!r} is not a number as staff write it (e.g. 1.404.175 or 8612,50)")
