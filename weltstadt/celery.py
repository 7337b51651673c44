"""The Celery app: configured from Django settings (CELERY_*), tasks discovered in every app.

Worker and beat log through the project's LOGGING (one JSON object per line in production, see
weltstadt.log), and a task carries the request id of the request that enqueued it.
"""

import contextlib
import logging.config
import os

from celery import Celery, signals
from celery.apps import worker as _worker_app

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weltstadt.settings")
# Celery's Django fixup runs every system check when a worker starts, and the URL checks import
# every view, form and admin of the portal into the worker's main process, which its children
# then inherit (some 20 MiB each). The checks belong to CI (`make lint`) and to the web process;
# a worker resolves the few URLs its mail needs when it first renders one.
os.environ.setdefault("CELERY_SKIP_CHECKS", "1")

app = Celery("weltstadt")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

REQUEST_ID_HEADER = "weltstadt_request_id"


@signals.setup_logging.connect
@signals.celeryd_init.connect  # before the worker's first warnings (e.g. running as root)
def _use_project_logging(**kwargs):
    """Connected, so Celery installs none of its own handlers or formats."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
    logging.captureWarnings(True)  # a warning is a log line too, in the same format
    _worker_app.safe_say = _say_as_json


def _say_as_json(message, f=None):
    """What the worker prints from its signal handlers ("Warm shutdown"), as a log line.

    Written with one os.write, like Celery's own safe_say: a signal handler must not take the
    logging module's locks."""
    from weltstadt.log import json_line

    with contextlib.suppress(OSError):
        os.write(2, json_line("WARNING", "celery.apps.worker", message.strip()).encode())


@signals.before_task_publish.connect
def _carry_request_id(headers=None, **kwargs):
    from weltstadt.log import request_id

    rid = request_id.get()
    if rid and headers is not None:
        headers[REQUEST_ID_HEADER] = rid


@signals.task_prerun.connect
def _adopt_request_id(task=None, **kwargs):
    from weltstadt.log import request_id

    rid = getattr(task.request, REQUEST_ID_HEADER, None) or (
        (task.request.headers or {}).get(REQUEST_ID_HEADER)
        if isinstance(getattr(task.request, "headers", None), dict)
        else None
    )
    previous = request_id.get()
    task.request.previous_request_id = previous
    request_id.set(rid or previous)  # an eager task runs inside its request


@signals.task_postrun.connect
def _drop_request_id(task=None, **kwargs):
    from weltstadt.log import request_id

    request_id.set(getattr(task.request, "previous_request_id", None))


@signals.worker_process_shutdown.connect
def _close_mail_connection(**kwargs):
    """Say QUIT to the mail server on the connection the process kept between batches."""
    from weltstadt.mail_connection import mail_connection_close

    with contextlib.suppress(Exception):
        mail_connection_close()


# seconds beat waits before it asks an unavailable database again
OUTAGE_RETRY = 5


def _heartbeat_scheduler():
    from django_celery_beat.schedulers import DatabaseScheduler

    class HeartbeatScheduler(DatabaseScheduler):
        """django-celery-beat's scheduler that touches a file at every tick, for the container
        health check (a beat that hangs stops touching it)."""

        def tick(self, *args, **kwargs):
            from django.conf import settings
            from django.db import DatabaseError, connection

            with contextlib.suppress(OSError):
                settings.BEAT_HEARTBEAT_FILE.touch()
            try:
                return super().tick(*args, **kwargs)
            except DatabaseError as error:
                # django-celery-beat catches the database's errors on most paths but not all
                # (reading the crontab exclusions): beat must outlive an outage, not end with it
                logging.getLogger(__name__).warning(
                    "database unavailable to beat, next try in %s s: %s", OUTAGE_RETRY, error
                )
                with contextlib.suppress(Exception):
                    connection.close()
                return OUTAGE_RETRY

    return HeartbeatScheduler


def __getattr__(name):
    # beat imports the scheduler by name once Django is set up (CELERY_BEAT_SCHEDULER)
    if name == "HeartbeatScheduler":
        return _heartbeat_scheduler()
    raise AttributeError(name)
