"""What a bulletin mail carries: the reader's edition or a stated fallback, the "view in browser"
link, the RFC 8058 headers, and an edition body rendered once per language."""

import re
from unittest import mock

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from newsletter import editions
from newsletter.models import Article, Subscriber, SubscriberEvent
from newsletter.services.sending import issue_send
from tests.newsletter.factories import issue_make, subscribers_make

FALLBACK_NOTE = "This issue is not available in your language yet; here is the edition in:"


def _send(issue, run_on_commit, alice) -> dict:
    with run_on_commit():
        issue_send(issue=issue, by=alice)
    return {m.to[0]: m for m in mail.outbox}


def _note(language: str) -> str:
    with translation.override(language):
        return gettext(FALLBACK_NOTE)


def test_a_reader_without_a_complete_edition_is_told_which_edition_they_get(
    db, run_on_commit, alice
):
    issue = issue_make(languages=["de", "tr", "en"])
    subscribers_make(1, language="fr")
    subscribers_make(1, language="tr", start=1)
    by_to = _send(issue, run_on_commit, alice)

    french = by_to["reader0@example.org"]
    assert "Issue 1 [de]" in french.subject
    assert "Article 0 [de]" in french.body
    # the note is in the reader's language and names the edition's language in its own
    assert _note("fr") != FALLBACK_NOTE
    assert f"{_note('fr')} Deutsch" in french.body
    html = french.alternatives[0][0]
    assert "Deutsch</p>" in html
    assert _note("fr") in html

    turkish = by_to["reader1@example.org"]
    assert "Issue 1 [tr]" in turkish.subject
    assert _note("tr") not in turkish.body
    assert _note("tr") not in turkish.alternatives[0][0]


def test_an_edition_missing_one_article_text_is_not_sent(db, run_on_commit, alice):
    issue = issue_make(languages=["de", "tr"])
    Article.objects.filter(issue=issue, position=1).update(body_tr="")
    subscribers_make(1, language="tr")
    by_to = _send(issue, run_on_commit, alice)
    turkish = by_to["reader0@example.org"]
    assert "Issue 1 [de]" in turkish.subject
    assert "Article 0 [tr]" not in turkish.body
    assert f"{_note('tr')} Deutsch" in turkish.body


def test_every_mail_has_a_view_in_browser_link_to_its_edition(
    client, db, run_on_commit, alice, settings
):
    settings.SITE_URL = "https://weltstadt-izmir.org"
    issue = issue_make(number=4, languages=["de", "tr"])
    subscribers_make(1, language="tr")
    turkish = _send(issue, run_on_commit, alice)["reader0@example.org"]
    with translation.override("tr"):
        label = gettext("View in your browser")
    url = "https://weltstadt-izmir.org/tr/bulletin/4/"
    assert f"{label}: {url}" in turkish.body
    assert re.search(rf'<a href="{re.escape(url)}"[^>]*>{label}</a>', turkish.alternatives[0][0])
    page = client.get("/tr/bulletin/4/")
    assert page.status_code == 200
    assert "Issue 4 [tr]" in page.content.decode()


