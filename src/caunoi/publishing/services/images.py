"""Article photos: uploaded, cleaned (caunoi.publishing.images), captioned with consent."""

from __future__ import annotations

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import pgettext_lazy

from caunoi.core import audit
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.text import nfc
from caunoi.publishing import consent
from caunoi.publishing import messages as m
from caunoi.publishing.images import prepare
from caunoi.publishing.models import Article, ArticleImage, ArticleStatus
from caunoi.publishing.services.common import not_archived, required_text, today


def _texts(caption: str, alt_text: str) -> tuple[str, str]:
    return (
        required_text(caption, pgettext_lazy("in a rule message", "chú thích ảnh"), "caption"),
        required_text(alt_text, pgettext_lazy("in a rule message", "mô tả ảnh"), "alt_text"),
    )


def add_image(
    article: Article,
    upload: File,
    *,
    caption: str,
    alt_text: str,
    credit: str = "",
    actor: Actor,
) -> ArticleImage:
    """Every check runs before the file is written: a refused photo leaves neither a row nor a file."""
    authorize(actor, Action.EDIT, article.office)
    not_archived(article)
    if article.status == ArticleStatus.PUBLISHED:
        raise m.PUBLISHED_LOCKED(title=article.title)
    caption, alt_text = _texts(caption, alt_text)
    consent.check_caption(caption, list(article.people.all()), article.office_id, today())
    prepared = prepare(upload)
    with transaction.atomic():
        image = ArticleImage(
            article=article,
            caption=caption,
            alt_text=alt_text,
            credit=nfc(credit),
            width=prepared.width,
            height=prepared.height,
            position=article.images.count(),
        )
        image.file.save(prepared.name, prepared.content, save=False)
        try:
            audit.save(image, actor)
        except BaseException:
            image.file.delete(save=False)
            raise
    return image


@transaction.atomic
def update_image(
    image: ArticleImage, *, caption: str, alt_text: str, credit: str = "", actor: Actor
) -> ArticleImage:
    article = image.article
    authorize(actor, Action.EDIT, article.office)
    not_archived(image)
    if article.status == ArticleStatus.PUBLISHED:
        raise m.PUBLISHED_LOCKED(title=article.title)
    image.caption, image.alt_text = _texts(caption, alt_text)
    image.credit = nfc(credit)
    consent.check_caption(image.caption, list(article.people.all()), article.office_id, today())
    audit.save(image, actor)
    return image


@transaction.atomic
def archive_image(image: ArticleImage, *, actor: Actor) -> ArticleImage:
    from django.utils import timezone

    authorize(actor, Action.ARCHIVE, image.article.office)
    image.archived_at = timezone.now()
    audit.save(image, actor)
    return image
