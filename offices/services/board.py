from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from offices.models import BoardMember, Office, OfficeDocument
from offices.services.errors import OfficeError
from offices.uploads import validate_upload
from weltstadt.models import User
from weltstadt.outbox import mail_enqueue_for_user


def board_member_invite(*, member: BoardMember, by: User, language: str = "de") -> User:
    """Give a board member an account and mail them a link to set their password.

    Guarantees: one account per e-mail address (an existing one is linked, not duplicated); the
    invitation mail is written to the outbox in the same transaction, once per member and account.
    """
    email = (member.email or "").strip().lower()
    if not email:
        raise OfficeError(_("The board member needs an e-mail address to be invited."))
    with transaction.atomic():
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(email=email, name=member.name, preferred_language=language)
            user.set_unusable_password()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        member.user = user
        member.save(update_fields=["user"])
        with translation.override(user.preferred_language):
            path = reverse(
                "account_reset_password_from_key",
                kwargs={
                    "uidb36": user_pk_to_url_str(user),
                    "key": default_token_generator.make_token(user),
                },
            )
        mail_enqueue_for_user(
            user,
            key=f"offices:board-invitation:{member.pk}:{user.pk}",
            template="offices/board_invitation",
            context={
                "name": member.name,
                "office": member.office.name,
                "role": member.role,
                "path": path,
                "invited_by": by.name or by.email,
            },
        )
    return user


def document_upload(*, office: Office, by: User, kind: str, title: str, upload) -> OfficeDocument:
    """Store a private document of an office after checking its type, content and size."""
    validate_upload(upload)
    if kind not in OfficeDocument.Kind.values:
        raise OfficeError(_("Choose the kind of document."))
    title = (title or "").strip() or upload.name
    return OfficeDocument.objects.create(
        office=office,
        kind=kind,
        title=title[:200],
        file=upload,
        original_name=upload.name[:255],
        size=upload.size,
        uploaded_by=by,
    )
