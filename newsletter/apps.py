from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("İzmir Bulletin")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from newsletter import checks  # noqa: F401  (registers the deployment check)
