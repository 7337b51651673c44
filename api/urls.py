"""/api/: the read-only data under v1/, the OpenAPI schema and its documentation pages."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from api import docs
from api.views import masterplan, places, programmes

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False


router = Router()
router.register("cities", places.CityViewSet, basename="cities")
router.register("partnerships", places.PartnershipViewSet, basename="partnerships")
router.register("networks", places.NetworkViewSet, basename="networks")
router.register("offices", programmes.OfficeViewSet, basename="offices")
router.register("summits", programmes.SummitViewSet, basename="summits")
router.register("bulletin-issues", programmes.BulletinIssueViewSet, basename="bulletin-issues")
router.register("plan-areas", masterplan.PlanAreaViewSet, basename="plan-areas")
router.register("objectives", masterplan.ObjectiveViewSet, basename="objectives")
router.register("indicators", masterplan.IndicatorViewSet, basename="indicators")
router.register(
    "investment-targets", masterplan.InvestmentTargetViewSet, basename="investment-targets"
)
router.register("local-datasets", masterplan.LocalDatasetViewSet, basename="local-datasets")
router.register("follow-up-actions", programmes.FollowUpActionViewSet, basename="follow-up-actions")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(), name="docs"),
    path("redoc/", docs.RedocView.as_view(), name="redoc"),
]
