from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "caunoi.portal"
    verbose_name = "Cổng thông tin viện trợ"

    def ready(self) -> None:
        from caunoi.portal.roots import portal_roots
        from caunoi.staticsite import roots

        roots.register("portal", portal_roots)
