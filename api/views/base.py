"""What every resource of the API shares: language, filters, paging, caching headers."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from api.languages import api_language

ID = "[0-9]{1,18}"  # an id the database can hold; anything longer is no such object (404)
SLUG = "[-a-zA-Z0-9_]{1,80}"


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """A read-only resource of published rows.

    Subclasses give `queryset()` (the published rows, with everything the serializer reads fetched
    in a fixed number of queries), `filters_class` and `filter_queryset_by(queryset, filters)`.
    `decorate(objects)` may add computed figures to a page of objects (no query per row).
    """

    filters_class = None
    detail_serializer_class = None
    lookup_value_regex = ID

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.language = api_language(request)
        translation.activate(self.language)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = getattr(self, "language", settings.LANGUAGE_CODE)
        patch_vary_headers(response, ["Accept-Language"])
        return response

    def published(self):
        raise NotImplementedError

    def filter_queryset_by(self, queryset, filters: dict):
        return queryset

    def get_queryset(self):
        queryset = self.published()
        if self.action == "list" and self.filters_class is not None:
            query = self.request.query_params
            params = self.filters_class(data=query)
            # an empty filter is refused like any invalid one, not read as "no filter"
            blank = {name: [_("Leave the parameter out, or give a value.")]
                     for name in params.fields if query.get(name) == ""}  # fmt: skip
            if blank:
                raise ValidationError(blank)
            params.is_valid(raise_exception=True)
            queryset = self.filter_queryset_by(queryset, params.validated_data)
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return self.serializer_class

    def decorate(self, objects: list) -> None:
        """Add computed values to the objects about to be serialized (a page or one object)."""

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None:
            self.decorate(page)
        return page

    def get_object(self):
        obj = super().get_object()
        self.decorate([obj])
        return obj


def documented(filters_class=None):
    """extend_schema for a viewset's list: its filters as query parameters."""

    def wrap(cls):
        cls.filters_class = filters_class
        parameters = [filters_class] if filters_class else []
        return extend_schema_view(list=extend_schema(parameters=parameters))(cls)

    return wrap
