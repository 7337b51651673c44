"""The five programmes, the backbone of the home page and the main navigation.

Each programme app names its public start page `<app>:index`; until an app has one, the programme
is shown without a link.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Programme:
    app: str
    title: Promise
    summary: Promise

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
    ),
    Programme(
        "offices",
        _("Promotion offices abroad"),
        _(
            "Offices founded by citizens of Turkish origin abroad keep İzmir's contacts with "
            "people and institutions alive."
        ),
    ),
    Programme(
        "newsletter",
        _("İzmir Bulletin"),
        _("News of İzmir's international developments in several European languages."),
    ),
    Programme(
        "summits",
        _("Partner-city summits"),
        _("The Germany–İzmir partner-cities summit: programme, delegations and outcomes."),
    ),
    Programme(
        "masterplan",
        _("Master plan 2020–2024"),
        _(
            "İzmir's external-relations master plan: priorities, targets and local data, "
            "shaped by experts and a participatory workshop."
        ),
    ),
]
