"""The year's external-information figures, computed from records: what the annual report says and lists.

An article counts for a channel in a year when a live placement of it on that channel is dated in the year
(its own-site placement is dated the day it was published); an archived article or placement counts nowhere.
A bulletin issue counts in the year it is dated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from caunoi.core.models import Office
from caunoi.publishing.models import BulletinIssue, Channel, Placement


@dataclass(frozen=True)
class ChannelCount:
    channel: str
    articles: int


@dataclass
class ArticleRow:
    title: str
    author: str
    first_on: dt.date
    channels: list[str] = field(default_factory=list)  # "Báo Yên Bái (số 1234)", in order of appearance


@dataclass(frozen=True)
class IssueRow:
    number: str
    issued_on: dt.date
    articles: int


@dataclass
class ExternalInformation:
    year: int
    per_channel: list[ChannelCount]
    articles: list[ArticleRow]
    bulletins: list[IssueRow]

    @property
    def empty(self) -> bool:
        return not self.articles and not self.bulletins


def _placements(offices: list[Office], year: int) -> list[Placement]:
    return list(
        Placement.objects.filter(
            article__office__in=offices,
            article__archived_at__isnull=True,
            archived_at__isnull=True,
            channel__archived_at__isnull=True,
            appeared_on__year=year,
        )
        .select_related("article", "channel")
        .order_by("appeared_on", "article_id", "id")
    )


def external_information(offices: list[Office], year: int) -> ExternalInformation:
    placements = _placements(offices, year)
    rows: dict[int, ArticleRow] = {}
    per_channel: dict[int, set[int]] = {}
    for p in placements:
        row = rows.setdefault(p.article_id, ArticleRow(p.article.title, p.article.author, p.appeared_on))
        where = f"{p.channel.name} (số {p.issue})" if p.issue else p.channel.name
        if where not in row.channels:
            row.channels.append(where)
        per_channel.setdefault(p.channel_id, set()).add(p.article_id)
    channels = Channel.objects.filter(pk__in=per_channel).order_by("position", "name")
    issues = (
        BulletinIssue.objects.filter(office__in=offices, archived_at__isnull=True, issued_on__year=year)
        .prefetch_related("entries")
        .order_by("issued_on", "id")
    )
    return ExternalInformation(
        year=year,
        per_channel=[ChannelCount(c.name, len(per_channel[c.pk])) for c in channels],
        articles=list(rows.values()),
        bulletins=[IssueRow(i.number, i.issued_on, len(i.entries.all())) for i in issues],
    )
