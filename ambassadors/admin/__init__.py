"""The programme's back-office (Programme coordinator role)."""

from ambassadors.admin import members, mission, programme  # noqa: F401  (registers the admins)
