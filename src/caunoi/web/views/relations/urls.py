"""The people's-diplomacy pages, under /relations/ in the web application's namespace ("web:rel-…")."""

from django.urls import path

from caunoi.web.views.relations import agreements as rel_agreements
from caunoi.web.views.relations import associations as rel_associations
from caunoi.web.views.relations import events as rel_events
from caunoi.web.views.relations import overview as rel_overview
from caunoi.web.views.relations import partners as rel_partners
from caunoi.web.views.relations import plans as rel_plans
from caunoi.web.views.relations import urls_people, urls_plans

urlpatterns = [
    path("", rel_overview.overview, name="rel-overview"),
    path("calendar/", rel_overview.calendar_view, name="rel-calendar"),
    path("dashboard/", rel_overview.dashboard, name="rel-dashboard"),
    path("dashboard/csv/<slug:chart>/", rel_overview.dashboard_csv, name="rel-dashboard-csv"),
    path("partners/", rel_partners.partner_list, name="rel-partner-list"),
    path("partners/new/", rel_partners.partner_create, name="rel-partner-create"),
    path("partners/<int:pk>/", rel_partners.partner_detail, name="rel-partner-detail"),
    path("partners/<int:pk>/edit/", rel_partners.partner_edit, name="rel-partner-edit"),
    path("partners/<int:pk>/contacts/", rel_partners.partner_contact, name="rel-partner-contact"),
    path("partners/<int:pk>/history/", rel_partners.partner_history, name="rel-partner-history"),
    path("partners/<int:pk>/<str:action>/", rel_partners.partner_archive, name="rel-partner-archive"),
    path("agreements/", rel_agreements.agreement_list, name="rel-agreement-list"),
    path("agreements/new/", rel_agreements.agreement_create, name="rel-agreement-create"),
    path("agreements/<int:pk>/", rel_agreements.agreement_detail, name="rel-agreement-detail"),
    path("agreements/<int:pk>/edit/", rel_agreements.agreement_edit, name="rel-agreement-edit"),
    path("agreements/<int:pk>/document/", rel_agreements.agreement_document, name="rel-agreement-document"),
    path("agreements/<int:pk>/upload/", rel_agreements.agreement_upload, name="rel-agreement-upload"),
    path(
        "agreements/<int:pk>/terminate/",
        rel_agreements.agreement_terminate,
        name="rel-agreement-terminate",
    ),
    path("agreements/<int:pk>/aid/", rel_agreements.agreement_link_aid, name="rel-agreement-aid"),
    path("agreements/<int:pk>/history/", rel_agreements.agreement_history, name="rel-agreement-history"),
    path(
        "agreements/<int:pk>/<str:action>/",
        rel_agreements.agreement_archive,
        name="rel-agreement-archive",
    ),
    path("associations/", rel_associations.association_list, name="rel-association-list"),
    path("associations/new/", rel_associations.association_create, name="rel-association-create"),
    path("associations/<int:pk>/", rel_associations.association_detail, name="rel-association-detail"),
    path("associations/<int:pk>/congress/", rel_associations.congress_plan, name="rel-congress-plan"),
    path("associations/<int:pk>/steps/", rel_associations.association_step, name="rel-association-step"),
    path("associations/<int:pk>/terms/", rel_associations.association_term, name="rel-association-term"),
    path(
        "associations/<int:pk>/members/",
        rel_associations.association_count,
        name="rel-association-count",
    ),
    path(
        "associations/<int:pk>/committee/",
        rel_associations.association_seat,
        name="rel-association-seat",
    ),
    path(
        "associations/<int:pk>/history/",
        rel_associations.association_history,
        name="rel-association-history",
    ),
    path(
        "associations/<int:pk>/<str:action>/",
        rel_associations.association_archive,
        name="rel-association-archive",
    ),
    path("congresses/<int:pk>/held/", rel_associations.congress_held, name="rel-congress-held"),
    path("congresses/<int:pk>/cancel/", rel_associations.congress_cancel, name="rel-congress-cancel"),
    path("events/", rel_events.event_list, name="rel-event-list"),
    path("events/new/", rel_events.event_create, name="rel-event-create"),
    path("events/<int:pk>/", rel_events.event_detail, name="rel-event-detail"),
    path("events/<int:pk>/edit/", rel_events.event_edit, name="rel-event-edit"),
    path("events/<int:pk>/participants/", rel_events.event_participant, name="rel-event-participant"),
    path("events/<int:pk>/headcounts/", rel_events.event_headcounts, name="rel-event-headcounts"),
    path("events/<int:pk>/photos/", rel_events.event_photo, name="rel-event-photo"),
    path("events/<int:pk>/photos/<int:photo>/", rel_events.event_photo_file, name="rel-event-photo-file"),
    path("events/<int:pk>/documents/", rel_events.event_document, name="rel-event-document"),
    path(
        "events/<int:pk>/documents/<int:doc>/",
        rel_events.event_document_file,
        name="rel-event-document-file",
    ),
    path("events/<int:pk>/history/", rel_events.event_history, name="rel-event-history"),
    path("events/<int:pk>/<str:action>/", rel_events.event_archive, name="rel-event-archive"),
    path("plans/", rel_plans.plan_list, name="rel-plan-list"),
    path("plans/<int:pk>/", rel_plans.plan_detail, name="rel-plan-detail"),
    path("plans/<int:pk>/history/", rel_plans.plan_history, name="rel-plan-history"),
    path("targets/<int:pk>/evidence/", rel_plans.evidence_link, name="rel-evidence-link"),
    path("evidence/<int:pk>/unlink/", rel_plans.evidence_unlink, name="rel-evidence-unlink"),
]
urlpatterns += urls_plans.urlpatterns + urls_people.urlpatterns
