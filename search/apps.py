from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import signals

        # after every app is loaded: the indexed models and the ones they depend on
        signals.connect()
