"""Registration: capacity, waiting list, cancellation with promotion, check-in.

Guarantees:
- every write locks the summit row first (`select_for_update`), so concurrent registrations never
  confirm more people than the summit's capacity, and waiting-list positions stay 1..n;
- a refused request (closed registration, full summit and waiting list, duplicate e-mail, a
  cancelled registration) raises `SummitError` with a translated message and changes nothing;
- each registrant gets their mail (confirmation, waiting list, promotion, cancellation) in their
  own language, through the outbox, once.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from summits.models import Delegation, Registration, Summit
from summits.services.errors import SummitError
from summits.services.notifications import (
    delegation_confirm_mail,
    delegation_mail,
    registration_mail,
)
from weltstadt.models import City, User

Status = Registration.Status


@dataclass(frozen=True)
class Participant:
    name: str
    email: str
    role: str
    language: str
    needs: str = ""


def _lock_summit(summit_id: int) -> Summit:
    return Summit.objects.select_for_update().select_related("host_city").get(pk=summit_id)


def _check_open(summit: Summit) -> None:
    now = timezone.now()
    if summit.status != Summit.Status.OPEN or now >= summit.registration_closes_at:
        raise SummitError(_("Registration for this summit is closed."))
    if now < summit.registration_opens_at:
        raise SummitError(_("Registration for this summit has not opened yet."))


def _check_new_emails(summit: Summit, participants: list[Participant]) -> None:
    emails = [p.email.strip().lower() for p in participants]
    if len(set(emails)) != len(emails):
        raise SummitError(_("The same e-mail address appears twice."))
    taken = (
        Registration.objects.filter(summit=summit)
        .exclude(status=Status.CANCELLED)
        .filter(email__in=emails)
        .values_list("email", flat=True)
    )
    # Stored addresses are lower-cased, so an exact `in` finds every spelling.
    taken = list(taken)
    if taken:
        raise SummitError(
            _("%(email)s is already registered for this summit.") % {"email": taken[0]}
        )


def _place(summit: Summit, registration: Registration) -> None:
    """Give a registration the next place, or else the next place on the waiting list (the
    caller saves it); raises `_Full` when neither is left."""
    confirmed = summit.registrations.filter(status=Status.CONFIRMED).count()
    if confirmed < summit.capacity:
        registration.status = Status.CONFIRMED
        registration.waiting_position = None
        return
    last = summit.registrations.filter(status=Status.WAITING).aggregate(
        last=Max("waiting_position")
    )["last"]
    position = (last or 0) + 1
    if position > summit.waiting_list_capacity:
        raise _Full(_("This summit is fully booked, and so is its waiting list."))
    registration.status = Status.WAITING
    registration.waiting_position = position


def _add(summit: Summit, participant: Participant, *, delegation, city) -> Registration:
    registration = Registration(
        summit=summit,
        delegation=delegation,
        city=city,
        name=participant.name.strip(),
        email=participant.email.strip().lower(),
        role=participant.role,
        language=participant.language,
        needs=participant.needs.strip(),
    )
    _place(summit, registration)
    registration.save()
    registration_mail(
        registration, kind="confirmed" if registration.status == Status.CONFIRMED else "waiting"
    )
    return registration


class _Full(SummitError):
    pass


def _register(summit_id, participants, *, delegation=None, city=None) -> list[Registration]:
    summit = _lock_summit(summit_id)
    _check_open(summit)
    _expire_pending(summit)
    _check_new_emails(summit, participants)
    return [_add(summit, p, delegation=delegation, city=city) for p in participants]


@dataclass(frozen=True)
class MembersAdded:
    """What became of a delegation's batch: who got a place, who waits, who did not fit."""

    confirmed: list[Registration]
    waiting: list[Registration]
    refused: list[Participant]

    @property
    def added(self) -> list[Registration]:
        return [*self.confirmed, *self.waiting]


