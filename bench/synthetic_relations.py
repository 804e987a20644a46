"""Synthetic people's-diplomacy records beside the synthetic aid ledger (bench/synthetic.py), for the search
benchmark: partner localities and their partnerships, agreements, events, friendship associations, people,
and documents of the aid items.

Per office at scale 1×: 40 partners (each a partnership), 120 agreements, 1.200 events, 8 associations, 600
people; one document for every fifth aid item. Names are drawn from real partner localities and the
office's own communes, so a query like "mimasaka" or "mu cang chai" matches across kinds as it would in a
union's records. Deterministic for a given seed; written once (a second run adds nothing). Rows go in with
bulk_create, which calls no save(): the folded `search_text` is set here, as each model's save() would.

    python bench/synthetic_relations.py --scale 0.25     # after bench/synthetic.py; prints JSON
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import setup_django
from synthetic import Writer

PER_OFFICE_1X = {"partners": 40, "agreements": 120, "events": 1200, "associations": 8, "people": 600}
ITEMS_PER_DOCUMENT = 5
SEED = 20_260_102
MARK = "Hội hữu nghị tổng hợp"  # every synthetic association's name begins so: the "already written" test

LOCALITIES = [
    ("Mimasaka", "JP", "city"),
    ("Okayama", "JP", "prefecture"),
    ("Viêng Chăn", "LA", "province"),
    ("Xay Nha Bu Ly", "LA", "province"),
    ("Luang Prabang", "LA", "province"),
    ("Val de Marne", "FR", "region"),
    ("Vân Nam", "CN", "province"),
    ("Quảng Tây", "CN", "province"),
    ("Gyeonggi", "KR", "province"),
    ("Chungcheong Nam", "KR", "province"),
    ("Siem Reap", "KH", "province"),
    ("Chiba", "JP", "prefecture"),
    ("Bretagne", "FR", "region"),
    ("Bavaria", "DE", "state"),
    ("Queensland", "AU", "state"),
    ("Da Nang Sister Cities", "US", "local_org"),
]
FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Lò",
    "Sùng",
    "Giàng",
]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu", "Ngọc", "A", "Seo"]
GIVEN = [
    "Anh",
    "Bình",
    "Chải",
    "Dũng",
    "Hà",
    "Hạnh",
    "Khánh",
    "Lan",
    "Mai",
    "Nam",
    "Phúc",
    "Sơn",
    "Tùng",
    "Vân",
]
EVENT_TITLES = {
    "incoming_delegation": "Đón đoàn {locality} thăm và làm việc tại {place}",
    "outgoing_delegation": "Đoàn công tác của tỉnh thăm {locality}",
    "talks": "Hội đàm với lãnh đạo {locality}",
    "exchange": "Giao lưu hữu nghị với {locality} tại {place}",
    "celebration": "Kỷ niệm ngày thiết lập quan hệ với {locality}",
    "workshop": "Hội thảo quốc tế về hợp tác với {locality}",
    "aid_visit": "Khảo sát khoản viện trợ tại {place}",
    "student_activity": "Hoạt động với lưu học sinh {locality} tại {place}",
    "other": "Hoạt động đối ngoại tại {place}",
}
AGREEMENT_TITLES = {
    "mou": "Biên bản ghi nhớ hợp tác với {locality}",
    "cooperation": "Thỏa thuận hợp tác giữa {province} và {locality}",
    "framework": "Thỏa thuận khung hợp tác giữa {province} và {locality} giai đoạn {start}–{end}",
    "annual_plan": "Kế hoạch hợp tác năm {start} với {locality}",
}
DOCUMENT_TITLES = {
    "proposal": "Đề xuất dự án {code}",
    "decision": "Quyết định phê duyệt khoản viện trợ {code}",
    "report": "Báo cáo tiến độ {code} tại {place}",
    "agreement": "Thỏa thuận viện trợ {code}",
}


def generate(scale: float, seed: int = SEED) -> dict[str, Any]:
    from django.db import transaction

    from caunoi.aid.models import AidItem, ItemDocument
    from caunoi.core.models import Office
    from caunoi.core.text import fold
    from caunoi.directory.models import Organisation, OrgKind
    from caunoi.geography.models import AdminUnit, Level
    from caunoi.relations.models import Agreement, Association, Event, Partnership, Person

    started = time.perf_counter()
    if Association.objects.filter(name__startswith=MARK).exists():
        return {"created": False, "seconds": round(time.perf_counter() - started, 2)}
    rng = random.Random(f"{seed}:relations")
    counts = {kind: max(1, round(n * scale)) for kind, n in PER_OFFICE_1X.items()}
    offices = list(
        Office.objects.filter(successor__isnull=False).select_related("home_province").order_by("code")
    )
    communes: dict[int, list[str]] = {}
    for province_id, name in AdminUnit.objects.filter(level=Level.COMMUNE).values_list("province_id", "name"):
        communes.setdefault(province_id, []).append(name)
    written: dict[str, int] = {}

    def put(model: Any, rows: list[Any]) -> list[Any]:
        for row in rows:
            if hasattr(row, "folded_names"):
                row.search_text = row.folded_names()
        made = model.objects.bulk_create(rows, batch_size=2000)
        written[model.__name__] = written.get(model.__name__, 0) + len(made)
        return made

    with transaction.atomic():
        for office in offices:
            province = office.home_province
            assert province is not None
            places = communes.get(province.pk) or [province.name]
            names = []
            for n in range(counts["partners"]):
                locality, country, level = LOCALITIES[n % len(LOCALITIES)]
                name = f"Chính quyền {locality} — đối tác {n + 1:03d}"
                names.append((locality, country, level, name))
            partners = put(
                Organisation,
                [
                    Organisation(
                        office=office,
                        kind=OrgKind.FOREIGN_LOCALITY,
                        name=name,
                        country=country,
                        is_illustrative=True,
                        search_text=fold(name),
                        name_key=fold(name),
                    )
                    for _locality, country, _level, name in names
                ],
            )
            partnerships = put(
                Partnership,
                [
                    Partnership(
                        office=office,
                        organisation=org,
                        level=level,
                        kind=rng.choice(["twinning", "friendship_cooperation", "cooperation"]),
                        since=dt.date(rng.randrange(1995, 2025), 1, 1),
                        is_illustrative=True,
                    )
                    for org, (_l, _c, level, _n) in zip(partners, names, strict=True)
                ],
            )
            localities = [locality for locality, _c, _l, _n in names]
            agreements = []
            for _ in range(counts["agreements"]):
                k = rng.randrange(len(partnerships))
                kind = rng.choice(list(AGREEMENT_TITLES))
                start = rng.randrange(2010, 2027)
                title = AGREEMENT_TITLES[kind].format(
                    province=province.name, locality=localities[k], start=start, end=start + 3
                )
                agreements.append(
                    Agreement(
                        office=office,
                        title=title,
                        kind=kind,
                        number=f"{rng.randrange(1, 300)}/TTHT",
                        partnership=partnerships[k],
                        signed_on=dt.date(start, rng.randrange(1, 13), rng.randrange(1, 29)),
                        signed_place=rng.choice(places),
                        is_illustrative=True,
                    )
                )
            put(Agreement, agreements)
            events = []
            for _ in range(counts["events"]):
                kind = rng.choice(list(EVENT_TITLES))
                place = rng.choice(places)
                day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4300))
                title = EVENT_TITLES[kind].format(locality=rng.choice(localities), place=place)
                events.append(
                    Event(
                        office=office,
                        title=title,
                        kind=kind,
                        start_on=day,
                        end_on=day,
                        place=place,
                        is_illustrative=True,
                    )
                )
            put(Event, events)
            put(
                Association,
                [
                    Association(
                        office=office,
                        name=f"{MARK} {n + 1} Việt Nam – {LOCALITIES[n % len(LOCALITIES)][0]}",
                        counterpart_country=LOCALITIES[n % len(LOCALITIES)][1],
                        is_illustrative=True,
                    )
                    for n in range(counts["associations"])
                ],
            )
            put(
                Person,
                [
                    Person(
                        office=office,
                        name=" ".join((rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN))),
                        kind=rng.choice(["foreign_student", "overseas_vietnamese", "contact", "member"]),
                        institution=f"Trường Cao đẳng {rng.choice(places)}",
                        is_illustrative=True,
                    )
                    for _ in range(counts["people"])
                ],
            )
        documents = []
        items = AidItem.objects.order_by("pk").values_list("pk", "code", "office__home_province_id")
        for n, (pk, code, province_id) in enumerate(items.iterator(chunk_size=5000)):
            if n % ITEMS_PER_DOCUMENT:
                continue
            kind = rng.choice(list(DOCUMENT_TITLES))
            place = rng.choice(communes.get(province_id) or ["tỉnh"])
            documents.append(
                ItemDocument(
                    item_id=pk,
                    kind=kind,
                    title=DOCUMENT_TITLES[kind].format(code=code, place=place),
                    file=f"aid/2026/{code}.pdf",
                    size=rng.randrange(20_000, 4_000_000),
                )
            )
        put(ItemDocument, documents)
    Writer().analyze()
    return {"created": True, "rows": written, "seconds": round(time.perf_counter() - started, 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    setup_django()
    print(json.dumps(generate(args.scale, args.seed)))


if __name__ == "__main__":
    main()
