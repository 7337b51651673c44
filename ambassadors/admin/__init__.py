"""The programme's back-office (Programme coordinator role)."""

from ambassadors.admin import members, mission, programme  # noqa: F401  (registers the admins)
from ambassadors.certificates import admin as certificates  # noqa: F401  (issue 4)
