from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WeltstadtConfig(AppConfig):
    name = "weltstadt"
    verbose_name = _("Weltstadt Izmir")
