"""The OpenAPI description: every operation takes ?lang= and Accept-Language, and documents its
problem-details errors, so that a generated client (and Schemathesis) knows every answer."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import serializers

from api.fields import LANGUAGE_CODES
from api.languages import LANG_PARAM
from api.problems import PROBLEM_CONTENT_TYPE

PROBLEM = inline_serializer(
    "Problem",
    {
        "type": serializers.CharField(),
        "title": serializers.CharField(),
        "status": serializers.IntegerField(),
        "detail": serializers.CharField(),
        "instance": serializers.CharField(),
        "invalid_params": serializers.ListField(
            child=inline_serializer(
                "InvalidParam", {"name": serializers.CharField(), "reason": serializers.CharField()}
            ),
            required=False,
        ),
    },
)
ERRORS = {
    "400": "Invalid parameters (an unknown language, filter value or cursor).",
    "404": "No such object (or not published).",
    "406": "The Accept header asks for something other than JSON.",
    "429": "Too many requests from this address; see Retry-After.",
}


class ApiAutoSchema(AutoSchema):
    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                LANG_PARAM,
                str,
                OpenApiParameter.QUERY,
                enum=LANGUAGE_CODES,
                description="Language of the texts; else Accept-Language; else de.",
            ),
        ]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        problem = self.resolve_serializer(PROBLEM, direction).ref
        for code, description in ERRORS.items():
            responses.setdefault(
                code,
                {
                    "content": {PROBLEM_CONTENT_TYPE: {"schema": problem}},
                    "description": description,
                },
            )
        responses.setdefault("304", {"description": "Not modified (If-None-Match matched)."})
        return responses
