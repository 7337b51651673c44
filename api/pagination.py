import re

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound, ParseError
from rest_framework.pagination import CursorPagination

POSITION = re.compile(r"[0-9]{1,18}")


class IdCursorPagination(CursorPagination):
    """Stable pages in the order rows were created: a cursor stays valid while rows are added,
    and a page costs the same whatever its depth."""

    ordering = "id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_cursor_message = _("Invalid cursor: use the `next` or `previous` link as it is.")

    def decode_cursor(self, request):
        # A hand-made cursor is refused with 400, also one whose position is not an id
        # (which the database would refuse, or overflow on).
        if request.query_params.get(self.cursor_query_param) == "":
            raise ParseError(self.invalid_cursor_message)
        try:
            cursor = super().decode_cursor(request)
        except NotFound as error:
            raise ParseError(self.invalid_cursor_message) from error
        position = cursor.position if cursor is not None else None
        if position is not None and not POSITION.fullmatch(str(position)):
            raise ParseError(self.invalid_cursor_message)
        return cursor

    def get_page_size(self, request) -> int:
        """?page_size=1…200; anything else is refused (400) rather than silently replaced."""
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        if not re.fullmatch(r"[0-9]{1,3}", value) or not 1 <= int(value) <= self.max_page_size:
            raise ParseError(
                _("page_size must be a whole number from 1 to %(most)s.")
                % {"most": self.max_page_size}
            )
        return int(value)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
            if parameter["name"] == self.cursor_query_param:
                parameter["schema"]["minLength"] = 1
        return parameters
