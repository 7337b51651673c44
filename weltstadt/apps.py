from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WeltstadtConfig(AppConfig):
    name = "weltstadt"
    verbose_name = _("Weltstadt Izmir")

    def ready(self):
        from django.contrib import admin
        from django.contrib.admin import options, widgets
        from django.db import models

        # text_search registers the fold() search function on each SQLite connection
        from weltstadt import catalogues, converters, text_search, translation_state  # noqa: F401
        from weltstadt.audit import register_histories
        from weltstadt.page_cache_invalidation import watch_writes
        from weltstadt.personal_data_admin import add_personal_data_actions

        # the URL converters of token and code segments, before any app's urls.py is imported
        converters.register()
        # the audit trail of the models that do not declare their own history
        register_histories()
        # translation states kept on every save of a translated model; rosetta restricted
        translation_state.connect_signals()
        catalogues.install()
        # a write to a public model's table makes every cached public page stale (page_cache)
        watch_writes()
        # export and erasure of a subscriber's or an ambassador's data (admin actions)
        add_personal_data_actions()

        # A web address typed without a scheme is https in every admin form (Django 6's default;
        # 5.2 still assumes http and warns). Inlines read the defaults when they are built; the
        # registered admins (autodiscovered before this app is ready) get it added.
        https = {"widget": widgets.AdminURLFieldWidget, "assume_scheme": "https"}
        options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.URLField] = https
        for model_admin in admin.site._registry.values():
            overrides = model_admin.formfield_overrides
            overrides[models.URLField] = {**overrides.get(models.URLField, {}), **https}
