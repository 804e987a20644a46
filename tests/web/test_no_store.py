"""Signed-in pages are never kept by the browser (Cache-Control: no-store), kept pages included."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("url", ["/", "/aid/", "/dashboard/", "/aid/999999/"])
def test_signed_in_pages_send_no_store(login, db, url):
    client = login("xem")
    first, second = client.get(url), client.get(url)  # the second is served kept where pages are kept
    assert first["Cache-Control"] == second["Cache-Control"] == "no-store"
