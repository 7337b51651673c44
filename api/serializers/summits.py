from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import published_fields as published
from api.fields import PageUrlField, TranslatedField
from api.serializers.places import CityRefSerializer
from summits.models import Declaration, Session, Speaker, Summit, Theme


class ThemeSerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Theme
        fields = published.THEME


class SpeakerRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = published.SPEAKER_REF


class SpeakerSerializer(serializers.ModelSerializer):
    city = CityRefSerializer(read_only=True, allow_null=True)
    bio = TranslatedField()

    class Meta:
        model = Speaker
        fields = published.SPEAKER


class SessionSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    abstract = TranslatedField()
    track = ThemeSerializer(read_only=True, allow_null=True)
    speakers = SpeakerRefSerializer(many=True, read_only=True)

    class Meta:
        model = Session
        fields = published.SESSION


class DeclarationSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    text = TranslatedField()

    class Meta:
        model = Declaration
        fields = published.DECLARATION


class SummitSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    theme = TranslatedField()
    host_city = CityRefSerializer(read_only=True)
    url = PageUrlField(lambda summit: reverse("summits:detail", kwargs={"slug": summit.slug}))

    class Meta:
        model = Summit
        fields = published.SUMMIT


class SummitDetailSerializer(SummitSerializer):
    description = TranslatedField()
    sessions = SessionSerializer(source="session_list", many=True, read_only=True)
    speakers = SpeakerSerializer(source="speaker_list", many=True, read_only=True)
    declaration = serializers.SerializerMethodField()

    class Meta(SummitSerializer.Meta):
        fields = published.SUMMIT_DETAIL

    @extend_schema_field(DeclarationSerializer(allow_null=True))
    def get_declaration(self, summit: Summit):
        declaration = getattr(summit, "declaration", None)
        return DeclarationSerializer(declaration).data if declaration else None


class SummitRefSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Summit
        fields = published.SUMMIT_REF
