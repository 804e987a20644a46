"""Routes of the people, consent, association-edit and agreement-party forms (added to the relations URLs).

They come after the relations routes, whose "associations/<pk>/<action>/" and "agreements/<pk>/<action>/" (archive
and restore) take every one-word path under a record: the routes here under a record have two words.
"""

from django.urls import URLPattern, path

from caunoi.web.views.relations import agreements as rel_agreements
from caunoi.web.views.relations import associations as rel_associations
from caunoi.web.views.relations import people as rel_people

urlpatterns: list[URLPattern] = [
    path("people/", rel_people.person_list, name="rel-person-list"),
    path("people/new/", rel_people.person_create, name="rel-person-create"),
    path("people/<int:pk>/", rel_people.person_detail, name="rel-person-detail"),
    path("people/<int:pk>/edit/", rel_people.person_edit, name="rel-person-edit"),
    path("people/<int:pk>/consents/", rel_people.person_consent, name="rel-person-consent"),
    path("people/<int:pk>/consents/withdraw/", rel_people.person_withdraw, name="rel-person-withdraw"),
    path(
        "people/<int:pk>/memberships/<int:member>/left/",
        rel_people.person_membership_left,
        name="rel-person-membership-left",
    ),
    path("people/<int:pk>/history/", rel_people.person_history, name="rel-person-history"),
    path("people/<int:pk>/<str:action>/", rel_people.person_archive, name="rel-person-archive"),
    path(
        "associations/<int:pk>/details/edit/", rel_associations.association_edit, name="rel-association-edit"
    ),
    path(
        "associations/<int:pk>/members/named/",
        rel_associations.association_member,
        name="rel-association-member",
    ),
    path("agreements/<int:pk>/parties/edit/", rel_agreements.agreement_parties, name="rel-agreement-parties"),
]
