"""What the site search indexes: for each kind of item, the rows the public may see (the
programme's own public selection), the text a reader sees in a language, and the page it is on.

A source's `public` queryset decides everything: an item outside it has no search document, so
a draft issue's articles, a draft summit's sessions, an office that is not active or the
objectives of a plan not adopted are never found. `depends` names the models whose change can
move items in or out of it (an issue published, a plan adopted) and which of its items they
touch."""

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet
from django.urls import reverse
from django.utils.html import strip_tags

from search.models import SearchDocument

Kind = SearchDocument.Kind


@dataclass(frozen=True)
class Text:
    title: str
    body: str
    # the translated field whose shown language is the document's (None: the reader's)
    language_field: str | None = None


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[Model]
    public: Callable[[], QuerySet]
    text: Callable[[Model], Text]
    url: Callable[[Model], str]
    depends: dict[str, Callable[[Model], Q]] = field(default_factory=dict)


def plain(*parts) -> str:
    """Rich text as the words a reader sees: tags dropped, entities read, blanks left out."""
    texts = (html.unescape(strip_tags(str(part))) for part in parts if part)
    return " · ".join(" ".join(text.split()) for text in texts if text.strip())


def _articles() -> QuerySet:
    from newsletter.models import Article
    from newsletter.selectors import PUBLISHED

    return Article.objects.filter(issue__status__in=PUBLISHED).select_related("issue")


def _summits() -> QuerySet:
    from summits.models import Summit
    from summits.selectors import PUBLIC

    return Summit.objects.filter(status__in=PUBLIC).select_related("host_city")


def _sessions() -> QuerySet:
    from summits.models import Session
    from summits.selectors import PUBLIC

    return Session.objects.filter(summit__status__in=PUBLIC).select_related("summit", "track")


def _offices() -> QuerySet:
    from offices.models import Office

    # exactly the offices that have a public page (offices.selectors.office_public_detail)
    return Office.objects.filter(status=Office.Status.ACTIVE).select_related("city")


def _partnerships() -> QuerySet:
    from weltstadt.selectors import partnership_list

    return partnership_list()


def _networks() -> QuerySet:
    from weltstadt.models import Network

    return Network.objects.all()


def _objectives() -> QuerySet:
    from masterplan.models import Objective, Plan

    # the objectives whose public page exists (masterplan.selectors.objective_detail)
    return Objective.objects.filter(strategy__area__plan__status=Plan.Status.ADOPTED)


def _indicators() -> QuerySet:
    from masterplan.models import Indicator, Plan

    return Indicator.objects.filter(
        objective__strategy__area__plan__status=Plan.Status.ADOPTED
    ).select_related("objective")


def _summit_text(summit) -> Text:
    return Text(
        summit.title,
        plain(summit.theme, summit.description, summit.host_city.name, summit.venue),
        "title",
    )


def _session_text(session) -> Text:
    track = session.track.name if session.track else ""
    return Text(session.title, plain(session.abstract, track, session.summit.title), "title")


def _office_text(office) -> Text:
    return Text(
        office.name,
        plain(office.description, office.city.name, office.country.name),
        "description" if office.description else None,
    )


def _partnership_text(partnership) -> Text:
    return Text(
        f"{partnership.partner.name} – {partnership.city.name}",
        plain(partnership.partner.country.name, partnership.get_kind_display(), partnership.note),
    )


SOURCES = [
    Source(
        Kind.ARTICLE,
        model=_articles().model,
        public=_articles,
        text=lambda a: Text(a.title, plain(a.summary, a.body), "title"),
        url=lambda a: a.get_absolute_url(),
        depends={"newsletter.Issue": lambda issue: Q(issue=issue)},
    ),
    Source(
        Kind.SUMMIT,
        model=_summits().model,
        public=_summits,
        text=_summit_text,
        url=lambda s: reverse("summits:detail", kwargs={"slug": s.slug}),
    ),
    Source(
        Kind.SESSION,
        model=_sessions().model,
        public=_sessions,
        text=_session_text,
        url=lambda s: (
            reverse("summits:programme", kwargs={"slug": s.summit.slug}) + f"#session-{s.pk}"
        ),
        depends={
            "summits.Summit": lambda summit: Q(summit=summit),
            "summits.Theme": lambda theme: Q(track=theme),
        },
    ),
    Source(
        Kind.OFFICE,
        model=_offices().model,
        public=_offices,
        text=_office_text,
        url=lambda o: o.get_absolute_url(),
    ),
    Source(
        Kind.PARTNERSHIP,
        model=_partnerships().model,
        public=_partnerships,
        text=_partnership_text,
        url=lambda p: reverse("partners") + f"#partnership-{p.pk}",
        depends={"weltstadt.City": lambda city: Q(city=city) | Q(partner=city)},
    ),
    Source(
        Kind.NETWORK,
        model=_networks().model,
        public=_networks,
        text=lambda n: Text(n.name, plain(n.description)),
        url=lambda n: reverse("networks") + f"#network-{n.pk}",
    ),
    Source(
        Kind.OBJECTIVE,
        model=_objectives().model,
        public=_objectives,
        text=lambda o: Text(f"{o.code} {o.title}", plain(o.description), "title"),
        url=lambda o: o.get_absolute_url(),
        depends={"masterplan.Plan": lambda plan: Q(strategy__area__plan=plan)},
    ),
    Source(
        Kind.INDICATOR,
        model=_indicators().model,
        public=_indicators,
        text=lambda i: Text(i.name, plain(i.unit, i.objective.title, i.exclusion_reason), "name"),
        url=lambda i: i.objective.get_absolute_url() + f"#indicator-{i.pk}",
        depends={
            "masterplan.Plan": lambda plan: Q(objective__strategy__area__plan=plan),
            "masterplan.Objective": lambda objective: Q(objective=objective),
        },
    ),
]


def source_for(model: type[Model]) -> Source | None:
    for source in SOURCES:
        if source.model is model:
            return source
    return None


def watched_models() -> list[type[Model]]:
    from django.apps import apps

    models = {source.model for source in SOURCES}
    for source in SOURCES:
        models.update(apps.get_model(label) for label in source.depends)
    return sorted(models, key=lambda model: model._meta.label)
