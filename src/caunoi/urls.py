from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    # Browsers and readers of the API docs ask for /favicon.ico whatever the page declares: answer with the icon.
    path("favicon.ico", RedirectView.as_view(url=static("caunoi/favicon.svg"), permanent=True)),
    path("api/v1/", include("caunoi.api.urls", namespace="api")),
    # The open aid portal: public, no sign-in (`caunoi.portal`).
    path("cong-khai/", include("caunoi.portal.urls")),
    # Its news pages (`caunoi.publishing`), in the same URL space: /cong-khai/<office>/tin-tuc/, /ban-tin/.
    path("cong-khai/", include("caunoi.publishing.public_urls")),
    path("", include("caunoi.web.urls")),
]

handler400 = "caunoi.web.views.errors.bad_request"
handler403 = "caunoi.web.views.errors.permission_denied"
handler500 = "caunoi.web.views.errors.server_error"
