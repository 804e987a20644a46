from caunoi.core import marked_app


class CoreConfig(marked_app.MarkedAppConfig):
    name = "caunoi.core"
    label = "core"
    verbose_name = "Cơ quan và người dùng"
    shared_marked = ("Office",)  # renews every office's report marks (caunoi.core.marking)