def test_the_unsubscribe_headers_are_https_and_opaque_and_the_post_unsubscribes(
    client, db, run_on_commit, alice, settings
):
    settings.SITE_URL = "https://weltstadt-izmir.org"
    issue = issue_make(languages=["de", "tr"])
    subscribers_make(1, language="tr")
    reader = Subscriber.objects.get()
    message = _send(issue, run_on_commit, alice)["reader0@example.org"]
    header = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(
        r"<https://weltstadt-izmir\.org/tr/bulletin/unsubscribe/[^/<>\s]+/>", header
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "reader0" not in header
    assert "example.org" not in header
    # the header is also what the serialised message says
    raw = message.message().as_string()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    path = header.strip("<>").removeprefix(settings.SITE_URL)
    forged = path.replace(f".{issue.pk}:", f".{issue.pk + 1}:")
    assert forged != path
    assert client.post(forged, {"List-Unsubscribe": "One-Click"}).status_code == 400
    assert f"{settings.SITE_URL}{path}" in message.body  # the link in the footer, too
    client.post(path, {"List-Unsubscribe": "One-Click"})
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED
    event = SubscriberEvent.objects.get(kind=SubscriberEvent.Kind.UNSUBSCRIBED)
    assert event.issue == issue  # counted for this issue in the statistics


def test_the_edition_body_is_rendered_once_per_language(db, run_on_commit, alice, settings):
    settings.OUTBOX_BATCH_SIZE = 7
    issue = issue_make(languages=["de", "tr", "en"])
    subscribers_make(10, language="tr")
    subscribers_make(10, language="fr", start=10)  # the German edition
    subscribers_make(10, language="de", start=20)
    editions._memo.clear()
    real = editions.render_to_string
    with mock.patch.object(editions, "render_to_string", side_effect=real) as render:
        _send(issue, run_on_commit, alice)
    assert len(mail.outbox) == 30
    rendered = sorted((call.args[0], call.args[1]["language"]) for call in render.call_args_list)
    assert rendered == [
        ("emails/newsletter/edition.html", "de"),
        ("emails/newsletter/edition.html", "tr"),
        ("emails/newsletter/edition.txt", "de"),
        ("emails/newsletter/edition.txt", "tr"),
    ]


def test_article_text_in_the_mail_is_sanitised(db, run_on_commit, alice):
    issue = issue_make(languages=["de"], articles=1)
    Article.objects.filter(issue=issue).update(
        body_de='<p onclick="x()">Hallo <a href="javascript:alert(1)">hier</a>'
        '<img src="https://evil.example/x.png"><a href="https://izmir.bel.tr/">İzmir</a></p>'
    )
    issue.refresh_from_db()
    subscribers_make(1)
    html = _send(issue, run_on_commit, alice)["reader0@example.org"].alternatives[0][0]
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "evil.example" not in html
    assert '<a href="https://izmir.bel.tr/" rel="noopener noreferrer">İzmir</a>' in html


def test_the_deployment_check_asks_for_an_https_site_url(settings):
    from newsletter.checks import check_site_url_https

    settings.SITE_URL = "http://weltstadt-izmir.org"
    assert [message.id for message in check_site_url_https(None)] == ["newsletter.W001"]
    settings.SITE_URL = "https://weltstadt-izmir.org"
    assert check_site_url_https(None) == []


def test_izmir_in_the_capitals_of_an_edition_is_izmir_with_dots(db):
    """The eyebrow and the plain-text title are written in capitals on the server (mail clients
    apply CSS unevenly); Python's upper() and the page's language would write "İZMIR"."""
    issue = issue_make(languages=["de", "tr"])
    issue.title_de, issue.title_tr = "Neues aus İzmir", "İzmir'de fuar günleri"
    issue.save()
    editions._memo.clear()
    german = editions.edition_render(issue.pk, language="de", version=99)
    turkish = editions.edition_render(issue.pk, language="tr", version=99)
    assert "İZMİR-BULLETIN · AUSGABE 1 · 1. NOVEMBER 2026" in german["html"]
    assert "NEUES AUS İZMİR" in german["text"]
    assert "İZMİR BÜLTENİ · SAYI 1 · 1 KASIM 2026"  # Turks write no leading zero in turkish["html"]
    assert "İZMİR&#x27;DE FUAR GÜNLERİ" not in turkish["text"]
    assert "İZMİR'DE FUAR GÜNLERİ" in turkish["text"]
    for edition in (german, turkish):
        assert "İZMIR" not in edition["html"] + edition["text"]


def test_a_turkish_subject_with_an_apostrophe_is_not_html_escaped(db, run_on_commit, alice):
    issue = issue_make(languages=["de", "tr"])
    issue.title_tr = "İzmir Avrupa'yı davet ediyor"
    issue.intro_tr = "Bremen & İzmir"
    issue.save()
    subscribers_make(1, language="tr")
    turkish = _send(issue, run_on_commit, alice)["reader0@example.org"]
    assert "İzmir Avrupa'yı davet ediyor" in turkish.subject
    assert "&#x27;" not in turkish.subject
    assert "İZMİR AVRUPA'YI DAVET EDİYOR" in turkish.body
    assert "&#x27;" not in turkish.body
    assert "&amp;" not in turkish.body


def test_the_plain_text_part_keeps_lists_links_and_the_intro_is_html(db, run_on_commit, alice):
    issue = issue_make(languages=["de"], articles=1)
    issue.intro_de = "<p>Willkommen in <strong>İzmir</strong>!</p>"
    issue.save()
    Article.objects.filter(issue=issue).update(
        body_de=(
            "<p>Das Programm:</p><ul><li>Konzert</li><li>Lesung</li></ul>"
            '<p>Karten bei <a href="https://example.org/karten?a=1&amp;b=2">Kultur İzmir</a>.</p>'
        )
    )
    subscribers_make(1, language="de")
    german = _send(issue, run_on_commit, alice)["reader0@example.org"]
    assert "KonzertLesung" not in german.body
    assert "- Konzert\n" in german.body
    assert "- Lesung\n" in german.body
    assert "[Kultur İzmir](https://example.org/karten?a=1&b=2)" in german.body
    assert "Willkommen in İzmir!" in german.body
    assert "<strong>" not in german.body
    html = german.alternatives[0][0]
    assert "<strong>İzmir</strong>" in html  # the intro's HTML is HTML, not shown as text
    assert "&lt;strong&gt;" not in html


def test_the_intro_is_sanitised_like_the_articles(db):
    issue = issue_make(languages=["de"])
    issue.intro_de = '<p onclick="x()">Hallo <script>alert(1)</script><em>Welt</em></p>'
    issue.clean()
    assert issue.intro_de == "<p>Hallo <em>Welt</em></p>"
