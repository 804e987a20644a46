"""Articles (tin bài) with their photos, the records they are about, and their publication workflow.

Workflow: draft → submitted → approved (by an approver: Action.DECIDE) → published; a published article can be
unpublished with a reason, and an unpublished (or sent back) one returns to draft when edited. Who did each step
and when is kept on the article (the latest step) and in its history (every step).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned, office_key


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Bản nháp")
    SUBMITTED = "submitted", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    PUBLISHED = "published", _("Đã đăng")
    UNPUBLISHED = "unpublished", _("Đã gỡ")


def _user(verbose: Any) -> models.ForeignKey[Any, Any]:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=verbose,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )


class Article(OfficeOwned):
    office = office_key(db_index=False)  # indexed by (office, status), which begins with it
    title = models.CharField(_("tiêu đề"), max_length=500)
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = models.TextField(_("nội dung"), blank=True)  # HTML, sanitised by caunoi.publishing.sanitize
    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=500, blank=True)
    summary_en = models.TextField(_("tóm tắt tiếng Anh"), blank=True)
    body_en = models.TextField(_("nội dung tiếng Anh"), blank=True)
    author = models.CharField(_("tác giả"), max_length=200)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("trình duyệt lúc"), null=True, blank=True)
    submitted_by = _user(_("người trình"))
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    approved_by = _user(_("người duyệt"))
    published_at = models.DateTimeField(_("đăng lúc"), null=True, blank=True)
    published_by = _user(_("người đăng"))
    unpublished_at = models.DateTimeField(_("gỡ lúc"), null=True, blank=True)
    unpublished_by = _user(_("người gỡ"))
    unpublish_reason = models.CharField(_("lý do gỡ"), max_length=500, blank=True)
    returned_reason = models.CharField(_("lý do trả lại"), max_length=500, blank=True)
    # What the article is about: explicit links, so that a record's page can list its articles in one query.
    events = models.ManyToManyField(
        "relations.Event", verbose_name=_("hoạt động"), blank=True, related_name="articles"
    )
    partnerships = models.ManyToManyField(
        "relations.Partnership", verbose_name=_("đối tác"), blank=True, related_name="articles"
    )
    agreements = models.ManyToManyField(
        "relations.Agreement", verbose_name=_("thỏa thuận"), blank=True, related_name="articles"
    )
    associations = models.ManyToManyField(
        "relations.Association", verbose_name=_("hội hữu nghị"), blank=True, related_name="articles"
    )
    aid_items = models.ManyToManyField(
        "aid.AidItem", verbose_name=_("khoản viện trợ"), blank=True, related_name="articles"
    )
    # Named people: only with their consent to be named (enforced by the services, see caunoi.publishing.consent).
    people = models.ManyToManyField(
        "relations.Person", verbose_name=_("cá nhân được nêu tên"), blank=True, related_name="articles"
    )
    is_illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)
    history = HistoricalRecords(
        m2m_fields=[events, partnerships, agreements, associations, aid_items, people]
    )

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        ordering = ["office", "-published_at", "-created_at", "-id"]
        indexes = [models.Index(fields=["office", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == ArticleStatus.PUBLISHED


class ArticleImage(models.Model):
    """A photo of an article, stored resized and without its EXIF data (caunoi.publishing.images)."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="images")
    file = models.FileField(_("ảnh"), upload_to="publishing/images/%Y/")
    width = models.PositiveIntegerField(_("rộng (px)"))
    height = models.PositiveIntegerField(_("cao (px)"))
    caption = models.CharField(_("chú thích"), max_length=500)
    credit = models.CharField(_("nguồn ảnh"), max_length=200, blank=True)
    alt_text = models.CharField(_("mô tả ảnh (cho người khiếm thị)"), max_length=300)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ảnh tin bài")
        verbose_name_plural = _("ảnh tin bài")
        ordering = ["article", "position", "id"]

    def __str__(self) -> str:
        return self.caption
