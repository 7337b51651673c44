import re

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Pages a staff member without two-factor authentication may still open: the account pages
# (to set it up, or to log out), and what has no session at all.
_EXEMPT = re.compile(r"^/(?:[a-z]{2}/accounts/|static/|media/|healthz$|robots\.txt$|sitemap\.xml$)")


class StaffMFAMiddleware:
    """Staff use the portal only with two-factor authentication set up: the back-office and every
    staff page elsewhere (dashboards, check-in) sit behind it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and not _EXEMPT.match(request.path)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request, _("Set up two-factor authentication before you use the back-office.")
            )
            return redirect(reverse("mfa_activate_totp") + "?next=" + request.path)
        return self.get_response(request)
