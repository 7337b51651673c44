"""Serializers of the open-data API: every `fields` comes from api.published_fields."""
