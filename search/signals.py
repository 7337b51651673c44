"""Keeps the search index current: every save or delete of an indexed item (or of one whose
public state decides theirs: an issue, a summit, a plan, a city) re-indexes it once the
transaction commits. Changes made with queryset.update() call search.services.reindex_on_commit
themselves."""

from django.db.models.signals import post_delete, post_save


def _saved(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures and restores bring their own index rows
        return
    from search.services import reindex_on_commit

    reindex_on_commit(instance)


def _deleted(sender, instance, **kwargs):
    from search.services import reindex_on_commit

    reindex_on_commit(instance, deleted=True)


def connect() -> None:
    from search.sources import watched_models

    for model in watched_models():
        post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{model._meta.label}")
        post_delete.connect(
            _deleted, sender=model, dispatch_uid=f"search-delete-{model._meta.label}"
        )
