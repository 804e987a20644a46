"""All configuration of caunoi, read from the environment in this one module.

Every variable is documented in the README's configuration table; tests/test_docs.py fails when one is not.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("CAUNOI_DEBUG", False)
DATA_DIR = Path(env_str("CAUNOI_DATA_DIR", str(Path.cwd() / "var"))).resolve()

# Without CAUNOI_SECRET_KEY a development key is used so that tests and commands run anywhere; the
# production entry (caunoi.wsgi) refuses to serve with it.
_DEV_SECRET = "django-insecure-caunoi-development-only-secret-key"
SECRET_KEY = env_str("CAUNOI_SECRET_KEY", "") or _DEV_SECRET
SECRET_KEY_IS_DEVELOPMENT = SECRET_KEY == _DEV_SECRET

ALLOWED_HOSTS = env_list("CAUNOI_ALLOWED_HOSTS", "127.0.0.1,localhost")

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'caunoi.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's cursors bind parameters on the client and are never prepared; this lets the statements the
    # fronts run on every request (caunoi.core.front.fetch) be prepared once per connection: planning was
    # three quarters of their cost. A pooler in transaction mode needs pgbouncer ≥ 1.21 (prepared statements).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("prepare_threshold", 5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, reading back decimals its floats rounded past their column (caunoi.core.sqlite).
    DATABASES["default"]["ENGINE"] = "caunoi.core.sqlite"
    # The embedded database must work on a fresh machine: create its folder (var/ by default).
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets readers go on while one worker writes (measured 24 → 31 pages/s on the item page).
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "caunoi.core",
    "caunoi.geography",
    "caunoi.directory",
    "caunoi.money",
    "caunoi.aid",
    "caunoi.relations",
    "caunoi.iati",
    "caunoi.reports",
    "caunoi.reported",
    "caunoi.documents",
    "caunoi.publishing",
    "caunoi.search",
    "caunoi.notify",
    "caunoi.demo",
    "caunoi.web",
    "caunoi.portal",
    "caunoi.backup",
    "caunoi.staticsite",
    "caunoi.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "caunoi.web.middleware.UserPreferencesMiddleware",
    "caunoi.web.middleware.PasswordChangeRequiredMiddleware",
    "caunoi.web.middleware.NoStoreWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"
# Login throttling: 5 failures for one user name from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_VERBOSE = False
# Proxies (IPs or CIDRs) whose X-Forwarded-For is believed; the sign-in address is the right-most untrusted one.
TRUSTED_PROXIES = env_list("CAUNOI_TRUSTED_PROXIES", "")
try:
    TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network(entry, strict=False) for entry in TRUSTED_PROXIES]
except ValueError as error:
    raise ImproperlyConfigured(f"CAUNOI_TRUSTED_PROXIES: {error}") from None
AXES_CLIENT_IP_CALLABLE = "caunoi.web.client_ip.client_ip"

ROOT_URLCONF = "caunoi.urls"
CSRF_FAILURE_VIEW = "caunoi.web.views.errors.csrf_failure"
WSGI_APPLICATION = "caunoi.wsgi.application"

# Django's widget templates drawn by Jinja2, the rest (the admin's) by Django's engine: caunoi.web.renderer.
FORM_RENDERER = "caunoi.web.renderer.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "caunoi.web.context.layout",
            ]
        },
    },
    {  # parts drawn hundreds of elements at a time (caunoi.web.jinja), from the apps' jinja2/ folders
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "caunoi.web.jinja.environment"},
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("CAUNOI_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it; collectstatic fills it in production
MEDIA_ROOT = DATA_DIR / "media"
# Where `caunoi backup` writes its archives when not told (-o).
BACKUP_DIR = DATA_DIR / "backups"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Computed reports and dashboards, kept under the ledger marks of the records they read (caunoi.core.marks):
# "file" shares them between the server's workers and restarts, "memory" keeps them per process, "off"
# computes every time.
REPORT_CACHE = env_str("CAUNOI_REPORT_CACHE", "file")
if REPORT_CACHE not in {"file", "memory", "off"}:
    raise ImproperlyConfigured(f"CAUNOI_REPORT_CACHE must be file, memory or off, not {REPORT_CACHE!r}")
REPORT_CACHE_ENABLED = REPORT_CACHE != "off"
# Whole pages kept per reader under the same marks (caunoi.web.kept_pages); "0" draws every page afresh.
KEEP_PAGES = REPORT_CACHE_ENABLED and env_bool("CAUNOI_KEEP_PAGES", True)
_DATABASE_ID = "{ENGINE}|{HOST}|{PORT}|{NAME}".format(**{"HOST": "", "PORT": "", **DATABASES["default"]})


def _kept(name: str, entries: int) -> dict[str, object]:
    if REPORT_CACHE == "off":  # nothing kept anywhere, the dashboard's fragment included
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if REPORT_CACHE == "file":
        backend = {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache" / name),
            "TIMEOUT": 7 * 24 * 3600,
            "OPTIONS": {"MAX_ENTRIES": entries},
        }
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
    return backend | {"KEY_PREFIX": _DATABASE_ID}


CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "reports": _kept("reports", 2000),
    # Kept pages apart from the reports: many cheap pages per reader must not push out a national report
    # that takes seconds to compute again.
    "pages": _kept("pages", 5000),
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve the package's own static files without a collectstatic step (the office server may be all there is).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MAX_UPLOAD_MB = int(env_str("CAUNOI_MAX_UPLOAD_MB", "20"))
# A text column without a length of its own (a description, a note, a draft's body) holds at most this many
# characters: a whole annual report is about 60.000. Below it a form shows "too long" beside the field, with
# the text kept.
MAX_TEXT_CHARS = int(env_str("CAUNOI_MAX_TEXT_CHARS", "200000"))
# A form's fields, URL-encoded, may take up to this (a Vietnamese letter takes up to 9 bytes encoded): room for
# every text at MAX_TEXT_CHARS; beyond it the browser keeps the text and says so before sending.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(env_str("CAUNOI_MAX_FORM_MB", "10")) * 1024 * 1024
# IATI input, decompressed: the whole stream, and one activity with its text (the largest published file
# met, d-portal's, is 85 MB; its largest activity 0,2 MB). Beyond them a file is refused, not read.
IATI_MAX_INPUT_MB = int(env_str("CAUNOI_IATI_MAX_INPUT_MB", "1024"))
IATI_MAX_ELEMENT_MB = int(env_str("CAUNOI_IATI_MAX_ELEMENT_MB", "10"))
# The largest text `caunoi check-text` reads (the check is linear: about 4 s for 5,8 MB of report text).
CHECK_TEXT_MAX_MB = int(env_str("CAUNOI_CHECK_TEXT_MAX_MB", "5"))

# Security: HTTPS-only cookies and HSTS when deployed behind HTTPS; a session ends after idle time.
SESSION_COOKIE_SECURE = env_bool("CAUNOI_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = 31536000 if SESSION_COOKIE_SECURE else 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SESSION_COOKIE_SECURE else None
SESSION_COOKIE_AGE = int(env_str("CAUNOI_SESSION_MINUTES", "480")) * 60
# Not saved on every request: that made every page view a database write (about 20 % of an item page).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# The API (caunoi.api): tokens or the session, rights as in the web, one error shape, a schema as contract.
API_RATE = env_str("CAUNOI_API_RATE", "1200/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "caunoi.api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["caunoi.api.access.SignedIn"],
    "DEFAULT_THROTTLE_CLASSES": ["caunoi.api.access.PerToken"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "caunoi.api.schema.CaunoiSchema",
    "EXCEPTION_HANDLER": "caunoi.api.errors.handle",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "caunoi API",
    "DESCRIPTION": (
        "Dữ liệu của Liên hiệp các tổ chức hữu nghị: viện trợ, đối ngoại nhân dân, báo cáo. Quyền như trên "
        "trang web: bản ghi của cơ quan bạn không được xem là 404. / The union's records: aid, people's "
        "diplomacy, reports. Rights as in the web: records of an office you may not read are 404."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "AidStatusEnum": "caunoi.aid.lifecycle.Status",
        "ModalityEnum": "caunoi.aid.models.Modality",
        "TransactionKindEnum": "caunoi.aid.models.TransactionKind",
        "ParticipantRoleEnum": "caunoi.aid.models.Role",
        "DatePrecisionEnum": "caunoi.relations.dates.Precision",
        "EventKindEnum": "caunoi.relations.models.EventKind",
        "OrganisationKindEnum": "caunoi.directory.models.OrgKind",
        "PartnershipStatusEnum": "caunoi.relations.models.PartnershipStatus",
        "PartnershipKindEnum": "caunoi.relations.models.PartnershipKind",
        "PersonKindEnum": "caunoi.relations.models.PersonKind",
        "AgreementKindEnum": "caunoi.relations.models.AgreementKind",
    },
    "SCHEMA_PATH_PREFIX": "/api/v1",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("CAUNOI_LOG_LEVEL", "WARNING")},
}

# E-mail: the reminder digests (`caunoi reminders send`). Printed to the console unless an SMTP host is given.
EMAIL_HOST = env_str("CAUNOI_SMTP_HOST", "")
EMAIL_PORT = int(env_str("CAUNOI_SMTP_PORT", "587"))
EMAIL_HOST_USER = env_str("CAUNOI_SMTP_USER", "")
EMAIL_HOST_PASSWORD = env_str("CAUNOI_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CAUNOI_SMTP_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("CAUNOI_EMAIL_FROM", "caunoi@localhost")
# The address people reach caunoi at, for links in e-mails.
CAUNOI_BASE_URL = env_str("CAUNOI_BASE_URL", "http://127.0.0.1:8000")
