class SummitError(Exception):
    """A request the rules refuse; `message` is translated and safe to show the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
