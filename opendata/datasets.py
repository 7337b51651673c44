"""The datasets the portal publishes as open data: what each holds, where people see it, its API
endpoints and downloads, how often it changes and when it last did.

The open-data page and the DCAT catalogue are both built from this one list.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from masterplan.selectors import plan_adopted_current
from newsletter.selectors import issues_published
from offices.models import Office
from opendata.endpoints import API_LISTS
from summits.models import FollowUpAction, Summit
from summits.selectors import PUBLIC

# EU vocabularies DCAT-AP asks for (publications.europa.eu/resource/authority/…)
IRREGULAR, ANNUAL, MONTHLY = "IRREG", "ANNUAL", "MONTHLY"
GOVERNMENT, ECONOMY, REGIONS = "GOVE", "ECON", "REGI"


@dataclass(frozen=True)
class Download:
    """A file people download from a page of the site, in each language (`url_name` reversed
    under each language prefix)."""

    url_name: str
    file_type: str  # EU file-type code: CSV, ATOM
    media_type: str
    title: Promise


@dataclass(frozen=True)
class Dataset:
    key: str
    title: Promise
    description: Promise
    landing: str  # URL name of the public page that shows it
    api: tuple[str, ...]  # keys of opendata.endpoints.API_LISTS
    periodicity: str
    themes: tuple[str, ...]
    keywords: tuple[Promise, ...]
    modified: Callable[[], datetime.datetime | datetime.date | None]
    downloads: tuple[Download, ...] = ()

    @property
    def api_paths(self) -> list[str]:
        return [API_LISTS[key] for key in self.api]


def _unknown():
    """The data has no change date (the partner-city lists are imported from public sources)."""
    return None


def _offices_modified():
    active = Office.objects.filter(status=Office.Status.ACTIVE).values("pk")
    return Office.history.filter(id__in=active).aggregate(last=Max("history_date"))["last"]


def _summits_modified():
    return Summit.objects.filter(status__in=PUBLIC).aggregate(last=Max("status_changed_at"))["last"]


def _bulletin_modified():
    return issues_published().aggregate(last=Max("updated_at"))["last"]


def _plan_modified():
    """The adopted plan's adoption or its latest version, whichever is later."""
    plan = plan_adopted_current()
    if plan is None:
        return None
    version = plan.versions.aggregate(last=Max("date"))["last"]
    adopted = plan.status_changed_at
    dates = [d for d in (adopted, version) if d is not None]
    return max(dates, key=as_datetime) if dates else None


def _follow_up_modified():
    actions = FollowUpAction.objects.filter(summit__status__in=PUBLIC)
    return actions.aggregate(last=Max("status_changed_at"))["last"]


def as_datetime(value) -> datetime.datetime:
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=datetime.UTC)


INDICATORS_CSV = Download(
    "masterplan:dashboard_csv", "CSV", "text/csv", _("Indicators of the master plan (CSV)")
)
BULLETIN_FEED = Download(
    "newsletter:feed", "ATOM", "application/atom+xml", _("İzmir Bulletin (Atom feed)")
)

DATASETS = [
    Dataset(
        key="partnerships",
        title=_("Partner cities and partnerships"),
        description=_(
            "İzmir's sister cities, friendships and cooperations, and the partnerships between "
            "German and Turkish municipalities: kind, status, dates, note and public source, "
            "with the cities and their positions."
        ),
        landing="partners",
        api=("cities", "partnerships"),
        periodicity=IRREGULAR,
        themes=(GOVERNMENT, REGIONS),
        keywords=(_("city partnership"), _("sister city"), _("city diplomacy")),
        modified=_unknown,
    ),
    Dataset(
        key="networks",
        title=_("City networks"),
        description=_(
            "International networks of cities İzmir takes part in, with their founding year, "
            "number of members, description and source."
        ),
        landing="networks",
        api=("networks",),
        periodicity=IRREGULAR,
        themes=(GOVERNMENT,),
        keywords=(_("city network"), _("city diplomacy")),
        modified=_unknown,
    ),
    Dataset(
        key="offices",
        title=_("Promotion offices abroad"),
        description=_(
            "The active promotion offices of İzmir abroad: city, country, public contact, "
            "founding date and description."
        ),
        landing="offices:index",
        api=("offices",),
        periodicity=IRREGULAR,
        themes=(GOVERNMENT,),
        keywords=(_("promotion office"), _("diaspora")),
        modified=_offices_modified,
    ),
    Dataset(
        key="summits",
        title=_("Partner-city summits"),
        description=_(
            "The Germany–İzmir partner-city summits: dates, place, format, programme with "
            "sessions and speakers, and the declarations adopted."
        ),
        landing="summits:index",
        api=("summits",),
        periodicity=ANNUAL,
        themes=(GOVERNMENT,),
        keywords=(_("summit"), _("city partnership")),
        modified=_summits_modified,
    ),
    Dataset(
        key="bulletin",
        title=_("İzmir Bulletin"),
        description=_(
            "The published issues of the İzmir Bulletin with their articles, in each language "
            "the issue appeared in."
        ),
        landing="newsletter:index",
        api=("bulletin-issues",),
        periodicity=MONTHLY,
        themes=(GOVERNMENT,),
        keywords=(_("newsletter"), _("city diplomacy")),
        modified=_bulletin_modified,
        downloads=(BULLETIN_FEED,),
    ),
    Dataset(
        key="masterplan",
        title=_("Master plan: objectives and indicators"),
        description=_(
            "The adopted external-relations master plan: priority areas, objectives and their "
            "indicators with baseline, targets, measurements and the progress computed from them."
        ),
        landing="masterplan:dashboard",
        api=("plan-areas", "objectives", "indicators"),
        periodicity=ANNUAL,
        themes=(GOVERNMENT,),
        keywords=(_("master plan"), _("indicator"), _("external relations")),
        modified=_plan_modified,
        downloads=(INDICATORS_CSV,),
    ),
    Dataset(
        key="investment-targets",
        title=_("Investment targets"),
        description=_(
            "The investment targets of the master plan: sector, target countries and cities, "
            "amount, year and status."
        ),
        landing="masterplan:investments",
        api=("investment-targets",),
        periodicity=ANNUAL,
        themes=(ECONOMY,),
        keywords=(_("investment"), _("master plan")),
        modified=_plan_modified,
    ),
    Dataset(
        key="local-datasets",
        title=_("Local data about İzmir"),
        description=_(
            "Figures about İzmir by year (population, visitors, exports …) that the master plan "
            "builds on, each with its unit and source."
        ),
        landing="masterplan:local_data",
        api=("local-datasets",),
        periodicity=ANNUAL,
        themes=(ECONOMY, REGIONS),
        keywords=(_("statistics"), _("master plan")),
        modified=_unknown,
    ),
    Dataset(
        key="follow-up-actions",
        title=_("Summit follow-up actions"),
        description=_(
            "The commitments made at the summits, the city responsible, the due date, their "
            "status and the master-plan objectives they serve."
        ),
        landing="summits:index",
        api=("follow-up-actions",),
        periodicity=IRREGULAR,
        themes=(GOVERNMENT,),
        keywords=(_("summit"), _("follow-up")),
        modified=_follow_up_modified,
    ),
]
