"""HEAD is answered wherever GET is: the same status and headers, and no body; and every page a
signed-in person or a personal link opens says `Cache-Control: private, no-store`; and no page
has the same id twice.

The test walks the portal on the demo content as the public, a member of each programme and a
staff member, following the links of every page it opens, and checks every URL pattern it can
reach; patterns it cannot reach by links (personal links from mails) are opened from the demo
data. The HEAD request goes through the same handler a server uses (not the test client, which
drops HEAD bodies itself), so a body left in the response would show.
"""

import re
from collections import defaultdict
from urllib.parse import urljoin, urlsplit

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.contrib import admin
from django.core.handlers.base import BaseHandler
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from weltstadt.demo import demo_seed_all
from weltstadt.models import User

pytestmark = pytest.mark.django_db

ID = re.compile(r'\sid="([^"]+)"')
HREF = re.compile(r'(?:href|action|src)="([^"#]+)"')
# Each pattern is checked on at most this many URLs (a list and its pages are one pattern).
PER_PATTERN = 1
# Patterns with no page to answer GET: POST-only actions and machine endpoints.
NOT_PAGES = {
    "newsletter:webhook_bounces",  # a POST endpoint for the mail provider, behind a secret
    "offices:board_request_withdraw",  # the board's POST button on the request page
    "summits:registration_confirm",  # the POST button on the page the mailed link opens
    "summits:delegation_confirm",  # the same for the head of a delegation
    "translation_confirm",  # the POST button in a translated object's change form
    "translation_import",  # the POST of the translations page's import form
}
NO_SUCH_TOKEN = "no-such-token-0000000000"  # shaped like a link token, belonging to nobody
# Patterns whose object the demo content does not hold (a file uploaded, a comment written):
# opened for an object that does not exist, they must answer HEAD with GET's 404 all the same.
NOT_IN_THE_DEMO = [
    ("ambassadors:certificate_pdf", [999999]),
    ("ambassadors:credential", [999999, "png"]),
    ("ambassadors:evidence_document", [999999]),
    ("credentials:achievement", [1999, "de"]),
    ("credentials:key", ["no-such-key"]),
    ("masterplan:expert_comment_edit", [NO_SUCH_TOKEN, 999999]),
    ("masterplan:pdf_export", [999999]),
    ("offices:board_annual_report_file", [999999, 999999]),
    ("offices:board_activity_file", [999999, 999999]),
    ("offices:board_request_edit", [999999, 999999]),
    ("summits:delegation_member", [NO_SUCH_TOKEN, 999999]),
    ("summits:delegation_member_remove", [NO_SUCH_TOKEN, 999999]),
    ("public_media", ["no/such/file.png"]),
    ("verify:detail", ["NO-SUCH-CODE"]),
]


def _pattern_names(resolver=None, namespace=""):
    """Every named view of the portal's own URLconf (the admin, allauth and rosetta have their
    own tests), as `namespace:name`."""
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if entry.app_name == "admin" or module.startswith(("allauth", "rosetta")):
                continue
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _pattern_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def _head_through_the_handler(path, cookies):
    handler = BaseHandler()
    handler.load_middleware()
    cookie = "; ".join(f"{k}={v.value}" for k, v in cookies.items())
    request = RequestFactory().head(path, HTTP_COOKIE=cookie)
    return handler.get_response(request)


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _crawl(client, starts, visited_names, failures, private=()):
    """Open `starts` and what they link to; `private`: URLs (or True for all) whose response
    must be kept out of caches."""
    per_pattern = defaultdict(int)
    queue = list(starts)
    seen = set(queue)
    while queue:
        url = queue.pop(0)
        get = client.get(url)
        match = get.resolver_match
        if match is not None:
            per_pattern[match.view_name] += 1
            visited_names.add(match.view_name)
        head = _head_through_the_handler(url, client.cookies)
        if head.status_code != get.status_code:
            failures.append(f"{url}: GET {get.status_code}, HEAD {head.status_code}")
        elif _body(head):
            failures.append(f"{url}: HEAD sends a body")
        elif get.get("Content-Type") != head.get("Content-Type"):
            failures.append(f"{url}: HEAD has another Content-Type")
        if private is True or url in private:
            cache_control = get.get("Cache-Control", "")
            if "private" not in cache_control or "no-store" not in cache_control:
                failures.append(f"{url}: personal, but Cache-Control is {cache_control!r}")
        if get.status_code in (301, 302):
            links = [get["Location"]]
        elif get.status_code == 200 and "html" in get.get("Content-Type", ""):
            html = get.content.decode()
            links = HREF.findall(html)
            ids = ID.findall(html)
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                failures.append(f"{url}: the same id twice: {', '.join(duplicates)}")
        else:
            continue
        for href in links:
            href = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(href)
            if parts.netloc or not parts.path.startswith("/de/") or href in seen:
                continue
            if "/logout/" in parts.path:
                continue
            target = _view_name(parts.path)
            if target is None or per_pattern[target] >= PER_PATTERN:
                continue
            per_pattern[target] += 0  # counted when opened
            seen.add(href)
            queue.append(href)


