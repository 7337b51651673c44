from django.core.exceptions import ValidationError


class OfficeError(ValidationError):
    """A business rule refused the change; the message is translated and meant for the user."""
