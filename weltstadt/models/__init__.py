from weltstadt.models.outbox import OutgoingMail
from weltstadt.models.places import City, Network, Partnership
from weltstadt.models.translation_state import TranslationState
from weltstadt.models.user import User, UserManager

__all__ = [
    "City",
    "Network",
    "OutgoingMail",
    "Partnership",
    "TranslationState",
    "User",
    "UserManager",
]
