"""Routes of the plan and calendar-occasion forms (added to the relations URLs)."""

from django.urls import URLPattern, path

from caunoi.web.views.relations import occasions as rel_occasions
from caunoi.web.views.relations import plans as rel_plans

urlpatterns: list[URLPattern] = [
    path("plans/new/", rel_plans.plan_create, name="rel-plan-create"),
    path("plans/<int:pk>/edit/", rel_plans.plan_edit, name="rel-plan-edit"),
    path("plans/<int:pk>/tasks/new/", rel_plans.task_create, name="rel-task-create"),
    path("plans/<int:pk>/<str:action>/", rel_plans.plan_archive, name="rel-plan-archive"),
    path("tasks/<int:pk>/edit/", rel_plans.task_edit, name="rel-task-edit"),
    path("tasks/<int:pk>/cancel/", rel_plans.task_cancel, name="rel-task-cancel"),
    path("tasks/<int:pk>/reopen/", rel_plans.task_reopen, name="rel-task-reopen"),
    path("tasks/<int:pk>/targets/new/", rel_plans.target_create, name="rel-target-create"),
    path("targets/<int:pk>/edit/", rel_plans.target_edit, name="rel-target-edit"),
    path("targets/<int:pk>/remove/", rel_plans.target_remove, name="rel-target-remove"),
    path("occasions/", rel_occasions.occasion_list, name="rel-occasion-list"),
    path("occasions/new/", rel_occasions.occasion_create, name="rel-occasion-create"),
    path("occasions/<int:pk>/", rel_occasions.occasion_detail, name="rel-occasion-detail"),
    path("occasions/<int:pk>/edit/", rel_occasions.occasion_edit, name="rel-occasion-edit"),
    path("occasions/<int:pk>/dates/", rel_occasions.occasion_date, name="rel-occasion-date"),
    path("occasions/<int:pk>/history/", rel_occasions.occasion_history, name="rel-occasion-history"),
    path("occasions/<int:pk>/<str:action>/", rel_occasions.occasion_archive, name="rel-occasion-archive"),
    path(
        "occasion-dates/<int:pk>/remove/",
        rel_occasions.occasion_date_remove,
        name="rel-occasion-date-remove",
    ),
]
