"""The query parameters each list accepts, validated (a bad value is a 400, never a guess) and
documented in the schema from the same serializers."""

from django_countries import countries
from rest_framework import serializers

from api.fields import LANGUAGE_CODES
from masterplan.linkables import LINKABLE_KINDS
from masterplan.models import InvestmentTarget
from offices.models import Office
from summits.models import FollowUpAction
from summits.selectors import PUBLIC
from weltstadt.models import Partnership

YEAR = {"min_value": 1900, "max_value": 2100, "required": False}


class CountryField(serializers.ChoiceField):
    """An ISO 3166-1 alpha-2 code, in either case."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "ISO 3166-1 alpha-2 country code, e.g. DE or TR.")
        super().__init__(
            choices=sorted(code for code, _name in countries), required=False, **kwargs
        )

    def to_internal_value(self, data):
        return super().to_internal_value(str(data).upper())


def choice(values, help_text: str = "") -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=list(values), required=False, help_text=help_text)


PROGRAMMES = sorted({kind.app_label for kind in LINKABLE_KINDS})


class CityFilters(serializers.Serializer):
    country = CountryField()


class PartnershipFilters(serializers.Serializer):
    country = CountryField()
    kind = choice(Partnership.Kind.values)
    status = choice(Partnership.Status.values)
    year = serializers.IntegerField(
        **YEAR, help_text="The year of the protocol, else of the council decision, else since."
    )


class NetworkFilters(serializers.Serializer):
    country = CountryField()


class OfficeFilters(serializers.Serializer):
    country = CountryField()
    status = choice(Office.Status.values)


class SummitFilters(serializers.Serializer):
    year = serializers.IntegerField(**YEAR, help_text="The year the summit begins.")
    status = choice(PUBLIC)


class BulletinFilters(serializers.Serializer):
    year = serializers.IntegerField(**YEAR)
    edition = choice(LANGUAGE_CODES, "Only issues that exist completely in this language.")


class ObjectiveFilters(serializers.Serializer):
    programme = choice(PROGRAMMES, "Only objectives served by an item of this programme.")
    area = serializers.IntegerField(min_value=1, max_value=2**62, required=False)


class IndicatorFilters(serializers.Serializer):
    programme = choice(PROGRAMMES, "Only indicators of objectives served by this programme.")
    objective = serializers.IntegerField(min_value=1, max_value=2**62, required=False)


class InvestmentFilters(serializers.Serializer):
    country = CountryField()
    kind = choice(InvestmentTarget.Sector.values, "The sector.")
    status = choice(InvestmentTarget.Status.values)
    year = serializers.IntegerField(**YEAR)


class FollowUpFilters(serializers.Serializer):
    country = CountryField()
    status = choice(FollowUpAction.Status.values)
    year = serializers.IntegerField(**YEAR, help_text="The year the action is due.")
    summit = serializers.SlugField(max_length=80, required=False)
