import uuid

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

from weltstadt.outbox import mail_enqueue


class AccountAdapter(DefaultAccountAdapter):
    """Closed sign-up (people are invited by staff) and account mail through the outbox."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Account mail answers the person's own request (confirm my address, reset my
        # password): it goes out in the language they asked in; without a request (a command,
        # a task), in their stored language.
        user = get_user_model().objects.filter(email__iexact=email).first()
        asked_in = translation.get_language() if getattr(self, "request", None) else None
        language = asked_in or (user.preferred_language if user else translation.get_language())
        context = {"contact": settings.ASSOCIATION["email"], **context}
        with translation.override(language):
            message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                body
                for body, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        mail_enqueue(
            key=f"account:{template_prefix}:{email}:{uuid.uuid4().hex}",
            to=email,
            user=user,
            language=language,
            template="prerendered",
            context={"subject": message.subject, "text": message.body, "html": html},
        )
