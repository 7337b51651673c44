"""The bulletin's back-office: subscribers (search, filters, CSV in and out), editions per
language, the test to oneself, send now or later, live progress, pause and resume, statistics."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from newsletter.models import Issue, SendJob, Subscriber, SubscriberEvent
from newsletter.services.subscriptions import subscriber_bounce, subscriber_unsubscribe
from tests.newsletter.factories import issue_make, subscribers_make
from weltstadt.models import OutgoingMail

CHANGELIST = "/admin/newsletter/subscriber/"


@pytest.fixture
def staff_client(staff_client):
    """The back-office in English, so that the assertions read like the msgids."""
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return staff_client


def _emails(response) -> list[str]:
    return sorted(s.email for s in response.context["cl"].result_list)


def test_subscribers_can_be_searched_and_filtered_by_language_and_status(staff_client, db):
    subscribers_make(2, language="tr")
    subscribers_make(1, language="de", start=10)
    subscribers_make(1, language="tr", start=20, status=Subscriber.Status.UNSUBSCRIBED)
    assert len(_emails(staff_client.get(CHANGELIST))) == 4
    assert _emails(staff_client.get(CHANGELIST, {"q": "reader10"})) == ["reader10@example.org"]
    assert _emails(staff_client.get(CHANGELIST, {"language__exact": "tr"})) == [
        "reader0@example.org",
        "reader1@example.org",
        "reader20@example.org",
    ]
    filtered = staff_client.get(CHANGELIST, {"language__exact": "tr", "status__exact": "confirmed"})
    assert _emails(filtered) == ["reader0@example.org", "reader1@example.org"]
    page = filtered.content.decode()
    assert "By language" in page  # the filters are on the page
    assert "By status" in page


def test_a_csv_import_records_the_consent_source_and_keeps_who_left(staff_client, db):
    subscribers_make(1, language="de", status=Subscriber.Status.UNSUBSCRIBED)
    data = (
        "email,language\n"
        "Ayse@Example.org,tr\n"
        "reader0@example.org,de\n"  # unsubscribed: stays so
        "ayse@example.org,tr\n"  # the same address twice: one subscriber
        "not-an-address,fr\n"
        "marie@example.org,xx\n"
        "jean@example.org\n"  # no language: the default one
    )
    upload = SimpleUploadedFile("list.csv", data.encode(), content_type="text/csv")
    response = staff_client.post(
        reverse("admin:newsletter_subscriber_import"),
        {"file": upload, "source_note": "Sign-up list, partner-city summit Bremen 2026"},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert "2 subscribers imported, 1 already known." in messages
    assert "Line 5 skipped: not an e-mail address" in messages
    assert "Line 6 skipped: unknown language" in messages
    ayse = Subscriber.objects.get(email="ayse@example.org")
    assert ayse.language == "tr"
    assert ayse.status == Subscriber.Status.CONFIRMED
    assert ayse.consent_source == Subscriber.Source.IMPORT
    assert ayse.consent_note == "Sign-up list, partner-city summit Bremen 2026"
    assert ayse.consent_at
    assert ayse.consent_version
    assert ayse.events.get().kind == SubscriberEvent.Kind.CONFIRMED
    assert Subscriber.objects.get(email="jean@example.org").language == "de"
    assert Subscriber.objects.get(email="reader0@example.org").status == "unsubscribed"
    assert Subscriber.objects.count() == 3


def test_a_csv_import_needs_the_consent_source(staff_client, db):
    upload = SimpleUploadedFile("list.csv", b"a@example.org,en\n", content_type="text/csv")
    response = staff_client.post(reverse("admin:newsletter_subscriber_import"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["source_note"]
    assert not Subscriber.objects.exists()


def test_the_selected_subscribers_are_exported_as_csv(staff_client, db):
    readers = subscribers_make(3, language="it")
    response = staff_client.post(
        CHANGELIST,
        {"action": "export_csv", "_selected_action": [readers[0].pk, readers[2].pk]},
    )
    assert response["Content-Type"] == "text/csv"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["email"] for row in rows] == ["reader0@example.org", "reader2@example.org"]
    assert rows[0]["language"] == "it"
    assert rows[0]["status"] == "confirmed"
    assert rows[0]["consent_source"] == "import"
    assert rows[0]["consent_at"].startswith(str(timezone.now().year))


def test_the_issue_list_shows_which_editions_are_complete(staff_client, db):
    issue = issue_make(languages=["de", "tr"])
    page = staff_client.get("/admin/newsletter/issue/").content.decode()
    assert '<span class="badge badge-complete" title="complete">DE ✓</span>' in page
    assert '<span class="badge badge-complete" title="complete">TR ✓</span>' in page
    assert '<span class="badge badge-incomplete" title="incomplete">FR ✗</span>' in page
    assert "css/newsletter.css" in page  # the badges have their colours
    change = staff_client.get(f"/admin/newsletter/issue/{issue.pk}/change/").content.decode()
    assert '<span class="badge badge-incomplete" title="incomplete">IT ✗</span>' in change
    assert reverse("admin:newsletter_issue_send", args=[issue.pk]) in change
    assert staff_client.get("/admin/newsletter/issue/add/").status_code == 200


def _send_url(issue) -> str:
    return reverse("admin:newsletter_issue_send", args=[issue.pk])


def test_the_editor_sends_a_test_to_themselves(staff_client, staff_user, db, run_on_commit):
    issue = issue_make(languages=["de", "en"])
    subscribers_make(2)
    page = staff_client.get(_send_url(issue)).content.decode()
    assert "DE ✓" in page
    assert "FR ✗" in page
    with run_on_commit():
        response = staff_client.post(_send_url(issue), {"test": ""}, follow=True)
    assert f"A test has been sent to {staff_user.email}." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[staff_user.email]]
    with translation.override("de"):  # the editor's language, not the admin's
        marker, note = gettext("Test"), gettext("This is a test sent to you alone.")
    assert mail.outbox[0].subject.startswith(f"[{marker}] İzmir")
    assert "Issue 1 [de]" in mail.outbox[0].subject
    assert note in mail.outbox[0].body
    assert note in mail.outbox[0].alternatives[0][0]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    assert not SendJob.objects.exists()


def test_the_editor_schedules_an_issue_for_later(staff_client, db):
    issue = issue_make()
    past = timezone.localtime() - timedelta(hours=1)
    response = staff_client.post(
        _send_url(issue),
        {
            "schedule": "",
            "send_at_0": past.strftime("%Y-%m-%d"),
            "send_at_1": past.strftime("%H:%M:%S"),
        },
    )
    assert "Choose a time in the future." in response.content.decode()
    assert not SendJob.objects.exists()
    later = timezone.localtime() + timedelta(days=2)
    staff_client.post(
        _send_url(issue),
        {"schedule": "", "send_at_0": later.strftime("%Y-%m-%d"), "send_at_1": "08:00:00"},
    )
    job = SendJob.objects.get()
    assert job.status == SendJob.Status.SCHEDULED
    assert timezone.localtime(job.send_at).date() == later.date()
    assert not OutgoingMail.objects.exists()


def test_progress_is_shown_per_language_and_pause_and_resume_work(
    staff_client, db, settings, run_on_commit, monkeypatch
):
    settings.OUTBOX_BATCH_SIZE = 4
    settings.NEWSLETTER_PIPELINE_BATCHES = 1
    issue = issue_make(languages=["de", "tr"])
    subscribers_make(4, language="tr")
    subscribers_make(6, language="fr", start=10)  # the German edition
    # the editor clicks "pause" while the first batch is being sent
    from newsletter import tasks

    real = tasks.outbox_deliver

    def deliver_and_pause(ids, **kwargs):
        result = real(ids, **kwargs)
        staff_client.post(_send_url(issue), {"pause": ""})
        return result

    monkeypatch.setattr(tasks, "outbox_deliver", deliver_and_pause)
    with run_on_commit():
        staff_client.post(_send_url(issue), {"send_now": ""})
    monkeypatch.setattr(tasks, "outbox_deliver", real)
    job = SendJob.objects.get()
    assert job.status == SendJob.Status.PAUSED
    assert len(mail.outbox) == 4

    progress = staff_client.get(reverse("admin:newsletter_issue_progress", args=[issue.pk])).json()
    assert progress["status"] == "paused"
    assert (progress["sent"], progress["failed"], progress["remaining"]) == (4, 0, 6)
    assert progress["total"] == 10
    assert progress["languages"] == {
        "de": {"sent": 0, "failed": 0, "remaining": 6},
        "tr": {"sent": 4, "failed": 0, "remaining": 0},
    }
    page = staff_client.get(_send_url(issue)).content.decode()
    assert 'data-url="' + reverse("admin:newsletter_issue_progress", args=[issue.pk]) in page
    assert '<progress max="10" value="4" data-field="bar">' in page
    assert 'name="resume"' in page

    with run_on_commit():
        staff_client.post(_send_url(issue), {"resume": ""})
    job.refresh_from_db()
    assert job.status == SendJob.Status.DONE
    assert len(mail.outbox) == 10
    progress = staff_client.get(reverse("admin:newsletter_issue_progress", args=[issue.pk])).json()
    assert progress["languages"]["de"] == {"sent": 6, "failed": 0, "remaining": 0}
    assert progress["remaining"] == 0


def test_the_send_page_shows_statistics_per_issue_and_language(
    staff_client, db, run_on_commit, alice
):
    issue = issue_make(languages=["de", "tr"])
    readers = [*subscribers_make(3, language="tr"), *subscribers_make(2, language="fr", start=10)]
    with run_on_commit():
        staff_client.post(_send_url(issue), {"send_now": ""})
    OutgoingMail.objects.filter(to="reader11@example.org").update(status="failed")
    subscriber_bounce(email="reader0@example.org", kind=SubscriberEvent.Kind.HARD_BOUNCE)
    subscriber_unsubscribe(subscriber=readers[1], issue_id=issue.pk)
    subscriber_unsubscribe(subscriber=readers[3], issue_id=issue.pk)
    page = staff_client.get(_send_url(issue)).content.decode()
    assert "<tr><td>FR</td><td>1</td><td>1</td><td>0</td><td>1</td></tr>" in page
    assert "<tr><td>TR</td><td>3</td><td>0</td><td>1</td><td>1</td></tr>" in page


def test_people_without_the_editor_role_cannot_send(client, alice, db):
    issue = issue_make()
    client.force_login(alice)
    response = client.post(_send_url(issue), {"send_now": ""})
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    progress = client.get(reverse("admin:newsletter_issue_progress", args=[issue.pk]))
    assert progress.status_code == 302
    assert not SendJob.objects.exists()
