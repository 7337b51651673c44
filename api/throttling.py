"""One request rate per client address, counted in the shared cache (Redis in production), so
that every web process and machine counts together."""

import hashlib

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from weltstadt.throttle import client_address


class ClientAddressThrottle(SimpleRateThrottle):
    scope = "api"
    cache_format = "throttle:api:%(ident)s"

    def get_rate(self) -> str:
        # read at each request, so a deployment (or a test) can change it in the settings
        return settings.API_THROTTLE_RATE

    def get_ident(self, request) -> str:
        # REMOTE_ADDR as the web server set it: a client's own X-Forwarded-For is never trusted
        # (DRF's default would be), and no address is kept in clear in the cache
        address = client_address(request)
        return hashlib.sha256(f"api\0{address}".encode()).hexdigest()[:32]

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"ident": self.get_ident(request)}
