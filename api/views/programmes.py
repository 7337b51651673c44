"""Offices abroad, partner-city summits and their follow-up actions, the bulletin."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from api import filters
from api.serializers.bulletin import BulletinIssueDetailSerializer, BulletinIssueSerializer
from api.serializers.followup import FollowUpActionSerializer
from api.serializers.offices import OfficeDetailSerializer, OfficeSerializer
from api.serializers.summits import SummitDetailSerializer, SummitSerializer
from api.views.base import SLUG, PublicViewSet, documented
from masterplan.models import ObjectiveLink, Plan
from newsletter.models import Article, Issue
from newsletter.selectors import PUBLISHED
from offices import selectors as office_selectors
from offices.models import ActivityReport, BoardMember, Office
from summits import selectors as summit_selectors
from summits.models import FollowUpAction, Session, Summit


@documented(filters.OfficeFilters)
class OfficeViewSet(PublicViewSet):
    """İzmir's promotion offices abroad; the detail (contact, board, highlights) only of an
    active office, as on its public page."""

    serializer_class = OfficeSerializer
    detail_serializer_class = OfficeDetailSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def published(self):
        if self.action == "retrieve":
            today = timezone.localdate()
            board = (
                BoardMember.objects.filter(appointed_on__lte=today)
                .filter(Q(term_ends_on__isnull=True) | Q(term_ends_on__gte=today))
                .order_by(office_selectors.ROLE_ORDER, "name")
            )
            highlights = ActivityReport.objects.filter(highlight_published=True).order_by(
                "-period_end"
            )
            return (
                Office.objects.filter(status=Office.Status.ACTIVE)
                .select_related("city")
                .prefetch_related(
                    Prefetch("board_members", queryset=board, to_attr="current_board"),
                    Prefetch("activity_reports", queryset=highlights, to_attr="highlights"),
                )
            )
        return office_selectors.office_public_list()

    def filter_queryset_by(self, queryset, filters):
        for name in ("country", "status"):
            if name in filters:
                queryset = queryset.filter(**{name: filters[name]})
        return queryset


@documented(filters.SummitFilters)
class SummitViewSet(PublicViewSet):
    """The Germany–İzmir partner-cities summits; the detail has the programme (sessions with
    their speakers), the speakers and the declaration."""

    serializer_class = SummitSerializer
    detail_serializer_class = SummitDetailSerializer
    lookup_field = "slug"
    lookup_value_regex = SLUG

    def published(self):
        summits = Summit.objects.filter(status__in=summit_selectors.PUBLIC).select_related(
            "host_city"
        )
        if self.action == "retrieve":
            sessions = (
                Session.objects.select_related("track")
                .prefetch_related("speakers")
                .order_by("starts_at", "room", "pk")
            )
            summits = summits.select_related("declaration").prefetch_related(
                Prefetch("sessions", queryset=sessions, to_attr="session_list")
            )
        return summits

    def filter_queryset_by(self, queryset, filters):
        if "year" in filters:
            queryset = queryset.filter(start_date__year=filters["year"])
        if "status" in filters:
            queryset = queryset.filter(status=filters["status"])
        return queryset

    def decorate(self, objects):
        if self.action != "retrieve":
            return
        for summit in objects:
            summit.speaker_list = summit_selectors.speaker_list(
                summit=summit, language=self.language
            )


@documented(filters.BulletinFilters)
class BulletinIssueViewSet(PublicViewSet):
    """Published issues of the İzmir Bulletin, in the language asked for; `editions` lists the
    languages in which the whole issue exists."""

    serializer_class = BulletinIssueSerializer
    detail_serializer_class = BulletinIssueDetailSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]{1,9}"

    def published(self):
        articles = Article.objects.order_by("position", "pk")
        return Issue.objects.filter(
            status__in=PUBLISHED, published_at__isnull=False
        ).prefetch_related(Prefetch("articles", queryset=articles))

    def filter_queryset_by(self, queryset, filters):
        if "year" in filters:
            queryset = queryset.filter(date__year=filters["year"])
        if "edition" in filters:
            code = filters["edition"]
            missing = Q(**{f"title_{code}": ""}) | Q(**{f"title_{code}__isnull": True})
            incomplete = Article.objects.filter(issue=OuterRef("pk")).filter(
                Q(**{f"title_{code}": ""})
                | Q(**{f"title_{code}__isnull": True})
                | Q(**{f"body_{code}": ""})
                | Q(**{f"body_{code}__isnull": True})
            )
            queryset = (
                queryset.exclude(missing)
                .filter(Exists(Article.objects.filter(issue=OuterRef("pk"))))
                .exclude(Exists(incomplete))
            )
        return queryset


@documented(filters.FollowUpFilters)
class FollowUpActionViewSet(PublicViewSet):
    """What the summits agreed to do, by whom, by when, how far it is, and which objectives of
    the adopted master plan each action serves."""

    serializer_class = FollowUpActionSerializer

    def published(self):
        return FollowUpAction.objects.filter(
            summit__status__in=summit_selectors.PUBLIC
        ).select_related("summit", "owner_city")

    def filter_queryset_by(self, queryset, filters):
        if "country" in filters:
            queryset = queryset.filter(owner_city__country=filters["country"])
        if "status" in filters:
            queryset = queryset.filter(status=filters["status"])
        if "year" in filters:
            queryset = queryset.filter(due_date__year=filters["year"])
        if "summit" in filters:
            queryset = queryset.filter(summit__slug=filters["summit"])
        return queryset

    def decorate(self, objects):
        """Each action's objectives in adopted plans, for the whole page in one query."""
        content_type = ContentType.objects.get_for_model(FollowUpAction)
        links = (
            ObjectiveLink.objects.filter(
                content_type=content_type,
                object_id__in=[action.pk for action in objects],
                objective__strategy__area__plan__status=Plan.Status.ADOPTED,
            )
            .select_related("objective")
            .order_by("objective__code", "pk")
        )
        serving: dict[int, list] = {}
        for link in links:
            serving.setdefault(link.object_id, []).append(
                {"objective": link.objective, "note": link.note}
            )
        for action in objects:
            action.serving = serving.get(action.pk, [])
