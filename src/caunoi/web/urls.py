from django.contrib.auth import views as auth_views
from django.urls import include, path

from caunoi.web.views import (
    accounts,
    aid_detail,
    aid_edit,
    aid_list,
    dashboard,
    documents,
    history,
    home,
    iati_upload,
    organisations,
    reports,
    transactions,
)

app_name = "web"
urlpatterns = [
    path("", home.home, name="home"),
    path("login/", auth_views.LoginView.as_view(template_name="registration/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", accounts.set_language, name="set-language"),
    path("text-size/", accounts.set_text_size, name="set-text-size"),
    path("reminders/", home.reminders, name="reminders"),
    path("aid/", aid_list.aid_list, name="aid-list"),
    path("aid/new/", aid_edit.aid_create, name="aid-create"),
    path("aid/<int:pk>/", aid_detail.aid_detail, name="aid-detail"),
    path("aid/<int:pk>/edit/", aid_edit.aid_edit, name="aid-edit"),
    path("aid/<int:pk>/step/<str:status>/", aid_edit.aid_transition, name="aid-transition"),
    path("aid/<int:pk>/transactions/", aid_edit.aid_add_transaction, name="aid-transaction"),
    path("aid/<int:pk>/sectors/", aid_edit.aid_sectors, name="aid-sectors"),
    path("aid/<int:pk>/places/", aid_edit.aid_places, name="aid-places"),
    path("aid/<int:pk>/participants/", aid_edit.aid_add_participant, name="aid-participant"),
    path("aid/<int:pk>/documents/", aid_edit.aid_upload, name="aid-upload"),
    path("aid/<int:pk>/documents/<int:doc>/", aid_edit.aid_document, name="aid-document"),
    path("aid/<int:pk>/history/", history.item_history, name="aid-history"),
    path("aid/<int:pk>/<str:action>/", aid_edit.aid_archive, name="aid-archive"),
    path("history/user/<int:user_id>/", history.user_history, name="user-history"),
    path("organisations/", organisations.organisation_list, name="organisation-list"),
    path("organisations/new/", organisations.organisation_edit, name="organisation-create"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation-detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation-edit"),
    path("transactions/", transactions.transaction_list, name="transaction-list"),
    path("reports/aid/", reports.aid_report, name="aid-report"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/csv/<slug:chart>/", dashboard.dashboard_csv, name="dashboard-csv"),
    path("dashboard/map.svg", dashboard.dashboard_map, name="dashboard-map"),
    # documents and IATI
    path("documents/", documents.documents_index, name="documents"),
    path("documents/annual/", documents.annual_download, name="documents-annual"),
    path("documents/drafts/generate/", documents.draft_generate, name="documents-generate"),
    path("documents/drafts/<int:pk>/", documents.draft_detail, name="documents-draft"),
    path(
        "documents/drafts/<int:pk>/versions/<int:number>/<slug:fmt>/",
        documents.draft_export,
        name="documents-draft-export",
    ),
    path("iati/upload/", iati_upload.iati_upload, name="iati-upload"),
    path("iati/export/", iati_upload.iati_export, name="iati-export"),
    # people's diplomacy
    path("relations/", include("caunoi.web.views.relations.urls")),
]
