"""Each app declares which of its models renew which report marks (caunoi.core.marking)."""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from caunoi.core.marking import HANDLERS, _links_changed, marked_models


def _declared() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {attribute: set() for attribute in [*HANDLERS, "via_marked", "links"]}
    for config in apps.get_app_configs():
        for attribute, models in marked_models(config).items():
            found[attribute] |= {m._meta.label for m in models}
    return found


def test_the_apps_declare_the_marked_models() -> None:
    assert _declared() == {
        "office_marked": {
            "aid.AidItem",
            "aid.Transaction",
            "reported.ReportedFigures",
            "publishing.Article",
            "publishing.BulletinIssue",
            "publishing.Page",
            "relations.Event",
            "relations.Partnership",
            "relations.Association",
            "relations.Person",
            "relations.Occasion",
        },
        "item_marked": {
            "aid.StatusChange",
            "aid.ItemSector",
            "aid.ItemPlace",
            "aid.Participation",
            "aid.ItemDocument",
        },
        "shared_marked": {
            "money.ExchangeRate",
            "aid.Sector",
            "aid.SectorDacCode",
            "directory.Organisation",
            "geography.AdminUnit",
            "geography.UnitSuccession",
            "core.Office",
            "reported.ReportedSector",
        },
        "via_marked": {
            "publishing.ArticleImage",
            "publishing.BulletinEntry",
            "relations.Consent",
            "relations.OccasionDate",
        },
        "links": {
            "publishing.Article_events",
            "publishing.Article_partnerships",
            "publishing.Article_agreements",
            "publishing.Article_associations",
            "publishing.Article_aid_items",
            "publishing.Article_people",
            "relations.Event_organisers",
        },
    }


def test_every_declared_model_is_connected_on_save_and_delete() -> None:
    for attribute, labels in _declared().items():
        if attribute == "links":
            for label in labels:
                assert _links_changed in m2m_changed._live_receivers(apps.get_model(label))[0], label
            continue
        for label in labels:
            model = apps.get_model(label)
            if attribute == "via_marked":  # a handler per parent field, made in connect()
                for signal in (post_save, post_delete):
                    assert signal._live_receivers(model)[0], (label, signal)
                continue
            for signal in (post_save, post_delete):
                assert HANDLERS[attribute] in signal._live_receivers(model)[0], (label, signal)