def _register_members(summit_id, participants, *, delegation, city) -> MembersAdded:
    """Place members in order while places or waiting places are left; the rest are refused."""
    summit = _lock_summit(summit_id)
    _check_open(summit)
    _expire_pending(summit)
    _check_new_emails(summit, participants)
    added: list[Registration] = []
    refused: list[Participant] = []
    for participant in participants:
        if refused:
            refused.append(participant)
            continue
        try:
            added.append(_add(summit, participant, delegation=delegation, city=city))
        except _Full:
            refused.append(participant)
    return MembersAdded(
        confirmed=[r for r in added if r.status == Status.CONFIRMED],
        waiting=[r for r in added if r.status == Status.WAITING],
        refused=refused,
    )


def registration_create(
    *, summit: Summit, participant: Participant, city: City | None = None
) -> Registration:
    """Register one person on their own: confirmed while places are left, else waiting."""
    try:
        with transaction.atomic():
            return _register(summit.pk, [participant], city=city)[0]
    except IntegrityError as exc:  # a concurrent registration with the same address won
        raise SummitError(_("This e-mail address is already registered for this summit.")) from exc


CONFIRM_WITHIN = timedelta(hours=48)
ACTIVE = [Status.PENDING, Status.CONFIRMED, Status.WAITING]


def _expire_pending(summit: Summit) -> None:
    """Unconfirmed registrations past their time are cancelled (they never held a place)."""
    summit.registrations.filter(status=Status.PENDING, confirm_by__lte=timezone.now()).update(
        status=Status.CANCELLED, cancelled_at=timezone.now()
    )


def registration_request(
    *, summit: Summit, participant: Participant, city: City | None = None
) -> None:
    """A registration from the public form: nothing counts until the owner of the address
    confirms through the link we mail them (so nobody fills a summit with invented people).

    The answer is the same whether the address is new or already registered (nothing tells a
    stranger who is registered); the owner of a registered address gets a mail with their link
    instead. Refused only when registration is closed or the summit and its list are full.
    """
    with transaction.atomic():
        locked = _lock_summit(summit.pk)
        _check_open(locked)
        _expire_pending(locked)
        email = participant.email.strip().lower()
        existing = (
            locked.registrations.filter(status__in=ACTIVE, email=email).order_by("pk").first()
        )
        if existing is not None:
            registration_mail(
                existing,
                kind="again",
                key=f"summits:registration:{existing.pk}:again:{timezone.now():%Y%m%d%H}",
            )
            return
        _check_has_room(locked)
        registration = Registration.objects.create(
            summit=locked,
            city=city,
            name=participant.name.strip(),
            email=email,
            role=participant.role,
            language=participant.language,
            needs=participant.needs.strip(),
            status=Status.PENDING,
            confirm_by=timezone.now() + CONFIRM_WITHIN,
        )
        registration_mail(registration, kind="confirm")


def _check_has_room(summit: Summit) -> None:
    confirmed = summit.registrations.filter(status=Status.CONFIRMED).count()
    waiting = summit.registrations.filter(status=Status.WAITING).count()
    if confirmed >= summit.capacity and waiting >= summit.waiting_list_capacity:
        raise SummitError(_("This summit is fully booked, and so is its waiting list."))


def registration_confirm(*, registration: Registration) -> Registration:
    """The owner confirmed their address: now the registration gets a place (or a place on the
    waiting list) like any other, in the order of confirmation. Confirming twice changes
    nothing; an expired or a full summit's confirmation is refused with a message."""
    with transaction.atomic():
        summit = _lock_summit(registration.summit_id)
        registration.refresh_from_db()
        if registration.status in (Status.CONFIRMED, Status.WAITING):
            return registration
        if registration.status != Status.PENDING:
            raise SummitError(_("This registration has been cancelled."))
        if registration.delegation_id is not None:
            # A delegation's members count once their head confirms the whole delegation.
            raise SummitError(_("The head of your delegation has not confirmed it yet."))
        if registration.confirm_by and registration.confirm_by <= timezone.now():
            _expire_pending(summit)
            raise SummitError(_("This link has expired. Please register again; it takes a minute."))
        _check_open(summit)
        _place(summit, registration)
        registration.confirm_by = None
        registration.save(update_fields=["status", "waiting_position", "confirm_by"])
        registration_mail(
            registration,
            kind="confirmed" if registration.status == Status.CONFIRMED else "waiting",
        )
        return registration


