"""schema.org descriptions of the public pages, embedded as JSON-LD.

Each builder takes what the page already shows (no query of its own beyond what the page loaded)
and returns a plain dict; `script_element` turns one into the <script type="application/ld+json">
the page carries. Only what the page itself shows publicly goes in: no board members, no
registrations, no funding.
"""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from opendata.addresses import postal_address
from weltstadt.templatetags.weltstadt_lang import shown_language

CONTEXT = "https://schema.org"
# As Django's json_script: "<", ">" and "&" as \u escapes, so that no "</script>" (or "<!--")
# in a title can end the element; the JSON means the same.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
ATTENDANCE = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def script_element(data: dict) -> SafeString:
    """`data` as a JSON-LD data block: not run by browsers, so the CSP needs no nonce for it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>', SafeString(text.translate(_ESCAPES))
    )


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def association_reference() -> dict:
    return {"@type": "Organization", "@id": absolute("/#organization"), "name": _name()}


def _name() -> str:
    return settings.ASSOCIATION["name"]


def association() -> dict:
    """The association, for the home page."""
    return _compact(
        {
            "@context": CONTEXT,
            **association_reference(),
            "url": absolute(reverse("home")),
            "logo": absolute(static("img/favicon.svg")),
            "email": settings.ASSOCIATION["email"],
            "address": postal_address(settings.ASSOCIATION["address"]),
            # Organization has no inLanguage: the page's language is in its url; these are the
            # languages the association works in
            "knowsLanguage": [code for code, _name in settings.LANGUAGES],
        }
    )


def _place(*, name: str, address: dict | None, city) -> dict:
    return _compact(
        {
            "@type": "Place",
            "name": name,
            "address": address,
            "geo": _geo(city),
        }
    )


def _geo(thing) -> dict | None:
    if thing is None or thing.latitude is None or thing.longitude is None:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(thing.latitude),
        "longitude": float(thing.longitude),
    }


def _summit_location(summit, url: str) -> list[dict]:
    locations = []
    if summit.format != "online":
        address = postal_address(
            summit.address, locality=summit.host_city.name, country=str(summit.host_city.country)
        )
        name = summit.venue or summit.host_city.name
        place = _place(name=name, address=address, city=summit.host_city)
        locations.append({"@id": url + "#venue", **place})
    if summit.format != "in_person":
        url = absolute(reverse("summits:programme", kwargs={"slug": summit.slug}))
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations


def _performer(speaker) -> dict:
    return _compact(
        {
            "@type": "Person",
            "name": speaker.name,
            "affiliation": {"@type": "Organization", "name": speaker.affiliation}
            if speaker.affiliation
            else None,
        }
    )


def _session(session, summit, venue: dict | None, programme: str) -> dict:
    """`venue`: a reference to the summit's Place, which the summit describes; `programme`: the
    address of the summit's programme page."""
    tz = summit.tz
    location = venue
    if session.stream_url:
        location = {"@type": "VirtualLocation", "url": session.stream_url}
    elif session.room and venue:
        location = {"@type": "Place", "name": session.room, "containedInPlace": venue}
    return _compact(
        {
            "@type": "Event",
            "name": session.title,
            "description": session.abstract,
            "startDate": timezone.localtime(session.starts_at, tz).isoformat(),
            "endDate": timezone.localtime(session.ends_at, tz).isoformat(),
            "inLanguage": session.language,
            "location": location,
            "performer": [_performer(s) for s in session.speakers.all()],
            "url": f"{programme}#session-{session.pk}",
        }
    )


def summit_event(summit, sessions) -> dict:
    """A public summit as an Event, its sessions (with their speakers prefetched) as sub-events."""
    url = absolute(reverse("summits:detail", kwargs={"slug": summit.slug}))
    locations = _summit_location(summit, url)
    venue = next(({"@id": loc["@id"]} for loc in locations if loc["@type"] == "Place"), None)
    # one address for every session (a reverse per session cost more than the rest of its entry)
    programme = absolute(reverse("summits:programme", kwargs={"slug": summit.slug}))
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "@id": url + "#event",
            "url": url,
            "name": summit.title,
            "alternateName": summit.theme,
            "description": summit.description,
            "inLanguage": shown_language(summit, "title"),
            "startDate": summit.start_date,
            "endDate": summit.end_date,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE.get(summit.format),
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": association_reference(),
            "subEvent": [_session(session, summit, venue, programme) for session in sessions],
        }
    )


def office_organization(office) -> dict:
    """An active office as an Organization: the contact its page shows, no board."""
    url = absolute(office.get_absolute_url())
    address = postal_address(office.address, locality=office.city.name, country=str(office.country))
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "Organization",
            "@id": url + "#organization",
            "url": url,
            "name": office.name,
            "description": office.description,
            "address": address,
            "location": _place(name=office.name, address=address, city=office)
            if _geo(office)
            else None,
            "email": office.email,
            "telephone": office.phone,
            "sameAs": [office.website] if office.website else None,
            "foundingDate": office.founded_on,
            "parentOrganization": association_reference(),
        }
    )


def _issue_url(issue) -> str:
    return absolute(issue.get_absolute_url())


def _article(article, issue, language: str) -> dict:
    return _compact(
        {
            "@type": "NewsArticle",
            "@id": absolute(article.get_absolute_url()) + "#article",
            "url": absolute(article.get_absolute_url()),
            "headline": article.title[:110],
            "name": article.title,
            "abstract": article.summary,
            "inLanguage": language,
            "datePublished": issue.published_at,
            "dateModified": issue.updated_at,
            "image": absolute(article.image.url) if article.image else None,
            "publisher": association_reference(),
            "author": association_reference(),
            "isPartOf": {"@id": _issue_url(issue) + "#issue"},
        }
    )


def _publication_issue(issue, language: str) -> dict:
    url = _issue_url(issue)
    return _compact(
        {
            "@type": "PublicationIssue",
            "@id": url + "#issue",
            "url": url,
            "issueNumber": str(issue.number),
            "name": issue.title,
            "datePublished": issue.published_at,
            "inLanguage": language,
            "image": absolute(issue.lead_image.url) if issue.lead_image else None,
            "publisher": association_reference(),
            "isPartOf": {
                "@type": "Periodical",
                "name": gettext("İzmir Bulletin"),
                "url": absolute(reverse("newsletter:index")),
                "publisher": association_reference(),
            },
        }
    )


def bulletin_issue(issue, articles, *, language: str) -> dict:
    """A published issue as a PublicationIssue with its articles as NewsArticles; `language`:
    the edition the page shows (the reader's, or the fallback edition)."""
    return {
        "@context": CONTEXT,
        **_publication_issue(issue, language),
        "hasPart": [_article(article, issue, language) for article in articles],
    }


def bulletin_article(article, issue, *, language: str) -> dict:
    """One article of a published issue as a NewsArticle, part of its PublicationIssue."""
    return {
        "@context": CONTEXT,
        **_article(article, issue, language),
        "isPartOf": _publication_issue(issue, language),
    }
