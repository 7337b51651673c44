"""The programme's writes. Views, admin actions and tests call these; they raise
`ProgrammeError` with a translated message and change nothing when a rule is broken."""


class ProgrammeError(Exception):
    """A rule of the programme forbids this change; `str(error)` is for the person who tried."""
