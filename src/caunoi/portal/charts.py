"""Bar charts drawn on the server as SVG (readable without JavaScript), each beside its table."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from caunoi.portal.totals import Share

BAR_LEFT, BAR_WIDTH, ROW = 300, 240, 24


def bar_chart(chart_id: str, caption: str, label: str, shares: list[Share]) -> dict[str, Any]:
    largest = max((s.usd for s in shares), default=Decimal(0))
    bars = []
    for n, share in enumerate(shares):
        width = int(share.usd / largest * BAR_WIDTH) if largest > 0 else 0
        bars.append(
            {
                "name": share.name,
                "usd": share.usd,
                "y": n * ROW,
                "width": width,
                "text_x": BAR_LEFT + width + 6,
            }
        )
    return {
        "id": chart_id,
        "caption": caption,
        "label": label,
        "shares": shares,
        "bars": bars,
        "height": max(len(bars) * ROW, ROW),
    }
