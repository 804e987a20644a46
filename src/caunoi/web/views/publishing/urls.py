"""The external-information pages, under /publishing/ in the web application's namespace ("web:pub-…")."""

from django.urls import path

from caunoi.web.views.publishing import articles, bulletin, pages

urlpatterns = [
    path("", articles.article_list, name="pub-article-list"),
    path("new/", articles.article_create, name="pub-article-create"),
    path("<int:pk>/", articles.article_detail, name="pub-article-detail"),
    path("<int:pk>/edit/", articles.article_edit, name="pub-article-edit"),
    path("<int:pk>/step/<slug:step>/", articles.article_step, name="pub-article-step"),
    path("<int:pk>/tags/", articles.article_tags, name="pub-article-tags"),
    path("<int:pk>/images/", articles.article_image, name="pub-article-image"),
    path("<int:pk>/images/<int:image>/", articles.article_image_file, name="pub-article-image-file"),
    path("<int:pk>/placements/", articles.article_placement, name="pub-article-placement"),
    path("<int:pk>/archive/", articles.article_archive, name="pub-article-archive"),
    path("pages/", pages.page_list, name="pub-page-list"),
    path("pages/new/", pages.page_create, name="pub-page-create"),
    path("pages/<int:pk>/", pages.page_edit, name="pub-page-edit"),
    path("pages/<int:pk>/publish/", pages.page_publish, name="pub-page-publish"),
    path("channels/", bulletin.channel_list, name="pub-channel-list"),
    path("bulletin/", bulletin.issue_list, name="pub-issue-list"),
    path("bulletin/<int:pk>/", bulletin.issue_detail, name="pub-issue-detail"),
    path("bulletin/<int:pk>/pdf/", bulletin.issue_pdf, name="pub-issue-pdf"),
]
