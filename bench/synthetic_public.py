"""What the public website shows, added to the synthetic national ledger (bench/synthetic.py) for
bench/bench_public.py: one approved item in PUBLIC_EVERY marked public, and for each office
ARTICLES_PER_OFFICE published articles (each about two of its public items) and a few drafts that must never
show. Deterministic (by row id and index, no random draw), written in bulk (no signals: the ledger marks are
renewed once at the end), and idempotent. The other benchmarks never run it, so what they measure is as
before.

    python bench/synthetic_public.py      # after bench/synthetic.py, in a process whose DATABASE_URL is set
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import setup_django
from synthetic import NATIONAL_CODE, STAMP

PUBLIC_EVERY = 5  # a fifth of the approved items on the portal
ARTICLES_PER_OFFICE = 40
DRAFTS_PER_OFFICE = 5
PARAGRAPHS = 6
TITLE = "Tin tổng hợp"


def generate() -> dict[str, Any]:
    from django.db import transaction
    from django.db.models import F

    from caunoi.aid.lifecycle import APPROVED_STATUSES
    from caunoi.aid.models import AidItem
    from caunoi.core import marks
    from caunoi.core.models import Office
    from caunoi.publishing.models import Article, ArticleStatus

    started = time.perf_counter()
    if Article.objects.filter(title__startswith=TITLE).exists():
        return {"created": False, "seconds": 0.0}
    with transaction.atomic():
        marked = (
            AidItem.objects.filter(status__in=list(APPROVED_STATUSES), archived_at__isnull=True)
            .alias(turn=F("id") % PUBLIC_EVERY)
            .filter(turn=0)
            .update(is_public=True)
        )
        articles: list[Article] = []
        offices = list(Office.objects.filter(successor__code=NATIONAL_CODE).order_by("code"))
        for office in offices:
            for n in range(ARTICLES_PER_OFFICE + DRAFTS_PER_OFFICE):
                published = n < ARTICLES_PER_OFFICE
                on = STAMP - dt.timedelta(days=7 * n)
                body = "".join(
                    f"<p>Đoàn công tác của {office.name} làm việc với đối tác, đoạn {p + 1} của tin số {n + 1}: "
                    "trao đổi về các khoản viện trợ, hợp tác giáo dục, y tế và nông nghiệp.</p>"
                    for p in range(PARAGRAPHS)
                )
                articles.append(
                    Article(
                        office=office,
                        title=f"{TITLE} số {n + 1} của {office.code}" + ("" if published else " (bản nháp)"),
                        title_en=f"Synthetic story {n + 1} of {office.code}" if n % 2 == 0 else "",
                        summary=f"Tóm tắt tin số {n + 1}: hoạt động đối ngoại nhân dân của {office.name}.",
                        body=body,
                        author="Ban Thông tin (tổng hợp)",
                        status=ArticleStatus.PUBLISHED if published else ArticleStatus.DRAFT,
                        approved_at=on if published else None,
                        published_at=on if published else None,
                        created_at=on,
                        updated_at=on,
                    )
                )
        Article.objects.bulk_create(articles, batch_size=500)
        # Each published article is about two of its office's public items.
        public = {
            office.pk: list(
                AidItem.objects.filter(office=office, is_public=True)
                .order_by("id")
                .values_list("id", flat=True)
            )
            for office in offices
        }
        links = []
        through = Article.aid_items.through
        for article in Article.objects.filter(title__startswith=TITLE, status=ArticleStatus.PUBLISHED):
            ids = public[article.office_id]
            for k in range(min(2, len(ids))):
                links.append(through(article_id=article.pk, aiditem_id=ids[(article.pk * 2 + k) % len(ids)]))
        through.objects.bulk_create(links, batch_size=1000)
    marks.touch_all()  # bulk writes send no signal
    return {
        "created": True,
        "public_items": marked,
        "articles": len(articles),
        "seconds": time.perf_counter() - started,
    }


def main() -> None:
    setup_django()
    print(json.dumps(generate()))


if __name__ == "__main__":
    main()
