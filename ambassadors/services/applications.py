"""Applications: submission by the public, review by staff, and the invitation that follows."""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ambassadors.models import Ambassador, Application, Cohort
from ambassadors.services import ProgrammeError
from weltstadt.dates import date_local
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue, mail_enqueue_for_user

APPLICATION_FIELDS = (
    "name",
    "email",
    "country",
    "city",
    "field",
    "organisation",
    "languages",
    "connection",
    "motivation",
)


def _cohort_name(cohort: Cohort, language: str) -> str:
    """The cohort's title in the recipient's language (not the language of whoever acts)."""
    with translation.override(language):
        return str(cohort)


def _duplicate_reason(*, cohort: Cohort, email: str) -> str:
    previous = (
        Application.objects.filter(cohort=cohort, email__iexact=email)
        .exclude(status=Application.Status.REJECTED)
        .first()
    )
    if previous is not None:
        submitted = date_local(previous.created_at)
        return _(
            "We already have an application from this e-mail address for %(cohort)s "
            "(submitted on %(date)s). We will answer it by e-mail; there is no need to apply again."
        ) % {"cohort": _cohort_name(cohort, translation.get_language()), "date": submitted}
    return ""


def _tell_member(*, member: Ambassador, cohort: Cohort) -> None:
    """Someone applied with a member's address: the answer on the page is the same as for a
    new address (nobody learns who is in the programme); the owner is told by mail, at most
    once a day."""
    user = member.user
    mail_enqueue_for_user(
        user,
        key=f"ambassadors:application:member:{user.pk}:{timezone.localdate().isoformat()}",
        template="ambassadors/application_by_member",
        context={
            "name": user.get_short_name(),
            "cohort": _cohort_name(cohort, user.preferred_language),
        },
    )


@transaction.atomic
def application_submit(*, cohort: Cohort, language: str, **data) -> Application | None:
    """File an application and mail the applicant a confirmation in `language`.

    Guarantees: at most one open or accepted application per address and cohort (a second one
    raises ProgrammeError explaining why); the confirmation is mailed once, after commit. An
    address that already belongs to an ambassador files nothing and returns None: the caller
    answers as for any application, and the owner of the address is told by mail.
    """
    if not cohort.is_open_for_applications:
        raise ProgrammeError(_("This cohort does not take applications."))
    email = data["email"].strip().lower()
    member = Ambassador.objects.select_related("user").filter(user__email__iexact=email).first()
    if member is not None:
        _tell_member(member=member, cohort=cohort)
        return None
    reason = _duplicate_reason(cohort=cohort, email=email)
    if reason:
        raise ProgrammeError(reason)
    values = {name: data[name] for name in APPLICATION_FIELDS}
    values["email"] = email
    try:
        with transaction.atomic():
            application = Application.objects.create(
                cohort=cohort, language=language, consented_at=timezone.now(), **values
            )
    except IntegrityError:  # the same form sent twice at once
        raise ProgrammeError(_duplicate_reason(cohort=cohort, email=email)) from None
    mail_enqueue(
        key=f"ambassadors:application:{application.pk}:received",
        to=application.email,
        language=application.language,
        template="ambassadors/application_received",
        context={
            "name": application.name,
            "cohort": _cohort_name(cohort, application.language),
            "application_id": application.pk,
        },
    )
    return application


def _lock_submitted(application: Application) -> Application:
    locked = Application.objects.select_for_update().select_related("cohort").get(pk=application.pk)
    if locked.status != Application.Status.SUBMITTED:
        raise ProgrammeError(
            _("The application of %(name)s has already been decided (%(status)s).")
            % {"name": locked.name, "status": locked.get_status_display()}
        )
    return locked


def _invitation_context(user: User) -> dict:
    with translation.override(user.preferred_language):
        if user.has_usable_password():
            return {"has_account": True, "path": reverse("account_login")}
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
        return {"has_account": False, "path": path}


@transaction.atomic
def application_accept(*, application: Application, by: User) -> Ambassador:
    """Accept a submitted application: create (or reuse) the user account and the candidate's
    ambassador record, mail the decision and an invitation to set a password.

    Guarantees: only a submitted application is accepted, once; the account has a verified
    address and no password until the applicant sets one through the invitation link.
    """
    application = _lock_submitted(application)
    user = User.objects.filter(email__iexact=application.email).first()
    if user is None:
        user = User.objects.create_user(
            email=application.email,
            password=None,
            name=application.name,
            preferred_language=application.language,
        )
    elif Ambassador.objects.filter(user=user).exists():
        raise ProgrammeError(
            _("%(email)s already has an ambassador record.") % {"email": application.email}
        )
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    ambassador = Ambassador.objects.create(
        user=user,
        cohort=application.cohort,
        application=application,
        city=application.city,
        country=application.country,
        field=application.field,
        organisation=application.organisation,
    )
    application.status = Application.Status.ACCEPTED
    application.reviewed_by = by
    application.reviewed_at = timezone.now()
    application.save(update_fields=["status", "reviewed_by", "reviewed_at"])
    context = {
        "name": application.name,
        "cohort": _cohort_name(application.cohort, user.preferred_language),
    }
    mail_enqueue(
        key=f"ambassadors:application:{application.pk}:accepted",
        to=user.email,
        user=user,
        language=user.preferred_language,
        template="ambassadors/application_accepted",
        context=context,
    )
    mail_enqueue(
        key=f"ambassadors:ambassador:{ambassador.pk}:invitation",
        to=user.email,
        user=user,
        language=user.preferred_language,
        template="ambassadors/invitation",
        context={**context, **_invitation_context(user)},
    )
    return ambassador


@transaction.atomic
def application_reject(*, application: Application, by: User, reason: str) -> Application:
    """Reject a submitted application with a reason that the applicant is mailed.

    Guarantees: only a submitted application is rejected, once, and never without a reason.
    """
    reason = reason.strip()
    if not reason:
        raise ProgrammeError(_("Please give a reason for the rejection."))
    application = _lock_submitted(application)
    application.status = Application.Status.REJECTED
    application.rejection_reason = reason
    application.reviewed_by = by
    application.reviewed_at = timezone.now()
    application.save(update_fields=["status", "rejection_reason", "reviewed_by", "reviewed_at"])
    mail_enqueue(
        key=f"ambassadors:application:{application.pk}:rejected",
        to=application.email,
        language=application.language,
        template="ambassadors/application_rejected",
        context={
            "name": application.name,
            "cohort": _cohort_name(application.cohort, application.language),
            "reason": reason,
        },
    )
    return application
