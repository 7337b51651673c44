"""Acceptance 1: subscribe in Turkish, confirm, the editor sends, the Turkish issue arrives with
both unsubscribe headers, and a one-click POST (no cookies) unsubscribes."""

import re
import urllib.parse
import urllib.request

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from newsletter.models import Subscriber
from tests.newsletter.factories import issue_make
from weltstadt.models import OutgoingMail


@pytest.mark.browser
def test_subscribe_confirm_send_and_one_click_unsubscribe_in_turkish(
    browser_page, live_server, settings, transactional_db, staff_user
):
    settings.SITE_URL = live_server.url
    page = browser_page
    page.goto("/tr/")
    footer = page.locator("footer form.bulletin-subscribe")
    footer.locator("input[type=email]").fill("leyla@example.org")
    assert footer.locator("select").input_value() == "tr"
    footer.locator("input[type=checkbox]").check()
    footer.locator("button[type=submit]").click()
    page.wait_for_url("**/tr/bulletin/subscribe/done/")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.get(template="newsletter/confirm").language == "tr"
    confirm = re.search(r"(/tr/bulletin/confirm/\S+/)", mail.outbox[0].body).group(1)
    page.goto(confirm)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    issue = issue_make(number=12, languages=["de", "tr", "en"])
    client = Client()
    client.force_login(staff_user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"/admin/newsletter/issue/{issue.pk}/send/")
    page.locator("button[name=send_now]").click()
    page.wait_for_load_state()
    page.locator("#bulletin-confirm input[name=confirm]").check()  # nothing pre-selected
    page.locator("button[name=send_now_confirmed]").click()
    page.wait_for_load_state()
    assert page.locator("#bulletin-progress").is_visible()

    bulletin = [m for m in mail.outbox if m.to == ["leyla@example.org"]][-1]
    assert "Issue 12 [tr]" in bulletin.subject
    assert "Article 0 [tr]" in bulletin.body
    html = bulletin.alternatives[0][0]
    assert 'lang="tr"' in html
    headers = bulletin.extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].strip("<>")
    assert url.startswith(live_server.url + "/tr/bulletin/unsubscribe/")

    # what a mail client does: a POST with no cookies and no CSRF token
    body = urllib.parse.urlencode({"List-Unsubscribe": "One-Click"}).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=body, method="POST")) as response:
        assert response.status == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.browser
def test_the_progress_bar_follows_the_send_live(
    browser_page, live_server, transactional_db, staff_user
):
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.models import SendJob
    from newsletter.services.sending import issue_send
    from tests.newsletter.factories import subscribers_make

    issue = issue_make(number=13, languages=["de", "tr"])
    readers = [*subscribers_make(4, language="tr"), *subscribers_make(2, language="fr", start=10)]
    job = issue_send(issue=issue, by=None, send_at=timezone.now() + timedelta(hours=1))
    # a send under way: every reader handed to the outbox, nothing delivered yet
    SendJob.objects.filter(pk=job.pk).update(status=SendJob.Status.SENDING, cursor=readers[-1].pk)
    OutgoingMail.objects.bulk_create(
        OutgoingMail(
            idempotency_key=f"{job.key_prefix}{reader.pk}",
            to=reader.email,
            language="tr" if reader.language == "tr" else "de",
            template="newsletter/issue",
        )
        for reader in readers
    )
    client = Client()
    client.force_login(staff_user)
    page = browser_page
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(f"/admin/newsletter/issue/{issue.pk}/send/")
    box = page.locator("#bulletin-progress")
    assert box.locator("[data-field=sent]").text_content() == "0"
    assert box.locator("[data-field=remaining]").text_content() == "6"

    OutgoingMail.objects.filter(to__in=[r.email for r in readers[:3]]).update(status="sent")
    OutgoingMail.objects.filter(to=readers[4].email).update(status="failed")
    # the page polls every two seconds: no reload
    expect(box.locator("[data-field=sent]")).to_have_text("3", timeout=10_000)
    assert box.locator("[data-field=failed]").text_content() == "1"
    assert box.locator("[data-field=remaining]").text_content() == "2"
    assert box.locator("progress[data-field=bar]").evaluate("bar => [bar.value, bar.max]") == [3, 6]
    rows = box.locator("tbody tr")
    assert rows.nth(0).locator("td").all_text_contents()[:4] == ["DE", "0", "1", "1"]
    assert rows.nth(1).locator("td").all_text_contents()[:4] == ["TR", "3", "0", "1"]


