"""The five programmes, the backbone of the home page and the main navigation.

Each programme app names its public start page `<app>:index`; until an app has one, the programme
is shown without a link.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Programme:
    app: str
    title: Promise
    summary: Promise
    nav_title: Promise  # short, for the main navigation, which must fit one line

    @property
    def url(self) -> str:
        try:
            return reverse(f"{self.app}:index")
        except NoReverseMatch:
            return ""


PROGRAMMES = [
    Programme(
        "ambassadors",
        _("İzmir Ambassadors"),
        _(
            "Opinion leaders complete training and implementation modules and become "
            "ambassadors of the city of İzmir."
        ),
        pgettext_lazy("navigation", "Ambassadors"),
    ),
    Programme(
        "offices",
        _("Promotion offices abroad"),
        _(
            "Offices founded by citizens of Turkish origin abroad keep İzmir's contacts with "
            "people and institutions alive."
        ),
        pgettext_lazy("navigation", "Offices abroad"),
    ),
    Programme(
        "newsletter",
        _("İzmir Bulletin"),
        _("News of İzmir's international developments in several European languages."),
        pgettext_lazy("navigation", "Bulletin"),
    ),
    Programme(
        "summits",
        _("Partner-city summits"),
        _("The Germany–İzmir partner-cities summit: programme, delegations and outcomes."),
        pgettext_lazy("navigation", "Summits"),
    ),
    Programme(
        "masterplan",
        _("Master plan 2020–2024"),
        _(
            "İzmir's external-relations master plan: priorities, targets and local data, "
            "shaped by experts and a participatory workshop."
        ),
        pgettext_lazy("navigation", "Master plan"),
    ),
]
