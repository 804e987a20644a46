from caunoi.core import marked_app


class ReportedConfig(marked_app.MarkedAppConfig):
    name = "caunoi.reported"
    label = "reported"
    verbose_name = "Số liệu theo báo cáo"
    # The dashboard draws confirmed reported figures (caunoi.core.marking). A sector line names no office of
    # its own: it renews every mark, which is never wrong, and lines change only when a report is confirmed.
    office_marked = ("ReportedFigures",)
    shared_marked = ("ReportedSector",)
