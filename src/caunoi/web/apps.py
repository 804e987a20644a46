from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "caunoi.web"
    label = "web"
    verbose_name = "Ứng dụng web"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from caunoi.core.records import set_linker
        from caunoi.web.links import url_of
        from caunoi.web.middleware import remember_password_change

        set_linker(url_of)
        user_logged_in.connect(remember_password_change, dispatch_uid="caunoi-must-change-password")
