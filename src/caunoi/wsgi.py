"""The production entry (gunicorn caunoi.wsgi): refuses to serve with the development secret."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
application = get_wsgi_application()
if settings.SECRET_KEY_IS_DEVELOPMENT and not settings.DEBUG:
    raise ImproperlyConfigured("CAUNOI_SECRET_KEY is not set: refusing to serve with the development key")
