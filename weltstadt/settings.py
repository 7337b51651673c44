"""One settings module, configured from the environment.

The defaults are the embedded ones (SQLite, eager Celery, mail as .eml files under var/mail/), so a
fresh clone runs with no configuration; production sets DJANGO_DEBUG=0 and the variables the README
lists, and refuses to start without its secrets.
"""

import json
import secrets
from decimal import Decimal
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

VAR_DIR = Path(env.str("WELTSTADT_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env.bool("DJANGO_DEBUG", default=True)


def _required_in_production(name: str) -> str:
    value = env.str(name, default="")
    if not value and not DEBUG:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_DEBUG=0.")
    return value


def _development_secret_key() -> str:
    """A random key kept under var/, so a development checkout never carries a secret."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _required_in_production("DJANGO_SECRET_KEY") or _development_secret_key()


def _development_credential_keys() -> str:
    """A generated signing key for the ambassadors' credentials, kept under var/ like the secret
    key: a development checkout signs with a key of its own and never carries one."""
    path = VAR_DIR / "credential_keys.json"
    if not path.exists():
        from joserfc.jwk import ECKey

        key = ECKey.generate_key("P-256", private=True)
        jwk = {**key.as_dict(private=True), "kid": f"dev-{key.thumbprint()[:16]}"}
        path.write_text(json.dumps({"keys": [jwk]}))
        path.chmod(0o600)
    return path.read_text()


def _credential_keys(raw: str) -> list[dict]:
    """WELTSTADT_CREDENTIAL_KEYS: a JWK set of private keys, each with its `kid`. The first signs;
    every one is published, so credentials signed with an older key keep verifying."""
    try:
        keys = json.loads(raw)["keys"]
    except (ValueError, KeyError, TypeError) as error:
        raise ImproperlyConfigured(
            'WELTSTADT_CREDENTIAL_KEYS must be a JWK set: {"keys": [...]}.'
        ) from error
    if not keys or not all(isinstance(k, dict) and k.get("kid") and k.get("d") for k in keys):
        raise ImproperlyConfigured(
            "WELTSTADT_CREDENTIAL_KEYS needs at least one private key, each with a kid."
        )
    return keys


CREDENTIAL_KEYS = _credential_keys(
    _required_in_production("WELTSTADT_CREDENTIAL_KEYS") or _development_credential_keys()
)
_hosts = _required_in_production("DJANGO_ALLOWED_HOSTS")
ALLOWED_HOSTS = (
    [h.strip() for h in _hosts.split(",") if h.strip()]
    if _hosts
    else ["127.0.0.1", "localhost", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
# a form of a cached page sent without JavaScript is offered again with a token, not refused
CSRF_FAILURE_VIEW = "weltstadt.views.csrf.csrf_failure"
# The absolute base of links in mails and PDFs (verification QR codes, unsubscribe links).
SITE_URL = env.str(
    "WELTSTADT_SITE_URL",
    # In production the first allowed host over https, unless told otherwise.
    default=f"https://{ALLOWED_HOSTS[0].lstrip('.')}" if not DEBUG else "http://127.0.0.1:8000",
).rstrip("/")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin
    "modeltranslation",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # third party
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_celery_beat",
    "django_countries",
    "rosetta",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # local
    "weltstadt",
    "ambassadors",
    "offices",
    "newsletter",
    "summits",
    "masterplan",
    "opendata",
    "search",
    "api",
]

MIDDLEWARE = [
    "weltstadt.log.RequestLogMiddleware",
    "weltstadt.middleware.HeadAsGetMiddleware",
    # /api/: CORS for GET, problem+json for every error, ETag/Last-Modified and shared caching
    "api.middleware.ApiHttpMiddleware",
    # whole public pages for anonymous visitors (weltstadt.page_cache): outside every other
    # middleware, so that it keeps a page with the final headers (security, CSP: no nonce) and
    # sees every cookie set, and a hit costs nothing but the cache
    "weltstadt.page_cache.PageCacheMiddleware",
    "weltstadt.views.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "weltstadt.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # django-csp's, with the site's policy built once per process
    "weltstadt.csp_policy.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # catalogues saved in rosetta by another process of this machine: reload ours (before a
    # language is activated for the request)
    "weltstadt.catalogues.CatalogueReloadMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # NUL in path, query, form or cookie: 400 before any view or database query (PostgreSQL
    # refuses NUL in text)
    "weltstadt.input_guard.RefuseNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "weltstadt.middleware.PrivateCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "weltstadt.accounts.middleware.StaffMFAMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "weltstadt.urls"
# Formset rows' own errors are tied to the row's fields (weltstadt.forms_rendering).
FORM_RENDERER = "weltstadt.forms_rendering.PortalFormRenderer"
WSGI_APPLICATION = "weltstadt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "weltstadt.context_processors.site",
            ],
            # `local_date`/`local_datetime` everywhere dates are shown (pages, mails, PDFs)
            "builtins": [
                "weltstadt.templatetags.weltstadt_format",
                "weltstadt.templatetags.weltstadt_forms",
                # `lang_attr`: text shown in a fallback language says which (pages, mails, PDFs)
                "weltstadt.templatetags.weltstadt_lang",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and immediate transactions let runserver's threads and an eager task share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so that a real Celery worker started by a test sees the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Shared by every process, so rate limits (login, verification) hold across web workers.
    CACHES = {
        "default": {
            "BACKEND": "weltstadt.cache.ReusedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="weltstadt"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole public pages for anonymous visitors (weltstadt.page_cache): kept this long at most (an
# edit makes them fresh at once; this bounds what only the clock changes), 0 switches it off;
# proxies and CDNs may keep them PAGE_CACHE_SHARED_SECONDS (s-maxage). A new release never serves
# the pages of the one before.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_SHARED_SECONDS = env.int("PAGE_CACHE_SHARED_SECONDS", default=60)
PAGE_CACHE_RELEASE = env.str("WELTSTADT_RELEASE", default="")

AUTH_USER_MODEL = "weltstadt.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "member_home"
LOGOUT_REDIRECT_URL = "home"

# allauth: e-mail login, verified addresses, no public sign-up (see weltstadt.accounts.adapter)
ACCOUNT_ADAPTER = "weltstadt.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Weltstadt Izmir] "
ACCOUNT_RATE_LIMITS = {
    # after five wrong passwords for one account from one client address, that account is locked
    # for five minutes from that address, even with the right password (the key is the account
    # with the client address, see AccountAdapter); any client address may fail ten times a minute
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Weltstadt Izmir"

LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("tr", _("Turkish")),
    ("en", _("English")),
    ("fr", _("French")),
    ("it", _("Italian")),
    ("es", _("Spanish")),
]
# The names each language has for itself, for the language switcher.
LANGUAGE_NATIVE_NAMES = {
    "de": "Deutsch",
    "tr": "Türkçe",
    "en": "English",
    "fr": "Français",
    "it": "Italiano",
    "es": "Español",
}
LOCALE_PATHS = [BASE_DIR / "locale"]
# Each language's own date conventions in the admin and forms (CLDR, as weltstadt.dates).
FORMAT_MODULE_PATH = ["weltstadt.formats"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de", "en")
# Interface catalogues edited in the back-office (weltstadt.catalogues): translators of a
# language and superusers; the project's own catalogues only, compiled on save.
ROSETTA_ACCESS_CONTROL_FUNCTION = "weltstadt.catalogues.may_open_rosetta"
ROSETTA_SHOW_AT_ADMIN_PANEL = False
ROSETTA_AUTO_COMPILE = True
ROSETTA_EXCLUDED_APPLICATIONS = ["rosetta"]
ROSETTA_MESSAGES_SOURCE_LANGUAGE_CODE = "en"
ROSETTA_MESSAGES_SOURCE_LANGUAGE_NAME = "English"
ROSETTA_ENABLE_TRANSLATION_SUGGESTIONS = False
ROSETTA_LOGIN_URL = "/admin/login/"
LANGUAGE_COOKIE_SECURE = not DEBUG

STATIC_URL = "/static/"
# The image collects static files at build time into /app/static-collected (STATIC_ROOT), outside
# the data volume, so an upgraded image always serves its own files.
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Certificates, office finances and reports: never served as static media, only through views
# that check permission.
PRIVATE_MEDIA_ROOT = Path(env.str("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
# Public uploads on the local disk (a volume the proxy serves) or, for several web machines, in
# S3-compatible object storage (MEDIA_STORAGE=s3 and the AWS_* variables), which every machine
# shares and readers fetch straight from the bucket (or its CDN).
MEDIA_STORAGE = env.str("MEDIA_STORAGE", default="filesystem")
if MEDIA_STORAGE == "s3":
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("AWS_S3_REGION_NAME", default="") or None,
            "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None,
            "url_protocol": env.str("AWS_S3_URL_PROTOCOL", default="https:"),
            "location": env.str("AWS_LOCATION", default="media"),
            # public media: plain URLs, no signatures that expire inside a cached page or a mail
            "querystring_auth": False,
            "default_acl": env.str("AWS_DEFAULT_ACL", default="public-read") or None,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    MEDIA_URL = env.str("MEDIA_URL", default="") or MEDIA_URL
    # certificates, finances, reports: private objects under their own prefix
    PRIVATE_MEDIA_LOCATION = env.str("AWS_PRIVATE_LOCATION", default="private")
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Mail: .eml files by default; EMAIL_URL (smtp://user:pass@host:port, submission://… for TLS)
# for a real server.
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Weltstadt Izmir <info@weltstadt-izmir.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_FILE_PATH = VAR_DIR / "mail"
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "weltstadt.mail_backends.EmlFileBackend"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
# Outbox: how many messages one task sends over one SMTP connection, and how often it retries.
OUTBOX_BATCH_SIZE = env.int("OUTBOX_BATCH_SIZE", default=100)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=5)
# A delivery refreshes its claim this often; the sweep takes back a claim older than the stale
# limit (the sweep runs every minute, so a dead worker's rows are sending for at most ~2 min).
OUTBOX_HEARTBEAT_SECONDS = env.int("OUTBOX_HEARTBEAT_SECONDS", default=15)
OUTBOX_CLAIM_STALE_SECONDS = env.int("OUTBOX_CLAIM_STALE_SECONDS", default=60)
# A row still PENDING this long after it was written lost its task (broker down): sweep sends it.
OUTBOX_PENDING_GRACE_SECONDS = env.int("OUTBOX_PENDING_GRACE_SECONDS", default=120)
# A mail server that refuses service is left alone this long after its first refusal, twice as
# long after each further one, up to the maximum (weltstadt.mail_connection).
OUTBOX_SMTP_BACKOFF_SECONDS = env.float("OUTBOX_SMTP_BACKOFF_SECONDS", default=30)
OUTBOX_SMTP_BACKOFF_MAX_SECONDS = env.float("OUTBOX_SMTP_BACKOFF_MAX_SECONDS", default=900)

# Offices: the largest amount one budget line and one funding request may ask for (in any
# currency), so that a typing slip cannot dominate the dashboard totals.
OFFICES_MAX_LINE_AMOUNT = Decimal(env.str("OFFICES_MAX_LINE_AMOUNT", default="100000"))
OFFICES_MAX_REQUEST_AMOUNT = Decimal(env.str("OFFICES_MAX_REQUEST_AMOUNT", default="500000"))

# Celery: without a broker, tasks run in-process (eager); with one, on workers.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_ROUTES = {
    "*.tasks.mail_*": {"queue": "mail"},
    "weltstadt.tasks.outbox_*": {"queue": "mail"},
    "*.tasks.pdf_*": {"queue": "pdf"},
}
# A task whose worker died is redelivered after this many seconds (acks_late). Above the task
# time limit, so a running task is never delivered twice; nothing relies on it for recovery (the
# outbox sweep takes back stale claims) and no task is scheduled with a long countdown.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=360),
    # kombu 5.7 scans for such tasks only every 10th time its 10-second timer fires (about every
    # 100 s): a dead worker's task waited that long on top of the visibility timeout. One ZRANGE
    # per worker every 10 s is cheap.
    "unacked_restore_interval": 10,
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 3,
    "socket_timeout": 10,
}
# A request must not wait long for a broker that is down: try briefly, then let the caller go
# on (weltstadt.enqueue logs it; the sweeps pick the work up).
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}
CELERY_BEAT_SCHEDULER = "weltstadt.celery:HeartbeatScheduler"
BEAT_HEARTBEAT_FILE = Path(env.str("BEAT_HEARTBEAT_FILE", default="/tmp/weltstadt-beat.heartbeat"))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE

# PDF rendering (weltstadt/pdf.py)
PDF_TIME_LIMIT_SECONDS = env.int("PDF_TIME_LIMIT_SECONDS", default=60)

# Security
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# weltstadt/security_headers.py: no other site loads our responses, and no page uses these features
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("DJANGO_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SILENCED_SYSTEM_CHECKS = env.list("DJANGO_SILENCED_SYSTEM_CHECKS", default=[])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The open-data API (api/): read-only JSON, documented by drf-spectacular; no sessions, no
# browsable HTML API; errors as RFC 9457 problem details; one rate per client address, counted in
# the shared cache (Redis in production).
API_THROTTLE_RATE = env.str("API_THROTTLE_RATE", default="300/min")
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=60)
API_SHARED_CACHE_SECONDS = env.int("API_SHARED_CACHE_SECONDS", default=300)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientAddressThrottle"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.IdCursorPagination",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "api.problems.problem_exception_handler",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Weltstadt Izmir open data API",
    "DESCRIPTION": (
        "Read-only public data of Verein Weltstadt Izmir: partner cities, partnerships, city "
        "networks, offices abroad, partner-city summits, the İzmir Bulletin and the external-"
        "relations master plan. Licence: CC BY 4.0. Translated texts are objects "
        '{"value", "lang", "fallback"}: "lang" is the language the text is really in, '
        '"fallback" is true when the language asked for (?lang= or Accept-Language) has no text.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
    "ENUM_NAME_OVERRIDES": {
        "PartnershipStatusEnum": "weltstadt.models.Partnership.Status",
        "OfficeStatusEnum": "offices.models.Office.Status",
        "SummitStatusEnum": "summits.models.Summit.Status",
        "PublishedSummitStatusEnum": "summits.selectors.PUBLIC",
        "FollowUpStatusEnum": "summits.models.FollowUpAction.Status",
        "InvestmentStatusEnum": "masterplan.models.InvestmentTarget.Status",
        "LanguageEnum": "api.fields.LANGUAGE_CODES",
    },
    "DISABLE_ERRORS_AND_WARNINGS": False,
}

# Errors are reported to ADMINS (by mail, through the outbox, at most one mail per kind of error
# every ERROR_MAIL_INTERVAL_SECONDS) and to Sentry when SENTRY_DSN is set; the error page says
# someone was told only when one of them is configured.
ADMINS = [
    (address.split("@")[0], address)
    for address in env.list("DJANGO_ADMINS", default=[])
    if "@" in address
]
ERROR_MAIL_INTERVAL_SECONDS = env.int("ERROR_MAIL_INTERVAL_SECONDS", default=600)
SENTRY_DSN = env.str("SENTRY_DSN", default="")
ERRORS_REPORTED = bool(ADMINS or SENTRY_DSN)
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("WELTSTADT_RELEASE", default=None),
        send_default_pii=False,  # no addresses, cookies or bodies
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# One JSON object per line for every process (weltstadt.log): Django here, Celery through
# weltstadt.celery, gunicorn through deploy/gunicorn.conf.py. Times in UTC, a request id,
# no bearer tokens and no addresses.
LOG_FORMAT = env.str("LOG_FORMAT", default="plain" if DEBUG else "json")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "weltstadt.log.JsonFormatter"},
        "plain": {"()": "weltstadt.log.PlainFormatter"},
    },
    "filters": {"quiet_disallowed_host": {"()": "weltstadt.log.QuietDisallowedHost"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT},
        "mail_admins": {"level": "ERROR", "class": "weltstadt.error_report.OutboxAdminHandler"},
    },
    "root": {"handlers": ["console", "mail_admins"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own handlers (runserver's plain console, mail_admins) give way to the root's
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
        "django.security.DisallowedHost": {"filters": ["quiet_disallowed_host"]},
        "django.db.backends": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        # In-process (eager) tasks would log a line per task into the runserver console.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
        # the development server's access lines come from django.server already
        "weltstadt.access": {"level": "WARNING" if DEBUG else "INFO"},
    },
}
# Celery: the worker and beat log through LOGGING too (weltstadt.celery), not their own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# The association, as the imprint and privacy pages name it.
ASSOCIATION = {
    "name": env.str("WELTSTADT_ASSOCIATION_NAME", default="Verein Weltstadt Izmir e.V."),
    "address": env.str("WELTSTADT_ASSOCIATION_ADDRESS", default="Bremen, Deutschland"),
    "email": env.str("WELTSTADT_ASSOCIATION_EMAIL", default="info@weltstadt-izmir.org"),
    "register": env.str("WELTSTADT_ASSOCIATION_REGISTER", default=""),
    "represented_by": env.str("WELTSTADT_ASSOCIATION_BOARD", default=""),
}
# The licence of the open data (the API, the downloads, the DCAT catalogue): CC BY 4.0 unless the
# association chooses another; its address and its short name as the open-data page shows it.
OPEN_DATA_LICENCE = {
    "url": env.str(
        "WELTSTADT_OPEN_DATA_LICENCE", default="https://creativecommons.org/licenses/by/4.0/"
    ),
    "name": env.str("WELTSTADT_OPEN_DATA_LICENCE_NAME", default="CC BY 4.0"),
}
