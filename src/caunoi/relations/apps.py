from caunoi.core import marked_app


class RelationsConfig(marked_app.MarkedAppConfig):
    name = "caunoi.relations"
    label = "relations"
    verbose_name = "Đối ngoại nhân dân"
    # The records an article's public page names (its tags), the consents that let a person be named and the
    # anniversaries the office home shows: the public site's pages are kept under the office's mark
    # (caunoi.portal.kept, caunoi.core.marking).
    office_marked = ("Event", "Partnership", "Association", "Person", "Occasion")
    via_marked = (("Consent", "person"), ("OccasionDate", "occasion"))

    def ready(self) -> None:
        super().ready()
        from caunoi.core import reminders as core_reminders
        from caunoi.relations.reminders import relation_reminders

        core_reminders.register("relations", relation_reminders)
