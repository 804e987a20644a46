"""The channels an office keeps (where its articles appear) and each article's placements on them."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.publishing import messages as m
from caunoi.publishing.models import Article, Channel, Placement
from caunoi.publishing.services.common import clean_url, not_archived, not_in_future, required_text
from caunoi.relations.dates import vn_date

# The channels of the source document (Yên Bái's 2022 report): the union's own site first. An office renames,
# adds or archives them; "Báo Yên Bái/Lào Cai" is the provincial newspaper, named after the office's province
# by whoever sets the office up.
OWN_SITE = "Trang thông tin điện tử của Liên hiệp"
USUAL_CHANNELS = (
    OWN_SITE,
    "Cổng Thông tin đối ngoại",
    "Cổng thông tin điện tử tỉnh",
    "Báo Yên Bái",
    "Báo Lào Cai",
    "Tạp chí Thời đại",
)


@transaction.atomic
def ensure_channels(office: Office, *, actor: Actor) -> list[Channel]:
    """Give an office without channels the usual ones (running it again adds nothing)."""
    authorize(actor, Action.EDIT, office)
    existing = list(Channel.objects.filter(office=office))
    if not existing:
        for position, name in enumerate(USUAL_CHANNELS):
            channel = Channel(office=office, name=name, is_own_site=name == OWN_SITE, position=position)
            audit.save(channel, actor)
            existing.append(channel)
    return existing


def own_site(office: Office, *, actor: Actor) -> Channel:
    """The office's own site (created with the usual channels when the office has none)."""
    ensure_channels(office, actor=actor)
    site = Channel.objects.filter(office=office, is_own_site=True, archived_at__isnull=True).first()
    if site is None:
        site = Channel(office=office, name=OWN_SITE, is_own_site=True)
        if Channel.objects.filter(office=office, name=OWN_SITE).exists():
            site.name = f"{OWN_SITE} ({office.code})"
        audit.save(site, actor)
    return site


@transaction.atomic
def create_channel(office: Office, name: str, *, url: str = "", actor: Actor) -> Channel:
    authorize(actor, Action.EDIT, office)
    clean = required_text(name, pgettext_lazy("in a rule message", "tên kênh"), "name")
    if Channel.objects.filter(office=office, name__iexact=clean).exists():
        raise m.CHANNEL_EXISTS(field="name", name=clean)
    position = Channel.objects.filter(office=office).count()
    channel = Channel(office=office, name=clean, url=clean_url(url), position=position)
    audit.save(channel, actor)
    return channel


def channel_named(office: Office, name: str) -> Channel:
    channel = Channel.objects.filter(office=office, name__iexact=nfc(name), archived_at__isnull=True).first()
    if channel is None:
        raise m.CHANNEL_UNKNOWN(field="channel", name=name, office=office.code)
    return channel


@transaction.atomic
def add_placement(
    article: Article,
    channel: Channel,
    appeared_on: dt.date,
    *,
    issue: str = "",
    url: str = "",
    actor: Actor,
) -> Placement:
    """Record that a published article appeared on an external channel (a portal, a newspaper's issue)."""
    authorize(actor, Action.EDIT, article.office)
    not_archived(article)
    ensure_same_office(channel, article.office, "channel")
    not_archived(channel)
    if article.published_at is None:
        raise m.NOT_PUBLISHED(field="article", title=article.title)
    if channel.is_own_site:
        raise m.OWN_SITE_AUTOMATIC(field="channel")
    not_in_future(appeared_on, "appeared_on")
    approved = article.approved_at.date() if article.approved_at else None
    if approved and appeared_on < approved:
        raise m.PLACEMENT_BEFORE_PUBLISHED(
            field="appeared_on", on=vn_date(appeared_on), approved=vn_date(approved)
        )
    placement = Placement(
        article=article, channel=channel, appeared_on=appeared_on, issue=nfc(issue), url=clean_url(url)
    )
    audit.save(placement, actor)
    return placement


@transaction.atomic
def archive_placement(placement: Placement, *, actor: Actor) -> Placement:
    """A placement recorded by mistake leaves the counts; it stays, with its history."""
    from django.utils import timezone

    authorize(actor, Action.ARCHIVE, placement.article.office)
    placement.archived_at = timezone.now()
    audit.save(placement, actor)
    return placement
