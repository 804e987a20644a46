from caunoi.core import marked_app


class RelationsConfig(marked_app.MarkedAppConfig):
    name = "caunoi.relations"
    label = "relations"
    verbose_name = "Đối ngoại nhân dân"
    # The records an article's public page names (its tags) and the consents that let a person be named: the
    # public site's pages are kept under the office's mark (caunoi.portal.kept, caunoi.core.marking).
    # The occasions too: an office's public home lists the anniversaries of the next 90 days.
    office_marked = ("Event", "Partnership", "Association", "Person", "Occasion")
    via_marked = (("Consent", "person"), ("OccasionDate", "occasion"))

    def ready(self) -> None:
        super().ready()
        from caunoi.core import reminders as core_reminders
        from caunoi.relations.reminders import relation_reminders

        core_reminders.register("relations", relation_reminders)
