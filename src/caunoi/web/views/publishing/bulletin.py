"""Channels (where articles appear) and bulletin issues (compose, print to PDF)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import visible_offices
from caunoi.publishing.bulletin_pdf import file_name, render_bulletin_pdf
from caunoi.publishing.models import Article, ArticleStatus, BulletinIssue, Channel
from caunoi.publishing.services import bulletin as services
from caunoi.publishing.services import channels as channel_services
from caunoi.web.publishing_forms import ChannelForm, IssueArticlesForm, IssueForm
from caunoi.web.views.common import flash_rule_errors, get_visible
from caunoi.web.views.publishing.common import attempt, crumbs, editable_offices, rights


def _usual(request: HttpRequest, office: Office) -> None:
    def call() -> list[Channel]:
        return channel_services.ensure_channels(office, actor=request.user)

    attempt(request, call)


@login_required
def channel_list(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = ChannelForm(request.POST or None, offices=offices)
    if request.method == "POST" and offices.exists():
        if "usual" in request.POST:
            for office in offices:
                _usual(request, office)
            return redirect("web:pub-channel-list")
        if form.is_valid():
            data = form.cleaned_data
            ok, _done = attempt(
                request,
                lambda: channel_services.create_channel(
                    data["office"], data["name"], url=data["url"], actor=request.user
                ),
                form=form,
            )
            if ok:
                messages.success(request, _("Đã thêm kênh."))
                return redirect("web:pub-channel-list")
    channels = Channel.objects.filter(office__in=visible_offices(request.user), archived_at__isnull=True)
    title = _("Kênh đăng tải")
    return render(
        request,
        "web/publishing/channel_list.html",
        {
            "channels": channels.select_related("office"),
            "form": form if offices.exists() else None,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
        },
        status=400 if form.errors else 200,
    )


@login_required
def issue_list(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = IssueForm(request.POST or None, offices=offices)
    if request.method == "POST" and offices.exists() and form.is_valid():
        data = form.cleaned_data
        ok, issue = attempt(
            request,
            lambda: services.create_issue(
                data["office"],
                data["number"],
                data["issued_on"],
                editorial_board=data["editorial_board"],
                contacts=data["contacts"],
                actor=request.user,
            ),
            form=form,
        )
        if ok and issue is not None:
            return redirect("web:pub-issue-detail", pk=issue.pk)
    issues = BulletinIssue.objects.filter(office__in=visible_offices(request.user), archived_at__isnull=True)
    title = _("Bản tin Hợp tác – Hữu nghị")
    return render(
        request,
        "web/publishing/issue_list.html",
        {
            "issues": issues.select_related("office").prefetch_related("entries"),
            "form": form if offices.exists() else None,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
        },
        status=400 if form.errors else 200,
    )


def _published(issue: BulletinIssue) -> list[Article]:
    return list(
        Article.objects.filter(
            office=issue.office, status=ArticleStatus.PUBLISHED, archived_at__isnull=True
        ).order_by("-published_at", "-id")
    )


@login_required
def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_visible(BulletinIssue.objects.select_related("office"), request, pk)
    allowed = rights(request.user, issue.office)
    chosen = {e.article_id: e.position for e in issue.entries.all()}
    form = IssueArticlesForm(request.POST or None, articles=_published(issue), chosen=chosen)
    if request.method == "POST" and form.is_valid():
        ok, _done = attempt(
            request, lambda: services.set_articles(issue, form.ordered(), actor=request.user), form=form
        )
        if ok:
            messages.success(request, _("Đã lưu các bài của số bản tin."))
            return redirect("web:pub-issue-detail", pk=issue.pk)
    title = _("%(title)s, số %(number)s") % {"title": issue.title, "number": issue.number}
    return render(
        request,
        "web/publishing/issue_detail.html",
        {
            "issue": issue,
            "entries": issue.entries.select_related("article").order_by("position"),
            "form": form if allowed["can_edit"] else None,
            "title": title,
            "breadcrumbs": crumbs(
                (_("Bản tin Hợp tác – Hữu nghị"), reverse("web:pub-issue-list")), (title, None)
            ),
            **allowed,
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def issue_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    issue = get_visible(BulletinIssue.objects.select_related("office"), request, pk)
    try:
        content = render_bulletin_pdf(issue)
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect("web:pub-issue-detail", pk=issue.pk)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name(issue)}"'
    return response
