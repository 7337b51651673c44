from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import published_fields as published
from api.fields import CountryCodeField, TranslatedField
from api.serializers.places import CityRefSerializer
from offices.models import ActivityReport, BoardMember, Office


class OfficeSerializer(serializers.ModelSerializer):
    country = CountryCodeField()
    city = CityRefSerializer(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Office
        fields = published.OFFICE

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_url(self, office: Office) -> str | None:
        """An office has a public page (and a detail here) only while it is active."""
        from django.conf import settings

        return f"{settings.SITE_URL}{office.get_absolute_url()}" if office.is_public else None


class BoardMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = BoardMember
        fields = published.BOARD_MEMBER


class HighlightSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    highlight = TranslatedField()

    class Meta:
        model = ActivityReport
        fields = published.HIGHLIGHT


class OfficeDetailSerializer(OfficeSerializer):
    description = TranslatedField()
    board = BoardMemberSerializer(source="current_board", many=True, read_only=True)
    highlights = HighlightSerializer(many=True, read_only=True)

    class Meta(OfficeSerializer.Meta):
        fields = published.OFFICE_DETAIL
