"""/api/v1/: the records, the reports, the schema and its documentation pages."""

from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from caunoi.api.views import aid, docs, offices, records, reports

app_name = "api"

router = DefaultRouter()
router.include_root_view = False
router.register("offices", offices.OfficeViewSet, basename="office")
router.register("aid-items", aid.AidItemViewSet, basename="aid-item")
router.register("transactions", aid.TransactionViewSet, basename="transaction")
router.register("organisations", records.OrganisationViewSet, basename="organisation")
router.register("exchange-rates", records.ExchangeRateViewSet, basename="exchange-rate")
router.register("geography/units", records.AdminUnitViewSet, basename="admin-unit")
router.register("partnerships", records.PartnershipViewSet, basename="partnership")
router.register("agreements", records.AgreementViewSet, basename="agreement")
router.register("associations", records.AssociationViewSet, basename="association")
router.register("events", records.EventViewSet, basename="event")
router.register("delegations", records.DelegationViewSet, basename="delegation")
router.register("plans", records.PlanViewSet, basename="plan")
router.register("plan-tasks", records.PlanTaskViewSet, basename="plan-task")
router.register("people", records.PersonViewSet, basename="person")

urlpatterns = [
    path("schema/", docs.Schema.as_view(), name="schema"),
    path("docs/", docs.Swagger.as_view(), name="swagger"),
    path("redoc/", docs.Redoc.as_view(), name="redoc"),
    path("reports/aid/", reports.AidReport.as_view(), name="report-aid"),
    path("reports/diplomacy/", reports.DiplomacyReport.as_view(), name="report-diplomacy"),
    path("", include(router.urls)),
    # Any other address under /api/v1/ answers in the API's shape, not with the web's HTML page.
    re_path(r"^.*$", docs.not_found),
]
