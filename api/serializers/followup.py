from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api import published_fields as published
from api.fields import PageUrlField, TranslatedField
from api.serializers.masterplan import ObjectiveRefSerializer
from api.serializers.places import CityRefSerializer
from api.serializers.summits import SummitRefSerializer
from summits.models import FollowUpAction


class ServesSerializer(serializers.Serializer):
    objective = ObjectiveRefSerializer()
    note = serializers.CharField(allow_blank=True)


class FollowUpActionSerializer(serializers.ModelSerializer):
    summit = SummitRefSerializer(read_only=True)
    what = TranslatedField()
    owner_city = CityRefSerializer(read_only=True)
    serves = serializers.SerializerMethodField()
    url = PageUrlField()

    class Meta:
        model = FollowUpAction
        fields = published.FOLLOW_UP_ACTION

    @extend_schema_field(ServesSerializer(many=True))
    def get_serves(self, action: FollowUpAction) -> list:
        """The objectives of an adopted master plan this action is tied to (api.views sets
        `serving` for the whole page in one query)."""
        return ServesSerializer(getattr(action, "serving", []), many=True).data
