from caunoi.core import marked_app


class PublishingConfig(marked_app.MarkedAppConfig):
    name = "caunoi.publishing"
    label = "publishing"
    verbose_name = "Thông tin đối ngoại"
    # The public site's pages are kept under the office's mark (caunoi.portal.kept): what they read renews it
    # (caunoi.core.marking), the articles' tags (links) included.
    office_marked = ("Article", "BulletinIssue", "Page")
    via_marked = (("ArticleImage", "article"), ("BulletinEntry", "issue"))

    def ready(self) -> None:
        super().ready()
        from caunoi.portal import sitemap_extras
        from caunoi.publishing.roots import news_roots, news_sitemap
        from caunoi.staticsite import roots

        roots.register("news", news_roots)
        sitemap_extras.register("news", news_sitemap)
