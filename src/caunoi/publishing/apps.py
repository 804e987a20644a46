from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "caunoi.publishing"
    label = "publishing"
    verbose_name = "Thông tin đối ngoại"

    def ready(self) -> None:
        from caunoi.portal import sitemap_extras
        from caunoi.publishing.roots import news_roots, news_sitemap
        from caunoi.staticsite import roots

        roots.register("news", news_roots)
        sitemap_extras.register("news", news_sitemap)
