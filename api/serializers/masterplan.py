from decimal import Decimal

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from api import published_fields as published
from api.fields import CountryListField, TranslatedField
from api.serializers.places import CityRefSerializer
from masterplan.models import (
    Indicator,
    IndicatorTarget,
    InvestmentTarget,
    LocalDataset,
    LocalDataValue,
    Measurement,
    Objective,
    Plan,
    PriorityArea,
    Strategy,
)
from masterplan.progress import PROGRESS_RULE

CENT = Decimal("0.01")


def percent_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(CENT))


PROGRESS_SCHEMA = inline_serializer(
    "Progress",
    {
        "percent": serializers.DecimalField(
            max_digits=5, decimal_places=2, allow_null=True, help_text="0–100; null: no figure."
        ),
        "counted": serializers.BooleanField(required=False),
        "measured": serializers.BooleanField(required=False),
        "rule": serializers.CharField(help_text="How the figure is computed, in words."),
    },
)


class PlanRefSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Plan
        fields = published.PLAN_REF


class StrategySerializer(serializers.ModelSerializer):
    title = TranslatedField()
    description = TranslatedField()

    class Meta:
        model = Strategy
        fields = published.STRATEGY


class AreaRefSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = PriorityArea
        fields = published.OBJECTIVE_REF


class PlanAreaSerializer(serializers.ModelSerializer):
    plan = PlanRefSerializer(read_only=True)
    title = TranslatedField()
    priority_question = TranslatedField()
    description = TranslatedField()
    strategies = StrategySerializer(many=True, read_only=True)

    class Meta:
        model = PriorityArea
        fields = published.PLAN_AREA


class StrategyRefSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Strategy
        fields = published.OBJECTIVE_REF


class ObjectiveRefSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Objective
        fields = published.OBJECTIVE_REF


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorTarget
        fields = published.TARGET


class MeasurementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Measurement
        fields = published.MEASUREMENT


class IndicatorSerializer(serializers.ModelSerializer):
    """Figures come from api.progress, which the view runs over the page (masterplan.progress)."""

    objective = ObjectiveRefSerializer(read_only=True)
    name = TranslatedField()
    unit = TranslatedField()
    exclusion_reason = TranslatedField()
    targets = TargetSerializer(source="target_list", many=True, read_only=True)
    measurements = MeasurementSerializer(source="measurement_list", many=True, read_only=True)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Indicator
        fields = published.INDICATOR

    @extend_schema_field(PROGRESS_SCHEMA)
    def get_progress(self, indicator: Indicator) -> dict:
        progress = indicator.progress
        return {
            "percent": percent_text(progress.percent),
            "counted": progress.counted,
            "measured": progress.measured,
            "rule": str(PROGRESS_RULE),
        }


class ServedItemSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text='"app.model", e.g. "summits.followupaction".')
    id = serializers.IntegerField()
    label = serializers.CharField()
    url = serializers.CharField(allow_null=True)
    note = serializers.CharField(allow_blank=True)


class ObjectiveSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    description = TranslatedField()
    area = AreaRefSerializer(source="strategy.area", read_only=True)
    strategy = StrategyRefSerializer(read_only=True)
    progress = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = Objective
        fields = published.OBJECTIVE

    @extend_schema_field(PROGRESS_SCHEMA)
    def get_progress(self, objective: Objective) -> dict:
        return {"percent": percent_text(objective.total), "rule": str(PROGRESS_RULE)}

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_url(self, objective: Objective) -> str:
        from django.conf import settings

        return f"{settings.SITE_URL}{objective.get_absolute_url()}"


class ObjectiveDetailSerializer(ObjectiveSerializer):
    indicators = IndicatorSerializer(source="indicator_list", many=True, read_only=True)
    served_by = ServedItemSerializer(many=True, read_only=True)

    class Meta(ObjectiveSerializer.Meta):
        fields = published.OBJECTIVE_DETAIL


class InvestmentTargetSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    note = TranslatedField()
    target_countries = CountryListField()
    target_cities = CityRefSerializer(many=True, read_only=True)

    class Meta:
        model = InvestmentTarget
        fields = published.INVESTMENT_TARGET


class LocalValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = LocalDataValue
        fields = published.LOCAL_VALUE


class LocalDatasetSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    unit = TranslatedField()
    description = TranslatedField()
    values = LocalValueSerializer(many=True, read_only=True)

    class Meta:
        model = LocalDataset
        fields = published.LOCAL_DATASET