def _log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.browser
def test_the_editor_previews_tests_schedules_moves_and_cancels_a_turkish_edition(
    browser_page, live_server, settings, transactional_db
):
    """Acceptance 4."""
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.models import Issue, SendJob
    from tests.factories import staff_with_role
    from weltstadt.accounts import roles

    settings.SITE_URL = live_server.url
    issue = issue_make(number=14, languages=["de", "tr"])
    Issue.objects.filter(pk=issue.pk).update(title_tr="İzmir Avrupa'yı davet ediyor")
    page = browser_page
    _log_in(page, live_server, staff_with_role(roles.BULLETIN_EDITOR))
    page.goto(f"/admin/newsletter/issue/{issue.pk}/send/")
    expect(page.locator("#scheduler-warning")).to_contain_text("make worker")  # no beat here

    # the Turkish edition, as its readers will get it
    page.locator(".bulletin-preview-link[data-language=tr]").click()
    page.wait_for_url(f"**/admin/newsletter/issue/{issue.pk}/preview/tr/")
    expect(page.locator(".bulletin-preview-subject")).to_contain_text(
        "İzmir Avrupa'yı davet ediyor"
    )
    frame = page.frame_locator("iframe.bulletin-preview-frame")
    expect(frame.locator("h1")).to_have_text("İzmir Avrupa'yı davet ediyor")
    expect(frame.locator("body")).to_contain_text("Article 0 [tr]")
    expect(page.locator(".bulletin-preview-text")).to_contain_text("Article 1 [tr]")

    # a test of it to two addresses
    page.goto(f"/admin/newsletter/issue/{issue.pk}/send/")
    test_form = page.locator("#bulletin-test")
    test_form.locator("select[name=edition]").select_option("tr")
    test_form.locator("textarea[name=addresses]").fill("ayse@example.org,\nmehmet@example.org")
    test_form.locator("button[name=test]").click()
    page.wait_for_load_state()
    assert sorted(m.to[0] for m in mail.outbox) == ["ayse@example.org", "mehmet@example.org"]
    for message in mail.outbox:
        assert message.subject.endswith("İzmir Avrupa'yı davet ediyor")  # intact
        assert "&#x27;" not in message.subject
        assert "Article 0 [tr]" in message.body

    # schedule, move, cancel
    later = timezone.localtime() + timedelta(days=3)
    schedule = page.locator("#bulletin-schedule")
    schedule.locator("input[name=send_at_0]").fill(later.strftime("%d.%m.%Y"))
    schedule.locator("input[name=send_at_1]").fill("08:00:00")
    schedule.locator("button[name=schedule]").click()
    page.wait_for_load_state()
    job = SendJob.objects.get()
    assert job.status == SendJob.Status.SCHEDULED
    assert timezone.localtime(job.send_at).strftime("%d.%m.%Y %H:%M") == (
        later.strftime("%d.%m.%Y") + " 08:00"
    )
    moved = later + timedelta(days=2)
    move = page.locator("#bulletin-reschedule")
    move.locator("input[name=move-send_at_0]").fill(moved.strftime("%d.%m.%Y"))
    move.locator("input[name=move-send_at_1]").fill("10:30:00")
    move.locator("button[name=reschedule]").click()
    page.wait_for_load_state()
    job.refresh_from_db()
    assert timezone.localtime(job.send_at).strftime("%d.%m.%Y %H:%M") == (
        moved.strftime("%d.%m.%Y") + " 10:30"
    )
    page.locator("#bulletin-cancel button[name=cancel]").click()
    page.wait_for_load_state()
    job.refresh_from_db()
    assert job.status == SendJob.Status.CANCELLED
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.DRAFT
    expect(page.locator("#bulletin-schedule")).to_be_visible()  # it can be scheduled anew
    assert len(mail.outbox) == 2  # nothing but the tests went out


@pytest.mark.browser
def test_the_editor_formats_a_translation_with_the_toolbar_beside_the_german_source(
    browser_page, live_server, transactional_db
):
    from newsletter.models import Article
    from tests.factories import staff_with_role
    from weltstadt.accounts import roles

    issue = issue_make(number=15, languages=["de"], articles=1)
    Article.objects.filter(issue=issue).update(body_de="<p>Der Hafen <b>wächst</b></p>")
    page = browser_page
    _log_in(page, live_server, staff_with_role(roles.BULLETIN_EDITOR))
    page.goto(f"/admin/newsletter/issue/{issue.pk}/change/")
    row = page.locator("#articles-0 .field-body_tr")
    expect(row.locator(".richtext-source-text")).to_have_text("Der Hafen wächst")
    expect(row.locator("textarea")).to_be_hidden()  # the editor replaces it
    area = row.locator(".richtext-area")
    area.click()
    page.keyboard.type("Liman ")
    row.locator('.richtext-button[data-command="bold"]').click()
    page.keyboard.type("büyüyor")
    row.locator('.richtext-button[data-command="bold"]').click()
    page.keyboard.press("Enter")
    row.locator('.richtext-button[data-command="insertUnorderedList"]').click()
    page.keyboard.type("Konzert")
    page.keyboard.press("Enter")
    page.keyboard.type("Lesung")
    page.locator("input[name=title_tr]").fill("Sayı 15")
    page.locator("input[name=articles-0-title_tr]").fill("Liman")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    body = Article.objects.get().body_tr
    assert "<b>büyüyor</b>" in body or "<strong>büyüyor</strong>" in body
    assert "<ul><li>Konzert</li><li>Lesung</li></ul>" in body
