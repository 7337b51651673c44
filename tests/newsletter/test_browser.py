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
