"""The one way code hands a task to Celery.

A request that saved something must answer normally even when the broker is unreachable: the
saved rows are the truth, and the beat sweeps (outbox_sweep, sendjobs_due, …) pick up whatever
was not handed over. So a failure to publish is logged, never raised. With eager tasks (no
broker, tests) the task runs in-process and its errors propagate as before.
"""

import logging

from celery import current_app
from django.db import transaction

logger = logging.getLogger(__name__)


def enqueue(task, *args, **options) -> bool:
    """Publish `task(*args)` now; False (and a warning) if the broker did not take it.

    `options` go to apply_async (countdown, queue, …)."""
    if current_app.conf.task_always_eager:
        task.apply_async(args=args, **options)
        return True
    try:
        task.apply_async(args=args, **options)
    except Exception as exc:  # any broker failure: connection refused, timeout, auth, …
        logger.warning(
            "enqueue: the broker did not take %s (%s: %s); a periodic sweep will pick it up",
            task.name,
            type(exc).__name__,
            exc,
        )
        return False
    return True


def enqueue_on_commit(task, *args, **options) -> None:
    """Publish `task(*args)` once the surrounding transaction commits (see `enqueue`)."""
    transaction.on_commit(lambda: enqueue(task, *args, **options))
