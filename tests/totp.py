"""A current TOTP code for browser logins that cannot straddle a 30-second window.

The portal accepts only the current window (allauth's MFA_TOTP_TOLERANCE is 0). A code made in
the last seconds of a window can reach the server in the next one on a slow CI machine and be
refused, so wait for the new window first.
"""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

PERIOD = 30
MARGIN = 5  # seconds a form submission may take on a loaded machine


def current_code(secret: str) -> str:
    left = PERIOD - time.time() % PERIOD
    if left < MARGIN:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD))
