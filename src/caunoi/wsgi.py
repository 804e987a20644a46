"""The production entry (`granian --interface wsgi caunoi.wsgi:application`, or any WSGI server): refuses to
serve with the development secret; kept public pages, staff pages and API answers are answered in front of
Django (caunoi.portal.front, caunoi.web.front, caunoi.api.front)."""

import gc
import os
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
application: Callable[..., Any] = get_wsgi_application()
if settings.SECRET_KEY_IS_DEVELOPMENT and not settings.DEBUG:
    raise ImproperlyConfigured("CAUNOI_SECRET_KEY is not set: refusing to serve with the development key")
if settings.KEEP_PAGES:
    from caunoi.api.front import KeptApiFront
    from caunoi.portal.front import KeptPublicFront
    from caunoi.web.front import KeptStaffFront

    application = KeptApiFront(KeptPublicFront(KeptStaffFront(application)))

# Every view module is imported now, not by each worker's first request (resolving an address imports the
# URL patterns' 530 modules: 1,2 s, during which that worker's requests waited — after each start, deploy
# or respawn); so is the version every kept value is keyed by.
from caunoi.core.marks import code_version  # noqa: E402 - needs the apps loaded

get_resolver().resolve("/")
code_version()
# What is loaded by now (Django, the apps, the views and their tables) lives as long as the process: taken
# out of the cyclic collector's reach, so that its full collections no longer walk it — each one stopped
# every thread of a worker for about 55 ms (measured on the ¼× bench data), the slowest answers under load.
gc.collect()
gc.freeze()
