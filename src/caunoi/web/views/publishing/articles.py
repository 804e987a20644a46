"""Articles: list, create, edit, page (texts, photos, tags, placements, workflow buttons), the steps."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.audit import archive
from caunoi.core.permissions import visible_offices
from caunoi.publishing.models import Article, ArticleStatus
from caunoi.publishing.services import articles as services
from caunoi.publishing.services import channels as channel_services
from caunoi.publishing.services import images as image_services
from caunoi.web.publishing_forms import (
    ArticleForm,
    ImageForm,
    PlacementForm,
    ReasonForm,
    StatusFilterForm,
    TagsForm,
)
from caunoi.web.views.common import edit_page, get_visible
from caunoi.web.views.publishing.common import attempt, crumbs, editable_offices, flash_form_errors, rights
from caunoi.web.views.relations.common import file_response

TEXTS = ("title", "summary", "body", "author", "title_en", "summary_en", "body_en")
DETAIL = Article.objects.select_related(
    "office", "submitted_by", "approved_by", "published_by", "unpublished_by"
)


@login_required
def article_list(request: HttpRequest) -> HttpResponse:
    form = StatusFilterForm(request.GET or None)
    found = Article.objects.filter(office__in=visible_offices(request.user), archived_at__isnull=True)
    if form.is_valid() and form.cleaned_data.get("status"):
        found = found.filter(status=form.cleaned_data["status"])
    title = _("Tin bài")
    return render(
        request,
        "web/publishing/article_list.html",
        {
            "form": form,
            "articles": found.select_related("office").order_by("-created_at", "-id")[:500],
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


@login_required
@edit_page()
def article_create(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None, offices=editable_offices(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, article = attempt(
            request,
            lambda: services.create_article(
                data["office"], **{k: data[k] for k in TEXTS}, actor=request.user
            ),
            form=form,
        )
        if ok and article is not None:
            messages.success(request, _("Đã lưu bản nháp tin bài."))
            return redirect("web:pub-article-detail", pk=article.pk)
    title = _("Viết tin bài")
    return render(
        request,
        "web/relations/form.html",
        {
            "form": form,
            "title": title,
            "cancel": reverse("web:pub-article-list"),
            "breadcrumbs": crumbs((title, None)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@edit_page("publishing.Article")
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_visible(DETAIL, request, pk)
    initial = {name: getattr(article, name) for name in TEXTS}
    form = ArticleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, _saved = attempt(
            request,
            lambda: services.update_article(article, **{k: data[k] for k in TEXTS}, actor=request.user),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã lưu tin bài."))
            return redirect("web:pub-article-detail", pk=article.pk)
    title = _("Sửa tin bài")
    return render(
        request,
        "web/relations/form.html",
        {
            "form": form,
            "title": title,
            "cancel": reverse("web:pub-article-detail", args=[article.pk]),
            "breadcrumbs": crumbs(
                (article.title, reverse("web:pub-article-detail", args=[article.pk])), (title, None)
            ),
        },
        status=400 if form.errors else 200,
    )


@login_required
def article_detail(request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
    article = get_visible(DETAIL, request, pk)
    allowed = rights(request.user, article.office)
    live = article.status != ArticleStatus.PUBLISHED and article.archived_at is None
    context: dict[str, Any] = {
        "article": article,
        "body": mark_safe(article.body),  # sanitised by nh3 when saved
        "body_en": mark_safe(article.body_en),
        "images": article.images.filter(archived_at__isnull=True),
        "placements": article.placements.filter(archived_at__isnull=True).select_related("channel"),
        "tags": [
            (
                _("Hoạt động"),
                [(e.title, reverse("web:rel-event-detail", args=[e.pk])) for e in article.events.all()],
            ),
            (
                _("Đối tác"),
                [
                    (p.organisation.name, reverse("web:rel-partner-detail", args=[p.pk]))
                    for p in article.partnerships.select_related("organisation")
                ],
            ),
            (
                _("Thỏa thuận"),
                [
                    (a.title, reverse("web:rel-agreement-detail", args=[a.pk]))
                    for a in article.agreements.all()
                ],
            ),
            (
                _("Hội hữu nghị"),
                [
                    (a.name, reverse("web:rel-association-detail", args=[a.pk]))
                    for a in article.associations.all()
                ],
            ),
            (
                _("Khoản viện trợ"),
                [
                    (f"{i.code} — {i.title}", reverse("web:aid-detail", args=[i.pk]))
                    for i in article.aid_items.all()
                ],
            ),
            (
                _("Cá nhân"),
                [(p.name, reverse("web:rel-person-detail", args=[p.pk])) for p in article.people.all()],
            ),
        ],
        "tags_form": TagsForm(article=article)
        if allowed["can_edit"] and article.archived_at is None
        else None,
        "image_form": ImageForm() if allowed["can_edit"] and live else None,
        "placement_form": (
            PlacementForm(office=article.office)
            if allowed["can_edit"] and article.published_at is not None
            else None
        ),
        "reason_form": ReasonForm(),
        "title": article.title,
        "breadcrumbs": crumbs((article.title, None)),
        **allowed,
    }
    context.update(forms)
    return render(request, "web/publishing/article_detail.html", context, status=400 if forms else 200)


STEPS = {
    "submit": lambda article, user, reason: services.submit(article, actor=user),
    "approve": lambda article, user, reason: services.approve(article, actor=user),
    "return": lambda article, user, reason: services.return_to_draft(article, reason, actor=user),
    "publish": lambda article, user, reason: services.publish(article, actor=user),
    "unpublish": lambda article, user, reason: services.unpublish(article, reason, actor=user),
}


@login_required
@require_POST
def article_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    article = get_visible(DETAIL, request, pk)
    if step not in STEPS:
        raise Http404
    reason = request.POST.get("reason", "")
    ok, _done = attempt(request, lambda: STEPS[step](article, request.user, reason))
    if ok:
        messages.success(
            request,
            _("Đã chuyển tin bài sang trạng thái “%(status)s”.") % {"status": article.get_status_display()},
        )
    return redirect("web:pub-article-detail", pk=article.pk)


@login_required
@require_POST
def article_tags(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_visible(DETAIL, request, pk)
    form = TagsForm(request.POST, article=article)
    if form.is_valid():
        data = form.cleaned_data
        ok, _done = attempt(
            request, lambda: services.set_tags(article, **data, actor=request.user), form=form
        )
        if ok:
            messages.success(request, _("Đã lưu các liên kết của tin bài."))
            return redirect("web:pub-article-detail", pk=article.pk)
    return article_detail(request, pk, tags_form=form)


@login_required
@require_POST
def article_image(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_visible(DETAIL, request, pk)
    form = ImageForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        ok, _done = attempt(
            request,
            lambda: image_services.add_image(
                article,
                data["file"],
                caption=data["caption"],
                alt_text=data["alt_text"],
                credit=data["credit"],
                actor=request.user,
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã thêm ảnh."))
            return redirect("web:pub-article-detail", pk=article.pk)
    return article_detail(request, pk, image_form=form)


@login_required
def article_image_file(request: HttpRequest, pk: int, image: int) -> HttpResponseBase:
    article = get_visible(Article.objects.all(), request, pk)
    found = article.images.filter(pk=image, archived_at__isnull=True).first()
    if found is None:
        raise Http404
    return file_response(found.file, inline=True)


@login_required
@require_POST
def article_placement(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_visible(DETAIL, request, pk)
    form = PlacementForm(request.POST, office=article.office)
    if form.is_valid():
        data = form.cleaned_data
        ok, _done = attempt(
            request,
            lambda: channel_services.add_placement(
                article,
                data["channel"],
                data["appeared_on"],
                issue=data["issue"],
                url=data["url"],
                actor=request.user,
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã ghi nơi đăng."))
            return redirect("web:pub-article-detail", pk=article.pk)
    else:
        flash_form_errors(request, form)
    return article_detail(request, pk, placement_form=form)


@login_required
@require_POST
def article_archive(request: HttpRequest, pk: int) -> HttpResponse:
    """Archive, never delete: the article leaves the lists and the counts, and stays with its history."""
    article = get_visible(DETAIL, request, pk)
    ok, _done = attempt(request, lambda: archive(article, actor=request.user))
    if ok:
        messages.success(request, _("Đã lưu trữ tin bài."))
        return redirect("web:pub-article-list")
    return redirect("web:pub-article-detail", pk=article.pk)
