from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasterplanConfig(AppConfig):
    name = "masterplan"
    verbose_name = _("External-relations master plan")

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from masterplan.services.amendments import on_history_record

        post_create_historical_record.connect(
            on_history_record, dispatch_uid="masterplan_amendments"
        )
