"""Which kinds of item may be tied to an objective, and when such an item is public.

An explicit allow-list: a generic relation that offered every model of the project let staff link
funding requests, payments, users or sessions, and the public objective page showed them. Only the
kinds below can be linked (model clean and save, the admin's choices, `limit_choices_to`), and the
public page shows an item only when its kind's own rule says it is public. The master plan imports
none of these apps: models are named by label and read through `apps`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

from masterplan.parsing import whole_number


@dataclass(frozen=True)
class LinkableKind:
    label: str  # "app_label.model_name"
    is_public: Callable[[models.Model], bool]
    related: tuple[str, ...] = ()  # select_related for the public check

    @property
    def app_label(self) -> str:
        return self.label.split(".")[0]

    @property
    def model_name(self) -> str:
        return self.label.split(".")[1]

    def model(self) -> type[models.Model] | None:
        try:
            return apps.get_model(self.label)
        except LookupError:
            return None


def _always(item) -> bool:
    return True


LINKABLE_KINDS: tuple[LinkableKind, ...] = (
    # a summit's follow-up action, once its summit is published (no longer a draft)
    LinkableKind(
        "summits.followupaction",
        lambda action: action.summit.status != "draft",
        related=("summit",),
    ),
    # an office's activity report: its highlight published, by an active (public) office
    LinkableKind(
        "offices.activityreport",
        lambda report: bool(report.highlight_published) and report.office.status == "active",
        related=("office",),
    ),
    # partnerships and city networks come from public sources and have public pages
    LinkableKind("weltstadt.partnership", _always, related=("city", "partner")),
    LinkableKind("weltstadt.network", _always),
    # the local data sets of the master plan itself (a public page)
    LinkableKind("masterplan.localdataset", _always),
)
BY_LABEL = {kind.label: kind for kind in LINKABLE_KINDS}


def linkable_content_types() -> models.Q:
    """`limit_choices_to` for ObjectiveLink.content_type: only the allowed kinds."""
    query = models.Q(pk__in=[])
    for kind in LINKABLE_KINDS:
        query |= models.Q(app_label=kind.app_label, model=kind.model_name)
    return query


def kind_for(content_type: ContentType | None) -> LinkableKind | None:
    if content_type is None:
        return None
    return BY_LABEL.get(f"{content_type.app_label}.{content_type.model}")


def is_linkable(content_type: ContentType | None) -> bool:
    return kind_for(content_type) is not None


def item_is_public(content_type: ContentType, item) -> bool:
    """True only for an item of an allowed kind that its kind's rule calls public."""
    kind = kind_for(content_type)
    if kind is None or item is None:
        return False
    return bool(kind.is_public(item))


def linkable_querysets() -> list[models.QuerySet]:
    """One queryset per installed allowed kind, with what the public check reads."""
    querysets = []
    for kind in LINKABLE_KINDS:
        model = kind.model()
        if model is not None:
            querysets.append(model._default_manager.select_related(*kind.related))
    return querysets


def linkable_item_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for the admin, grouped by kind: ("<content type id>-<item id>", item's name)."""
    groups = []
    for queryset in linkable_querysets():
        model = queryset.model
        content_type = ContentType.objects.get_for_model(model)
        options = [(f"{content_type.pk}-{item.pk}", str(item)) for item in queryset]
        if options:
            groups.append((str(model._meta.verbose_name_plural).capitalize(), options))
    return groups


def linkable_item(value: str) -> tuple[ContentType, int] | None:
    """The (content type, item id) behind a choice, if it is of an allowed kind and exists."""
    ct_text, _sep, pk_text = (value or "").partition("-")
    ct_id, pk = whole_number(ct_text), whole_number(pk_text)
    if ct_id is None or pk is None:
        return None
    content_type = ContentType.objects.filter(pk=ct_id).first()
    if not is_linkable(content_type):
        return None
    model = content_type.model_class()
    if model is None or not model._default_manager.filter(pk=pk).exists():
        return None
    return content_type, pk