def delegation_register(
    *,
    summit: Summit,
    city: City,
    head_name: str,
    head_email: str,
    head_language: str,
    members: list[Participant],
) -> Delegation:
    """A city's delegation from the public form: nothing counts until the head of delegation
    confirms through the link we mail them (in their language), like a single registration.

    Until then the members are pending, hold no place and get no mail; unconfirmed, they lapse
    after `CONFIRM_WITHIN` (see `delegation_confirm` for what confirming does). A city has one
    delegation per summit; an unconfirmed delegation that lapsed makes way for a new one.
    """
    if not members:
        raise SummitError(_("Add at least one member to the delegation."))
    try:
        with transaction.atomic():
            locked = _lock_summit(summit.pk)
            _check_open(locked)
            _expire_pending(locked)
            Delegation.objects.filter(
                summit=locked, city=city, confirm_by__lte=timezone.now()
            ).delete()
            if Delegation.objects.filter(summit=locked, city=city).exists():
                raise SummitError(
                    _("%(city)s has already registered a delegation for this summit.")
                    % {"city": city.name}
                )
            _check_new_emails(locked, members)
            _check_has_room(locked)
            confirm_by = timezone.now() + CONFIRM_WITHIN
            delegation = Delegation.objects.create(
                summit=locked,
                city=city,
                head_name=head_name.strip(),
                head_email=head_email.strip().lower(),
                head_language=head_language,
                confirm_by=confirm_by,
            )
            Registration.objects.bulk_create(
                Registration(
                    summit=locked,
                    delegation=delegation,
                    city=city,
                    name=member.name.strip(),
                    email=member.email.strip().lower(),
                    role=member.role,
                    language=member.language,
                    needs=member.needs.strip(),
                    status=Status.PENDING,
                    confirm_by=confirm_by,
                )
                for member in members
            )
            delegation_confirm_mail(delegation)
            return delegation
    except IntegrityError as exc:
        raise SummitError(_("This e-mail address is already registered for this summit.")) from exc


def delegation_is_pending(delegation: Delegation) -> bool:
    return delegation.confirm_by is not None


def delegation_confirm(*, delegation: Delegation) -> MembersAdded:
    """The head of delegation confirmed their address: now the members get places in the order
    they were given, then places on the waiting list; those who do not fit are cancelled and
    listed as refused. Each placed member gets their mail, the head a summary. Confirming twice
    changes nothing (an empty result); an expired link or a closed registration is refused."""
    with transaction.atomic():
        summit = _lock_summit(delegation.summit_id)
        delegation.refresh_from_db()
        if delegation.confirm_by is None:
            return MembersAdded(confirmed=[], waiting=[], refused=[])
        if delegation.confirm_by <= timezone.now():  # its members lapse at the next write
            raise SummitError(_("This link has expired. Please register again; it takes a minute."))
        _check_open(summit)
        added: list[Registration] = []
        refused: list[Participant] = []
        for member in delegation.registrations.filter(status=Status.PENDING).order_by("pk"):
            placed = not refused  # once one does not fit, the later ones do not either
            if placed:
                try:
                    _place(summit, member)
                except _Full:
                    placed = False
            if not placed:
                member.status = Status.CANCELLED
                member.cancelled_at = timezone.now()
                member.confirm_by = None
                member.save(update_fields=["status", "cancelled_at", "confirm_by"])
                refused.append(Participant(member.name, member.email, member.role, member.language))
                continue
            member.confirm_by = None
            member.save(update_fields=["status", "waiting_position", "confirm_by"])
            registration_mail(
                member, kind="confirmed" if member.status == Status.CONFIRMED else "waiting"
            )
            added.append(member)
        delegation.confirm_by = None
        delegation.save(update_fields=["confirm_by"])
        if added:
            delegation_mail(delegation, added=added)
        return MembersAdded(
            confirmed=[r for r in added if r.status == Status.CONFIRMED],
            waiting=[r for r in added if r.status == Status.WAITING],
            refused=refused,
        )


