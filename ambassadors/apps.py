from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AmbassadorsConfig(AppConfig):
    name = "ambassadors"
    verbose_name = _("İzmir Ambassadors")

    def ready(self):
        from ambassadors.certificates import tasks  # noqa: F401  (Celery discovers only app.tasks)
