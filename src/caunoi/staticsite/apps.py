from django.apps import AppConfig


class StaticSiteConfig(AppConfig):
    name = "caunoi.staticsite"
    label = "staticsite"
    verbose_name = "Xuất bản trang công khai dạng tĩnh"
