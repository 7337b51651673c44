"""Who hears about an office's affairs: its board members with accounts and its supervisors."""

from django.utils import timezone

from offices.models import Office
from weltstadt.models import User


def board_users(office: Office) -> list[User]:
    today = timezone.localdate()
    members = office.board_members.filter(user__isnull=False, appointed_on__lte=today).exclude(
        term_ends_on__lt=today
    )
    return [m.user for m in members.select_related("user") if m.user.is_active]


def supervisor_users(office: Office) -> list[User]:
    return list(office.supervisors.filter(is_active=True))
