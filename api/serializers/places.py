from rest_framework import serializers

from api import published_fields as published
from api.fields import CountryCodeField, TranslatedField
from weltstadt.models import City, Network, Partnership


class CityRefSerializer(serializers.ModelSerializer):
    country = CountryCodeField()

    class Meta:
        model = City
        fields = published.CITY_REF


class CitySerializer(serializers.ModelSerializer):
    country = CountryCodeField()
    part_of = CityRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = City
        fields = published.CITY


class PartnershipSerializer(serializers.ModelSerializer):
    city = CityRefSerializer(read_only=True)
    partner = CityRefSerializer(read_only=True)
    year = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="The year of the protocol, else of the council decision, else the year the "
        "source gives.",
    )
    note = TranslatedField()

    class Meta:
        model = Partnership
        fields = published.PARTNERSHIP


class NetworkSerializer(serializers.ModelSerializer):
    description = TranslatedField()
    members = CityRefSerializer(many=True, read_only=True)

    class Meta:
        model = Network
        fields = published.NETWORK
