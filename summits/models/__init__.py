from summits.models.outcome import Declaration, FollowUpAction
from summits.models.programme import Session, Speaker, Theme
from summits.models.registration import Delegation, Registration
from summits.models.summit import Summit

__all__ = [
    "Declaration",
    "Delegation",
    "FollowUpAction",
    "Registration",
    "Session",
    "Speaker",
    "Summit",
    "Theme",
]
