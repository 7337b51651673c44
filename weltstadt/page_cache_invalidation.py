"""Every write to a public model's table starts a new page-cache generation (weltstadt.page_cache).

The hook sits on the database connection, not on model signals, so that `QuerySet.update()`,
`bulk_create()`, many-to-many changes and translation fields are seen as surely as `save()` and
`delete()`. The generation moves on at once (this request and this transaction see fresh pages)
and again when the transaction commits: a page another process rendered from the data before the
commit is then stale too.

All tables of the portal's apps count, except those no public page shows: outgoing mail, send
jobs and subscribers (the bulletin's sending writes them by the thousand) and history rows (each
accompanies a write to its own table).
"""

import re
from functools import cache as once

from django.apps import apps
from django.db import connections, transaction
from django.db.backends.signals import connection_created

from weltstadt.page_cache import generation_bump

# the portal's own apps; `search` too, as its results page shows the stored search documents
PUBLIC_APPS = (
    "weltstadt", "ambassadors", "offices", "newsletter", "summits", "masterplan", "search",
)  # fmt: skip
NOT_SHOWN = frozenset(
    {
        "weltstadt.OutgoingMail",
        "newsletter.SendJob",
        "newsletter.Subscriber",
        "newsletter.SubscriberEvent",
    }
)
WRITE = re.compile(r'(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE)


@once
def public_tables() -> frozenset[str]:
    return frozenset(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in PUBLIC_APPS
        and model._meta.label not in NOT_SHOWN
        and not hasattr(model, "instance_type")  # simple_history's history models
    )


def _bump() -> None:
    generation_bump()  # this process's copy of the generation too, for its fragments


def _bump_on_commit() -> None:
    _bump()


def writes_pending(connection) -> bool:
    """The current transaction has written to a public table and not committed yet."""
    pending = connection.run_on_commit if connection.in_atomic_block else []
    return any(callback is _bump_on_commit for _sids, callback, _robust in pending)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if isinstance(sql, str) and sql.startswith(("INSERT", "UPDATE", "DELETE")):
        match = WRITE.match(sql)
        if match and match.group(1) in public_tables():
            _bump()
            connection = context["connection"]
            if not writes_pending(connection):
                transaction.on_commit(_bump_on_commit, using=connection.alias, robust=True)
    return result


def _install(connection, **kwargs) -> None:
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def watch_writes() -> None:
    """Install the hook on every database connection, open or opened later."""
    connection_created.connect(_install, dispatch_uid="page-cache-watch-writes")
    for connection in connections.all(initialized_only=True):
        _install(connection)
