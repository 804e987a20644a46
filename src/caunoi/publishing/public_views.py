"""The news pages of an office's public website, no sign-in: the news list, an article, its photos, the bulletin
archive and an issue's PDF. Everything is read through `caunoi.publishing.public`, which keeps out whatever is
not published."""

from __future__ import annotations

import mimetypes

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.core.errors import RuleError
from caunoi.core.models import Office
from caunoi.portal.kept import kept_public_page
from caunoi.portal.views import office_name
from caunoi.publishing import public
from caunoi.publishing.bulletin_pdf import file_name, render_bulletin_pdf
from caunoi.publishing.models import ArticleImage

PER_PAGE = 10
TAG_LABELS = {
    "events": gettext_lazy("Hoạt động"),
    "partners": gettext_lazy("Đối tác"),
    "associations": gettext_lazy("Hội hữu nghị"),
    "aid": gettext_lazy("Khoản viện trợ"),
    "people": gettext_lazy("Cá nhân"),
}


def _office(code: str) -> Office:
    return get_object_or_404(Office, code=code)


def _context(office: Office, title: str) -> dict[str, object]:
    return {"office": office, "office_name": office_name(office), "title": title}


@kept_public_page("news-list")
def news_list(request: HttpRequest, code: str) -> HttpResponse:
    office = _office(code)
    page = Paginator(public.listed_articles(office), PER_PAGE).get_page(request.GET.get("page"))
    context = _context(office, _("Tin tức"))
    context.update(
        page=page,
        entries=[
            (public.shown(a), a.published_at, public.public_photos(a).first()) for a in page.object_list
        ],
    )
    return render(request, "publishing/public/list.html", context)


@kept_public_page("article")
def article_page(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    office = _office(code)
    article = public.public_articles(office).filter(pk=pk).first()
    if article is None:
        raise Http404
    shown = public.shown(article)
    photos = list(public.public_photos(article))
    # Event titles are recorded in Vietnamese only: marked so, for a screen reader on an English page.
    tags = [
        (str(TAG_LABELS[kind]), names, "vi" if kind == "events" else "")
        for kind, names in public.public_tags(article)
    ]
    context = _context(office, shown.title.text)
    context.update(shown=shown, article=article, photos=photos, tags=tags)
    return render(request, "publishing/public/article.html", context)


@kept_public_page("page")
def page(request: HttpRequest, code: str, slug: str) -> HttpResponse:
    """A page the office edits (about the union, leadership, contacts), while it is published."""
    office = _office(code)
    found = public.public_pages(office).filter(slug=slug).first()
    if found is None:
        raise Http404
    title = public.page_title(found)
    context = _context(office, title.text)
    context.update(page=found, page_title=title, body=public.page_body(found))
    return render(request, "publishing/public/page.html", context)


def photo(request: HttpRequest, code: str, pk: int, ext: str) -> FileResponse:
    """A photo of a public article (never one of an unpublished article, nor an archived photo)."""
    office = _office(code)
    image = ArticleImage.objects.filter(
        pk=pk, archived_at__isnull=True, article__in=public.public_articles(office).values("pk")
    ).first()
    if image is None or not image.file or ext != public.photo_ext(image):
        raise Http404
    kind = mimetypes.guess_type(image.file.name or "")[0] or "image/jpeg"
    return FileResponse(image.file.open("rb"), content_type=kind)


@kept_public_page("bulletins")
def bulletins(request: HttpRequest, code: str) -> HttpResponse:
    office = _office(code)
    context = _context(office, _("Bản tin"))
    context.update(issues=list(public.public_issues(office)))
    return render(request, "publishing/public/bulletins.html", context)


def bulletin_pdf(request: HttpRequest, code: str, number: str) -> HttpResponse:
    office = _office(code)
    issue = public.public_issues(office).filter(number=number).first()
    if issue is None:
        raise Http404
    try:
        content = render_bulletin_pdf(issue, published_only=True)
    except RuleError:
        raise Http404 from None  # no public article left, or no PDF engine: nothing to show the public
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{file_name(issue)}"'
    return response
