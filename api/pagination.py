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
        try:
            cursor = super().decode_cursor(request)
        except NotFound as error:
            raise ParseError(self.invalid_cursor_message) from error
        position = cursor.position if cursor is not None else None
        if position is not None and not POSITION.fullmatch(str(position)):
            raise ParseError(self.invalid_cursor_message)
        return cursor
