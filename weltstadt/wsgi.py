"""The WSGI application: Django, behind the page cache's front (weltstadt.page_cache), which
answers a page kept for anonymous visitors without running Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "weltstadt.settings")
django_application = get_wsgi_application()

from weltstadt.page_cache import PageCacheFront  # noqa: E402  (after Django is set up)

application = PageCacheFront(django_application)
