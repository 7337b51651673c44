"""The translation workflow in the admin of every translated model.

`TranslationAdmin`, `TranslationTabularInline` and `TranslationStackedInline` here are
modeltranslation's with the workflow added; every admin of a translated model uses them
(tests/weltstadt/test_translation_workflow.py checks it):
- a list filter "Translation: missing/outdated in <language>" (one SQL condition, no per-row query);
- in the change form, a status per language (complete, missing fields, needing update) with a
  button to confirm, and each language field saying whether it is missing or needs an update;
- for a translator with no other role, every field but their languages' is disabled (a disabled
  field ignores what is posted), no actions, and the admin's custom views refused.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.forms.models import InlineForeignKeyField
from django.urls import URLPattern, reverse
from django.utils.translation import gettext, gettext_lazy
from modeltranslation import admin as mt_admin

from weltstadt.translation_roles import is_translator_only, may_confirm, translator_languages
from weltstadt.translation_state import (
    TARGET_LANGUAGES,
    localized,
    missing_q,
    object_status,
    outdated_exists,
    translated_fields,
)

_STANDARD_VIEWS = ("changelist", "add", "history", "delete", "change")


def language_name(code: str) -> str:
    from django.conf import settings

    return gettext(dict(settings.LANGUAGES)[code])


class TranslationPendingFilter(admin.SimpleListFilter):
    title = gettext_lazy("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        languages = (
            translator_languages(request.user)
            if is_translator_only(request.user)
            else TARGET_LANGUAGES
        )
        choices = []
        for code in languages:
            name = language_name(code)
            choices.append(
                (f"missing-{code}", gettext("missing in %(language)s") % {"language": name})
            )
            choices.append(
                (f"outdated-{code}", gettext("needs update in %(language)s") % {"language": name})
            )
        return choices

    def queryset(self, request, queryset):
        kind, _sep, language = (self.value() or "").partition("-")
        if language not in TARGET_LANGUAGES:
            return queryset
        if kind == "missing":
            return queryset.filter(missing_q(queryset.model, language))
        if kind == "outdated":
            return queryset.filter(outdated_exists(queryset.model, language))
        return queryset


def _allowed(model, user) -> set[str]:
    languages = translator_languages(user)
    return {localized(name, code) for name in translated_fields(model) for code in languages}


def _restricted_form(form_class, allowed: set[str], notes: dict[str, str]):
    """`form_class` with only the `allowed` fields editable and `notes` on language fields."""

    class WorkflowForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            pk_name = self._meta.model._meta.pk.name
            for name, form_field in self.fields.items():
                if name in notes:
                    extra = form_field.help_text
                    form_field.help_text = f"{notes[name]} {extra}" if extra else notes[name]
                if allowed is None or name in allowed or name in ("DELETE", "ORDER", pk_name):
                    continue
                if not isinstance(form_field, InlineForeignKeyField):
                    form_field.disabled = True

    WorkflowForm.__name__ = form_class.__name__
    return WorkflowForm


def _field_notes(status) -> dict[str, str]:
    notes = {}
    for code, language_status in (status or {}).items():
        for name in language_status.missing:
            notes[localized(name, code)] = gettext("Missing: not translated from German yet.")
        for name in language_status.outdated:
            notes[localized(name, code)] = gettext(
                "Needs update: the German text changed after this was translated."
            )
    return notes


class TranslationWorkflowMixin:
    def get_list_filter(self, request):
        return [*super().get_list_filter(request), TranslationPendingFilter]

    def _status(self, request, obj):
        if obj is None or obj.pk is None:
            return None
        cache = request.__dict__.setdefault("_translation_status", {})
        key = (type(obj), obj.pk)
        if key not in cache:
            cache[key] = object_status(obj)
        return cache[key]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        allowed = _allowed(self.model, request.user) if is_translator_only(request.user) else None
        return _restricted_form(form, allowed, _field_notes(self._status(request, obj)))

    def get_actions(self, request):
        if is_translator_only(request.user):
            return {}
        return super().get_actions(request)

    @property
    def urls(self):
        # the admin's own custom views too (a subclass's get_urls adds them above this one)
        opts = self.model._meta
        standard = {f"{opts.app_label}_{opts.model_name}_{view}" for view in _STANDARD_VIEWS}
        return [
            pattern
            if not isinstance(pattern, URLPattern) or pattern.name in standard
            else URLPattern(
                pattern.pattern,
                _refuse_translators(pattern.callback),
                pattern.default_args,
                pattern.name,
            )
            for pattern in self.get_urls()
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        status = self._status(request, obj)
        if status:
            context["translation_panel"] = _panel(request, self.model, obj, status)
        return super().render_change_form(request, context, add, change, form_url, obj)


def _refuse_translators(view):
    def wrapped(request, *args, **kwargs):
        if is_translator_only(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__wrapped__ = view
    return wrapped


def _panel(request, model, obj, status) -> dict:
    from django.contrib.contenttypes.models import ContentType

    labels = {name: model._meta.get_field(name).verbose_name for name in translated_fields(model)}
    rows = []
    for code, language_status in status.items():
        rows.append(
            {
                "code": code,
                "name": language_name(code),
                "status": language_status,
                "missing": [labels[name] for name in language_status.missing],
                "outdated": [labels[name] for name in language_status.outdated],
                "can_confirm": bool(language_status.outdated)
                and may_confirm(request.user, model, code),
            }
        )
    content_type = ContentType.objects.get_for_model(model)
    return {
        "rows": rows,
        "confirm_url": reverse("translation_confirm", args=[content_type.pk, obj.pk]),
    }


class TranslationAdmin(TranslationWorkflowMixin, mt_admin.TranslationAdmin):
    pass


class TranslationInlineMixin:
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if not is_translator_only(request.user):
            return formset
        form = _restricted_form(formset.form, _allowed(self.model, request.user), {})
        return type(formset.__name__, (formset,), {"form": form})


class TranslationTabularInline(TranslationInlineMixin, mt_admin.TranslationTabularInline):
    pass


class TranslationStackedInline(TranslationInlineMixin, mt_admin.TranslationStackedInline):
    pass
