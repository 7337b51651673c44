"""Who may translate what: the translator roles (one group per language) and what they allow.

A translator edits only their language's fields of every translated model (the admin shows the
other fields disabled, and a disabled field ignores what is posted), confirms translations of
their language, exchanges files of their language and edits that language's interface catalogue
(django-rosetta). Superusers may do all of it in every language.
"""

from django.db import models

from weltstadt.accounts.roles import TRANSLATOR_ROLE_LANGUAGES
from weltstadt.translation_state import TARGET_LANGUAGES


def translator_languages(user) -> list[str]:
    """The languages `user` holds a translator role for (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_translator_languages", None)
    if cached is None:
        names = user.groups.values_list("name", flat=True)
        cached = user._translator_languages = sorted(
            {TRANSLATOR_ROLE_LANGUAGES[name] for name in names if name in TRANSLATOR_ROLE_LANGUAGES}
        )
        user._other_roles = any(name not in TRANSLATOR_ROLE_LANGUAGES for name in names)
    return cached


def is_translator_only(user) -> bool:
    """A translator with no other role: the admin lets them change only their languages."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return False
    return bool(translator_languages(user)) and not user._other_roles


def exchange_languages(user) -> list[str]:
    """The languages whose pending texts `user` may export and import."""
    if getattr(user, "is_superuser", False) and user.is_staff:
        return list(TARGET_LANGUAGES)
    return translator_languages(user) if getattr(user, "is_staff", False) else []


def may_confirm(user, model: type[models.Model], language: str) -> bool:
    """Whether `user` may confirm `language` translations of `model` objects."""
    if language not in TARGET_LANGUAGES or not getattr(user, "is_staff", False):
        return False
    if is_translator_only(user):
        return language in translator_languages(user)
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_edit_catalogue(user, language: str | None = None) -> bool:
    """Whether `user` may open the interface catalogues (of `language`) in rosetta."""
    if not getattr(user, "is_authenticated", False) or not user.is_staff:
        return False
    if user.is_superuser:
        return True
    languages = translator_languages(user)
    return bool(languages) if language is None else language in languages