def _view_name(path):
    from django.urls import Resolver404, resolve

    with translation.override("de"):
        try:
            return resolve(path).view_name
        except Resolver404:
            return None


def _personal_links():
    """Links people get by mail, from the demo content."""
    from masterplan.models import ExpertInvitation, WorkshopParticipant
    from newsletter.models import Subscriber
    from summits.models import Delegation, Registration

    urls = []
    with translation.override("de"):
        for model, name, field in [
            (Registration, "summits:registration_manage", "manage_token"),
            (Registration, "summits:registration_cancel", "manage_token"),
            (WorkshopParticipant, "masterplan:ballot", "token"),
            (Delegation, "summits:delegation_manage", "token"),
            (ExpertInvitation, "masterplan:expert_home", "token"),
            (Subscriber, "newsletter:unsubscribe", "token"),
            (Subscriber, "newsletter:preferences", "token"),
            (Subscriber, "newsletter:confirm", "token"),
        ]:
            obj = model.objects.order_by("pk").first()
            if obj is not None:
                urls.append(reverse(name, args=[getattr(obj, field)]))
        # allauth's password-reset link
        user = User.objects.get(email="ambassador@weltstadt.example")
        urls.append(
            reverse(
                "account_reset_password_from_key",
                kwargs={
                    "uidb36": user_pk_to_url_str(user),
                    "key": default_token_generator.make_token(user),
                },
            )
        )
    return urls


def _api_urls():
    """The open-data API: every list, a detail of a demo object of each, the schema and docs."""
    from api.urls import router

    demo_keys = {"offices": "bremen", "summits": "izmir-2025", "local-datasets": "izmir-population"}
    urls = [reverse(name) for name in ("api:api-root", "api:schema", "api:docs", "api:redoc")]
    for _prefix, _viewset, basename in router.registry:
        urls.append(reverse(f"api:{basename}-list"))
        urls.append(reverse(f"api:{basename}-detail", args=[demo_keys.get(basename, 1)]))
    return urls


def _unlinked_pages():
    """Pages no page links to."""
    from summits.models import Summit

    with translation.override("de"):
        return [
            reverse("ambassadors:application_thanks"),
            reverse("newsletter:subscribe_done"),
            reverse("verify:form"),
            reverse("verify:credential"),  # linked from a certificate's page and the mail
            *[reverse(name, args=args) for name, args in NOT_IN_THE_DEMO],
            reverse("summits:programme", args=[Summit.objects.order_by("pk").first().slug]),
            reverse("summits:register_sent", args=[Summit.objects.order_by("pk").first().slug]),
            *_api_urls(),
        ]


@pytest.fixture
def demo(run_on_commit):
    with run_on_commit():
        demo_seed_all()


def test_head_answers_like_get_on_every_page(client, demo, staff_user):
    failures = []
    visited = set()
    personal = _personal_links()
    starts = [
        "/de/",
        "/de/accounts/login/",
        "/de/accounts/password/reset/",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
        "/api/dcat.jsonld",
        "/api/dcat.ttl",
        # the site search with results (the header's form leads to it without a query)
        "/tr/search/?q=izmir",
        # what credential verifiers and wallets fetch (no language prefix)
        "/credentials/issuer",
        "/credentials/jwks.json",
        "/credentials/status-list",
        "/csrf-token",  # fetched by static/js/csrf.js, linked from no page
        *personal,
        *_unlinked_pages(),
    ]
    _crawl(client, starts, visited, failures, private=personal)
    members = [
        "ambassador@weltstadt.example",
        "candidate@weltstadt.example",
        "board.bremen@weltstadt.example",
    ]
    for email in members:
        client.force_login(User.objects.get(email=email))
        _crawl(client, ["/de/member/"], visited, failures, private=True)
    client.force_login(staff_user)
    admin_pages = ["/admin/"] + [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        for m in admin.site._registry
    ]
    admin_pages += [  # the translation workflow's pages, linked from the admin's start page
        reverse("translation_exchange"),
        reverse("translation_export") + "?language=tr&file_format=xliff",
        reverse("translation_export") + "?language=tr&file_format=csv",
    ]
    _crawl(client, ["/de/member/", *admin_pages], visited, failures, private=True)

    assert failures == []
    unreached = _pattern_names() - visited - NOT_PAGES
    assert ", ".join(sorted(unreached)) == ""
