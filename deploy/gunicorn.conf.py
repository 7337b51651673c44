"""gunicorn's settings in production: JSON logs like every other process (weltstadt.log).

gunicorn's own access log is off: it would write each raw path, bearer tokens included. Django's
weltstadt.log.RequestLogMiddleware writes one access line per request instead, with the request
id and with secret path segments replaced by their route name.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after this many requests (a guard against slow leaks). Replacing one costs
# a second of CPU (Django and the apps imported afresh) unless the app is preloaded; at 2,000 it
# happened every two seconds under load and showed as p99 spikes of half a second.
max_requests = 100_000
max_requests_jitter = 10_000
# Django is imported once, in the master, before the workers fork: a new worker starts in
# milliseconds and the workers share the imported code's memory. No connection is opened at
# import (databases, caches and the broker connect on first use, in each worker).
preload_app = True
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# Only the proxy in front reaches this port (compose publishes only Caddy's ports).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "weltstadt.log.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "stream": "ext://sys.stdout",
        }
    },
    "root": {"handlers": ["console"], "level": loglevel.upper()},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}
