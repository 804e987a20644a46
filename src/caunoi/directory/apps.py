from caunoi.core import marked_app


class DirectoryConfig(marked_app.MarkedAppConfig):
    name = "caunoi.directory"
    label = "directory"
    verbose_name = "Danh bạ tổ chức"
    shared_marked = ("Organisation",)  # renews every office's report marks (caunoi.core.marking)
