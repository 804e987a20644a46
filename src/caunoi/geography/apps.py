from caunoi.core import marked_app


class GeographyConfig(marked_app.MarkedAppConfig):
    name = "caunoi.geography"
    label = "geography"
    verbose_name = "Địa giới hành chính"
    shared_marked = (
        "AdminUnit",
        "UnitSuccession",
    )  # renews every office's report marks (caunoi.core.marking)