def delegation_add_members(*, delegation: Delegation, members: list[Participant]) -> MembersAdded:
    """Add members to a confirmed delegation: they count at once (its head is proven), placed
    as far as there is room."""
    if not members:
        raise SummitError(_("Add at least one member to the delegation."))
    if delegation_is_pending(delegation):
        raise SummitError(_("Please confirm the delegation first, through the link we mailed you."))
    try:
        with transaction.atomic():
            result = _register_members(
                delegation.summit_id, members, delegation=delegation, city=delegation.city
            )
            if not result.added:
                raise SummitError(_("This summit is fully booked, and so is its waiting list."))
            delegation_mail(delegation, added=result.added)
            return result
    except IntegrityError as exc:
        raise SummitError(_("This e-mail address is already registered for this summit.")) from exc


def registration_update(
    *, registration: Registration, name: str, role: str, language: str, needs: str
) -> Registration:
    """Change a registration's details; the e-mail address and the place stay as they are."""
    with transaction.atomic():
        _lock_summit(registration.summit_id)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            raise SummitError(_("This registration has been cancelled."))
        if registration.summit.status not in (Summit.Status.OPEN, Summit.Status.CLOSED):
            raise SummitError(_("This summit can no longer be changed."))
        registration.name = name.strip()
        registration.role = role
        registration.language = language
        registration.needs = needs.strip()
        registration.save(update_fields=["name", "role", "language", "needs"])
    return registration


def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel a registration; a freed place goes to the first person on the waiting list.

    Returns the promoted registration, if any. Cancelling twice is refused.
    """
    with transaction.atomic():
        summit = _lock_summit(registration.summit_id)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            raise SummitError(_("This registration has already been cancelled."))
        if summit.status not in (Summit.Status.OPEN, Summit.Status.CLOSED):
            raise SummitError(_("This summit can no longer be changed."))
        was = registration.status
        position = registration.waiting_position
        registration.status = Status.CANCELLED
        registration.waiting_position = None
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "waiting_position", "cancelled_at"])
        registration_mail(registration, kind="cancelled")
        promoted = None
        if was == Status.WAITING:
            _close_gap(summit, position)
        elif was == Status.CONFIRMED:
            promoted = _promote_first(summit)
        return promoted


def _close_gap(summit: Summit, position: int) -> None:
    for waiting in summit.registrations.filter(
        status=Status.WAITING, waiting_position__gt=position
    ).order_by("waiting_position"):
        waiting.waiting_position -= 1
        waiting.save(update_fields=["waiting_position"])


def _promote_first(summit: Summit) -> Registration | None:
    confirmed = summit.registrations.filter(status=Status.CONFIRMED).count()
    if confirmed >= summit.capacity:
        return None
    first = summit.registrations.filter(status=Status.WAITING).order_by("waiting_position").first()
    if first is None:
        return None
    position = first.waiting_position
    first.status = Status.CONFIRMED
    first.waiting_position = None
    first.promoted_at = timezone.now()
    first.save(update_fields=["status", "waiting_position", "promoted_at"])
    _close_gap(summit, position)
    registration_mail(first, kind="promoted")
    return first


def waiting_list_advance(*, summit: Summit) -> list[Registration]:
    """Give free places (after staff raised the capacity) to the waiting list, in order."""
    promoted = []
    with transaction.atomic():
        locked = _lock_summit(summit.pk)
        if locked.status not in (Summit.Status.OPEN, Summit.Status.CLOSED):
            return promoted
        while (registration := _promote_first(locked)) is not None:
            promoted.append(registration)
    return promoted


def registration_check_in(*, registration: Registration, by: User) -> bool:
    """Record a confirmed participant's arrival once; returns False if already recorded."""
    if registration.status != Status.CONFIRMED:
        raise SummitError(_("Only confirmed participants can be checked in."))
    changed = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=True).update(
        checked_in_at=timezone.now(), checked_in_by=by
    )
    registration.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
    return bool(changed)
