"""Mutated IATI files for the reader's property tests (tests/iati/test_reader_properties.py) and the
longer run of `make bench` (bench/bench_iati_properties.py): a valid file, then cuts, flipped bytes,
dates Python cannot hold, large text, deep nesting, stray elements and attributes."""

from __future__ import annotations

import re

from hypothesis import strategies as st

from tests.iati.conftest import activity

ATTRIBUTE = re.compile(rb'(iso-date|value-date|last-updated-datetime)="[^"]*"')
OPEN_TAG = re.compile(rb"<([a-z][a-z-]*)(?=[ />])")


def base() -> bytes:
    body = "".join(
        activity(f"XM-PROP-{i}", value=str(100 + i), location="Yen Bai Province") for i in range(3)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" '
        f'generated-datetime="2024-05-01T00:00:00Z">{body}\n</iati-activities>\n'
    ).encode()


DATES = st.one_of(
    st.builds(
        "{}{:04d}-{:02d}-{:02d}".format,
        st.sampled_from(["", "-", "+"]),
        st.integers(0, 99_999),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    st.sampled_from(["2024-05-01T24:00:00Z", "2024-02-30", "0000-01-01", "2024-05-01+14:00", "", " "]),
)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
NAMES = st.sampled_from(
    ["iati-activity", "narrative", "value", "transaction", "x", "budget", "iati-activities"]
)


def _at(data: bytes, fraction: float) -> int:
    return min(len(data), int(len(data) * fraction))


@st.composite
def mutation(draw: st.DrawFn, data: bytes) -> tuple[str, bytes]:
    """(what was done, the mutated file)."""
    kind = draw(
        st.sampled_from(
            ["cut", "flip", "date", "large", "nest", "element", "attribute", "bytes", "duplicate"]
        )
    )
    where = draw(st.floats(0, 1))
    at = _at(data, where)
    if kind == "cut":
        return kind, data[:at]
    if kind == "flip":
        flips = draw(st.lists(st.tuples(st.floats(0, 0.999), st.integers(1, 255)), min_size=1, max_size=8))
        out = bytearray(data)
        for spot, bits in flips:
            out[_at(out, spot)] ^= bits
        return kind, bytes(out)
    if kind == "date":
        found = list(ATTRIBUTE.finditer(data))
        hit = found[draw(st.integers(0, len(found) - 1))]
        value = draw(DATES).encode()
        return kind, data[: hit.start()] + hit.group(1) + b'="' + value + b'"' + data[hit.end() :]
    if kind == "large":
        # Beyond the element limit the tests set (1 MB), or below it.
        size = draw(st.sampled_from([500_000, 1_100_000]))
        return kind, data.replace(b"<narrative>Test NGO", b"<narrative>" + b"z" * size, 1)
    if kind == "nest":
        depth = draw(st.integers(1, 3000))
        name = draw(NAMES).encode()
        opening = b"<" + name + b">"
        inner = opening * depth + b"</" + name + b">" * depth
        tag = list(OPEN_TAG.finditer(data))[draw(st.integers(0, 40))]
        return kind, data[: tag.start()] + inner + data[tag.start() :]
    if kind == "element":
        name = draw(NAMES).encode()
        text = draw(TEXT).encode()
        element = b"<" + name + b">" + text.replace(b"<", b"").replace(b"&", b"") + b"</" + name + b">"
        tag = list(OPEN_TAG.finditer(data))[draw(st.integers(0, 60))]
        return kind, data[: tag.start()] + element + data[tag.start() :]
    if kind == "attribute":
        tag = list(OPEN_TAG.finditer(data))[draw(st.integers(0, 60))]
        name = draw(
            st.sampled_from(["percentage", "code", "type", "ref", "currency", "hierarchy", "xml:lang", "z"])
        )
        value = draw(TEXT).replace('"', "").replace("<", "").replace("&", "")
        extra = f' {name}="{value}"'.encode()
        return kind, data[: tag.end()] + extra + data[tag.end() :]
    if kind == "bytes":
        return kind, data[:at] + draw(st.binary(max_size=64)) + data[at:]
    # "duplicate": a slice of the file inserted again elsewhere
    start, length = at, draw(st.integers(1, 4000))
    other = _at(data, draw(st.floats(0, 1)))
    return kind, data[:other] + data[start : start + length] + data[other:]
