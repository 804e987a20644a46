from django.urls import path

from caunoi.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.national, name="national"),
    path("cot-du-lieu.html", views.columns, name="columns"),
    path("cot-du-lieu.csv", views.columns_csv, name="columns-csv"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("<slug:code>/", views.office_portal, name="office"),
    path("<slug:code>/sitemap.xml", views.office_sitemap, name="office-sitemap"),
    path("<slug:code>/khoan/<int:pk>/", views.item_page, name="item"),
    path("<slug:code>/tai-ve.<str:fmt>", views.download, name="download"),
]
