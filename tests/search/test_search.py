"""One search over every kind of record: without diacritics, ranked, within the offices the user may read."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.core.searchable import Searchable
from caunoi.directory import services as directory
from caunoi.relations.models import Event
from caunoi.search.services import search

pytestmark = pytest.mark.django_db


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def titles(found, kind: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.title for f in found if f.kind.code == kind for h in f.hits]


def test_da_nang_finds_dong_with_the_stroke(yen_bai: Office) -> None:
    directory.create_organisation(
        yen_bai, actor=SYSTEM, kind="people_org", name="Hội hữu nghị Việt Nam - Lào thành phố Đà Nẵng"
    )
    found = search("da nang", actor=user("xem"))
    assert titles(found, "organisation") == ["Hội hữu nghị Việt Nam - Lào thành phố Đà Nẵng"]
    assert titles(search("ĐÀ NẴNG", actor=user("xem")), "organisation") == titles(found, "organisation")


def test_mu_cang_chai_finds_the_items_placed_there() -> None:
    from caunoi.aid.models import AidItem
    from caunoi.core.text import fold

    placed = sorted(
        f"{item.code} — {item.title}"
        for item in AidItem.objects.filter(office__code="yen-bai", archived_at__isnull=True)
        if any("mu cang chai" in fold(str(share.unit)) for share in item.place_shares.all())
    )
    assert len(placed) == 5
    assert sorted(titles(search("mu cang chai", actor=user("xem")), "aid")) == placed


def test_mimasaka_finds_partner_agreements_and_association() -> None:
    found = search("mimasaka", actor=user("xem"))
    kinds = {f.kind.code for f in found}
    assert {"partner", "agreement", "organisation"} <= kinds
    assert "Thỏa thuận hợp tác giữa tỉnh Yên Bái và thành phố Mimasaka" in titles(found, "agreement")


def test_an_office_never_sees_another_offices_records(yen_bai: Office, stranger) -> None:  # type: ignore[no-untyped-def]
    directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Quỹ Chỉ Yên Bái Thấy")
    assert titles(search("chi yen bai thay", actor=user("xem")), "organisation") == ["Quỹ Chỉ Yên Bái Thấy"]
    assert search("chi yen bai thay", actor=user("khac")) == []
    # The new Lào Cai union carries on Yên Bái's work: its staff find Yên Bái's records.
    assert titles(search("chi yen bai thay", actor=user("laocai")), "organisation") == [
        "Quỹ Chỉ Yên Bái Thấy"
    ]


def test_no_actor_finds_nothing() -> None:
    assert search("mimasaka", actor=None) == []  # type: ignore[arg-type]


def test_a_record_that_begins_with_the_query_ranks_first(yen_bai: Office) -> None:
    directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Trung tâm Zeta Quy Nhơn")
    directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Quy Nhơn Zeta")
    directory.create_organisation(yen_bai, actor=SYSTEM, kind="people_org", name="Zeta và Quy Nhơn")
    found = search("quy nhon", actor=SYSTEM)
    assert titles(found, "organisation")[:3] == [
        "Quy Nhơn Zeta",
        "Trung tâm Zeta Quy Nhơn",
        "Zeta và Quy Nhơn",
    ]
    assert [h.rank for h in found[0].hits[:3]] == [3, 2, 2]
    assert titles(search("zeta nhon", actor=SYSTEM), "organisation") == [
        "Quy Nhơn Zeta",
        "Trung tâm Zeta Quy Nhơn",
        "Zeta và Quy Nhơn",
    ]


def test_short_queries_find_nothing() -> None:
    assert search("m", actor=SYSTEM) == []
    assert search("  ", actor=SYSTEM) == []


def test_every_searchable_row_holds_its_folded_names() -> None:
    """The folded column is derived on save; after the demo and an edit it equals what the names say."""
    event = Event.objects.filter(office__code="yen-bai").first()
    assert event is not None
    event.title = "Đoàn công tác sang Đà Nẵng"
    event.save(update_fields=["title"])
    event.refresh_from_db()
    assert event.search_text.startswith("doan cong tac sang da nang")
    models = [m for m in apps.get_models() if issubclass(m, Searchable)]
    assert {m.__name__ for m in models} == {"Agreement", "Association", "Event", "Person", "ItemDocument"}
    for model in models:
        for row in model.objects.all():
            assert row.search_text == row.folded_names(), (model.__name__, row.pk)


def test_the_search_page(login) -> None:  # type: ignore[no-untyped-def]
    client = login("xem")
    page = client.get("/search/", {"q": "mimasaka"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Thỏa thuận hợp tác giữa tỉnh Yên Bái và thành phố Mimasaka" in body
    assert 'href="/relations/agreements/' in body
    assert "Hãy gõ ít nhất 2 ký tự." in client.get("/search/", {"q": "m"}).content.decode()
    assert "Không tìm thấy kết quả" in client.get("/search/", {"q": "zzzqqq"}).content.decode()


def test_the_search_page_needs_a_sign_in(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/search/", {"q": "mimasaka"}).status_code == 302
