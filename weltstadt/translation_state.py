"""Whether each translation of each translated field is there and still matches its German source.

German (`MODELTRANSLATION_DEFAULT_LANGUAGE`) is the source. For every object, field and other
language with a translation, a `TranslationState` row holds a fingerprint of the German text the
translation was made (or confirmed) for. Saving an object keeps the rows current (signals
connected in `connect_signals`): a language whose text changed in the save is translated from the
German of that save; one whose text stayed is outdated while the German differs from its
fingerprint. Changes that bypass `save()` (`QuerySet.update`, raw SQL) are not seen.
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from weltstadt.models import TranslationState

SOURCE_LANGUAGE: str = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TARGET_LANGUAGES: list[str] = [
    code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE
]


def normalise(text) -> str:
    """The text as compared: line endings as a browser's textarea sends them do not count."""
    return "" if text is None else str(text).replace("\r\n", "\n").strip()


def source_hash(text) -> str:
    return hashlib.sha256(normalise(text).encode()).hexdigest()


def translated_models() -> list[type[models.Model]]:
    """Every model registered with modeltranslation, in a stable order."""
    return sorted(translator.get_registered_models(abstract=False), key=lambda m: m._meta.label)


def translated_fields(model: type[models.Model]) -> list[str]:
    """The translated field names of `model`, in the model's own order."""
    names = translator.get_options_for_model(model).fields
    return [f.name for f in model._meta.fields if f.name in names]


def is_translated(model: type[models.Model]) -> bool:
    return model in translator.get_registered_models(abstract=False)


def localized(field_name: str, language: str) -> str:
    return build_localized_fieldname(field_name, language)


@dataclass
class LanguageStatus:
    language: str
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def current(self) -> bool:
        return not self.missing and not self.outdated


def object_status(obj: models.Model) -> dict[str, LanguageStatus]:
    """Per other language: the fields missing (German text, no translation) and outdated
    (the German changed since the translation). One query."""
    states = {
        (row.field, row.language): row.source_hash
        for row in TranslationState.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
    }
    result = {language: LanguageStatus(language) for language in TARGET_LANGUAGES}
    for name in translated_fields(type(obj)):
        german = normalise(getattr(obj, localized(name, SOURCE_LANGUAGE)))
        if not german:
            continue
        german_hash = source_hash(german)
        for language in TARGET_LANGUAGES:
            if not normalise(getattr(obj, localized(name, language))):
                result[language].missing.append(name)
            elif states.get((name, language), german_hash) != german_hash:
                result[language].outdated.append(name)
    return result


def _has_text(name: str) -> Q:
    return Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})


def missing_q(model: type[models.Model], language: str) -> Q:
    """Objects with a German text whose `language` translation is empty, in any field."""
    query = Q(pk__in=[])
    for name in translated_fields(model):
        query |= _has_text(localized(name, SOURCE_LANGUAGE)) & ~_has_text(localized(name, language))
    return query


def outdated_exists(model: type[models.Model], language: str) -> Exists:
    """Objects with a `language` translation made for German text that has changed since."""
    return Exists(
        TranslationState.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            language=language,
            outdated=True,
            object_id=OuterRef("pk"),
        )
    )


def _current_user():
    # simple_history's middleware keeps the request of this thread; outside a request: nobody
    from simple_history.models import HistoricalRecords

    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _snapshot(instance: models.Model) -> dict | None:
    names = [
        localized(name, language)
        for name in translated_fields(type(instance))
        for language in [SOURCE_LANGUAGE, *TARGET_LANGUAGES]
    ]
    return type(instance)._base_manager.filter(pk=instance.pk).values(*names).first()


def translation_states_update(*, instance: models.Model, before: dict | None) -> None:
    """Bring the rows of `instance` in line with its texts after a save; `before` holds the
    texts as stored before it (None for a new object). A language edited in the save counts as
    translated from the German of the save; one left alone keeps its fingerprint."""
    content_type = ContentType.objects.get_for_model(instance)
    rows = {}
    if before is not None:
        rows = {
            (row.field, row.language): row
            for row in TranslationState.objects.filter(
                content_type=content_type, object_id=instance.pk
            )
        }
    now, by = timezone.now(), _current_user()
    create, update, delete = [], [], []
    for name in translated_fields(type(instance)):
        german_field = localized(name, SOURCE_LANGUAGE)
        german_hash = source_hash(getattr(instance, german_field))
        for language in TARGET_LANGUAGES:
            text = normalise(getattr(instance, localized(name, language)))
            row = rows.get((name, language))
            if not text:
                if row is not None:
                    delete.append(row.pk)
                continue
            if before is None or normalise(before[localized(name, language)]) != text:
                fingerprint = german_hash
            elif row is None:
                # translated before states were kept: made for the German as it was stored
                fingerprint = source_hash(before[german_field])
            else:
                fingerprint = row.source_hash
            outdated = fingerprint != german_hash
            if row is None:
                create.append(
                    TranslationState(
                        content_type=content_type,
                        object_id=instance.pk,
                        field=name,
                        language=language,
                        source_hash=fingerprint,
                        outdated=outdated,
                        updated_by=by,
                    )
                )
            elif (row.source_hash, row.outdated) != (fingerprint, outdated):
                row.source_hash, row.outdated, row.updated_at = fingerprint, outdated, now
                row.updated_by = by
                update.append(row)
    if delete:
        TranslationState.objects.filter(pk__in=delete).delete()
    if create:
        TranslationState.objects.bulk_create(create)
    if update:
        TranslationState.objects.bulk_update(
            update, ["source_hash", "outdated", "updated_at", "updated_by"]
        )


def translation_confirm(*, obj: models.Model, language: str, by=None) -> int:
    """Confirm that the `language` translation of `obj` is right for the current German text:
    every outdated field of that language is current afterwards. Returns how many were."""
    status = object_status(obj)[language]
    for name in status.outdated:
        TranslationState.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            field=name,
            language=language,
        ).update(
            source_hash=source_hash(getattr(obj, localized(name, SOURCE_LANGUAGE))),
            outdated=False,
            updated_at=timezone.now(),
            updated_by=by,
        )
    return len(status.outdated)


def _before_save(sender, instance, raw=False, **kwargs):
    adding = instance._state.adding or instance.pk is None
    instance._translation_before = None if raw or adding else _snapshot(instance)


def _after_save(sender, instance, created=False, raw=False, **kwargs):
    if raw:  # fixtures and restores bring their own rows
        return
    translation_states_update(
        instance=instance, before=None if created else instance._translation_before
    )


def _after_delete(sender, instance, **kwargs):
    TranslationState.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def connect_signals() -> None:
    for model in translated_models():
        uid = f"translation_state:{model._meta.label}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)
