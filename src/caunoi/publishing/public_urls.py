"""The news pages of the public website, under the portal's `/cong-khai/<office>/` (see caunoi/urls.py)."""

from django.urls import path

from caunoi.publishing import feeds, public_views

app_name = "news"
urlpatterns = [
    path("<slug:code>/tin-tuc/", public_views.news_list, name="list"),
    path("<slug:code>/tin-tuc/feed.xml", feeds.NewsFeed(), name="feed"),
    path("<slug:code>/tin-tuc/<int:pk>/", public_views.article_page, name="article"),
    path("<slug:code>/tin-tuc/anh/<int:pk>.<slug:ext>", public_views.photo, name="photo"),
    path("<slug:code>/trang/<slug:slug>/", public_views.page, name="page"),
    path("<slug:code>/ban-tin/", public_views.bulletins, name="bulletins"),
    path("<slug:code>/ban-tin/<str:number>.pdf", public_views.bulletin_pdf, name="bulletin-pdf"),
]
