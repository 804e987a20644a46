"""The map's geometry (caunoi.web.dashboard_map) and its Jinja2 engine (caunoi.web.jinja): labels placed
through the grid exactly where the rule puts them when every box is tried against every other, and
coordinates written with one decimal, halves up, never localised."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from caunoi.geography.models import AdminUnit
from caunoi.reports.dashboard import MapUnit
from caunoi.web import dashboard_map as dm
from caunoi.web.jinja import tenth


def _labels_tried_against_everything(placed, map_height, size, dense):  # type: ignore[no-untyped-def]
    """The rule as first written: each place against every label placed and every other circle."""
    discs = [(cx, cy, r, u.unit.pk) for u, cx, cy, r in placed if u.committed > 0]
    taken, labels = [], []
    for u, cx, cy, r in placed:
        if u.committed <= 0 and dense:
            continue
        text = u.unit.short_name or u.unit.name
        w, h = 0.56 * size * len(text), size + 2
        for lx, ly, anchor in (
            (cx + r + 3, cy + size / 2 - 1, "start"),
            (cx - r - 3, cy + size / 2 - 1, "end"),
            (cx, cy - r - 3, "middle"),
            (cx, cy + r + size, "middle"),
        ):
            left = {"start": lx, "end": lx - w, "middle": lx - w / 2}[anchor]
            box = (left, ly - size + 1, w, h)
            inside = (
                left >= 2 and left + w <= dm.MAP_WIDTH - 2 and box[1] >= 2 and box[1] + h <= map_height - 2
            )
            clear = not any(dm._overlap(box, other) for other in taken) and not any(
                dm._overlap(box, (dx - dr, dy - dr, 2 * dr, 2 * dr))
                for dx, dy, dr, pk in discs
                if pk != u.unit.pk
            )
            if inside and clear:
                taken.append(box)
                labels.append(
                    dm.Label(lx, ly, size, anchor, "#1d2433" if u.committed > 0 else "#5b6475", text)
                )
                break
    return labels


circle = st.tuples(
    st.floats(-50, 700, allow_nan=False),
    st.floats(-50, 600, allow_nan=False),
    st.floats(2.5, 22),
    st.integers(0, 3),  # amount: 0 draws a grey circle
    st.text("AĐặxyz ", min_size=1, max_size=14),
)


@settings(max_examples=300, deadline=None)
@given(circles=st.lists(circle, max_size=60), dense=st.booleans(), size=st.sampled_from([10, 12]))
def test_labels_go_where_trying_every_box_puts_them(circles, dense, size):
    placed = [
        (MapUnit(AdminUnit(pk=i + 1, code=str(i), name=name), Decimal(amount), 1, []), x, y, r)
        for i, (x, y, r, amount, name) in enumerate(circles)
    ]
    assert dm._labels(placed, 560, size, dense) == _labels_tried_against_everything(placed, 560, size, dense)


def test_a_crowded_map_labels_what_fits_and_no_two_labels_overlap():
    placed = [
        (
            MapUnit(AdminUnit(pk=i + 1, code=str(i), name=f"Xã {i}"), Decimal(i % 3), 1, []),
            20 + (i % 20) * 30.0,
            20 + (i // 20) * 25.0,
            6.0,
        )
        for i in range(400)
    ]
    labels = dm._labels(placed, 560, 10, dense=True)
    assert labels == _labels_tried_against_everything(placed, 560, 10, dense=True)
    assert 0 < len(labels) < 400


def test_coordinates_have_one_decimal_halves_up_in_every_language():
    with translation.override("vi"):
        assert [tenth(v) for v in (104.35, 2.25, 0.04, -3.05, 640, 12.0)] == [
            "104.4",
            "2.3",
            "0.0",
            "-3.1",
            "640.0",
            "12.0",
        ]
