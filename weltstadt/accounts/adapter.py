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

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The key of the `login_failed` rate limit ("5/5m/key"): the account together with the
        client address. allauth keys it on the account alone, so five wrong passwords from
        anywhere locked the owner out everywhere; now they lock out only the address that typed
        them, and the per-address limit ("10/m/ip") still stops one address trying many
        accounts. Counted in the Django cache, so it holds across web processes."""
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # Account mail answers the person's own request (confirm my address, reset my
        # password): it goes out in the language they asked in; without a request (a command,
        # a task), in their stored language.
        user = get_user_model().objects.filter(email__iexact=email).first()
        asked_in = translation.get_language() if getattr(self, "request", None) else None
        language = asked_in or (user.preferred_language if user else translation.get_language())
        context = {
            "contact": settings.ASSOCIATION["email"],
            "contact_email": settings.ASSOCIATION["email"],
            "site_url": settings.SITE_URL,
            **context,
        }
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
