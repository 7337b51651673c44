"""The bulletin's back-office: subscribers (search, filters, CSV in and out), editions per
language, the test to oneself, send now or later, live progress, pause and resume, statistics."""

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
from weltstadt.exports import read_csv_back
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
    Subscriber.objects.filter(pk=readers[0].pk).update(consent_note="=HYPERLINK(1)")
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    response = staff_client.post(
        CHANGELIST,
        {"action": "export_csv", "_selected_action": [readers[0].pk, readers[2].pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv_back(response.content, "de")  # BOM, ";" for a German reader
    with translation.override("de"):
        assert header[:3] == [gettext("e-mail address"), gettext("language"), gettext("status")]
        column = {
            name: header.index(gettext(name))
            for name in ("consent source", "consent given", "consent note")
        }
    assert [row[0] for row in rows] == ["reader0@example.org", "reader2@example.org"]
    assert rows[0][1] == "it"
    assert rows[0][2] == "confirmed"
    assert rows[0][column["consent source"]] == "import"
    assert rows[0][column["consent given"]].startswith(str(timezone.now().year))
    assert rows[0][column["consent note"]] == "'=HYPERLINK(1)"  # no formula


def test_the_admin_search_folds_turkish_case_and_diacritics(staff_client, db):
    Subscriber.objects.create(email="ışık.çelik@example.org", language="tr", status="confirmed")
    subscribers_make(1)
    assert _emails(staff_client.get(CHANGELIST, {"q": "ISIK.CELIK"})) == ["ışık.çelik@example.org"]
    issue_make(number=3, languages=["de", "tr"])
    from newsletter.models import Issue as IssueModel

    IssueModel.objects.filter(number=3).update(title_tr="İzmir Avrupa'yı davet ediyor")
    issue_make(number=4, languages=["de"])
    found = staff_client.get("/admin/newsletter/issue/", {"q": "izmir avrupa"})
    assert [i.number for i in found.context["cl"].result_list] == [3]
    by_number = staff_client.get("/admin/newsletter/issue/", {"q": "4"})
    assert [i.number for i in by_number.context["cl"].result_list] == [4]


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


SEND_CONFIRMED = {"send_now_confirmed": "", "confirm": "on"}


def _send_url(issue) -> str:
    return reverse("admin:newsletter_issue_send", args=[issue.pk])


def test_the_editor_sends_a_test_to_themselves(staff_client, staff_user, db, run_on_commit):
    issue = issue_make(languages=["de", "en"])
    subscribers_make(2)
    response = staff_client.get(_send_url(issue))
    page = response.content.decode()
    assert "DE ✓" in page
    assert "FR ✗" in page
    form = response.context["test_form"]
    assert form["edition"].value() == "de"  # the editor's language, not the admin's
    assert form["addresses"].value() == staff_user.email
    with run_on_commit():
        response = staff_client.post(
            _send_url(issue),
            {"test": "", "edition": "de", "addresses": staff_user.email},
            follow=True,
        )
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
    past = timezone.localtime() - timedelta(days=1)  # this time yesterday, whatever the hour now
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
        staff_client.post(_send_url(issue), SEND_CONFIRMED)
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
        staff_client.post(_send_url(issue), SEND_CONFIRMED)
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


def test_send_now_first_shows_the_readers_per_edition_and_needs_a_confirmation(
    staff_client, db, run_on_commit
):
    issue = issue_make(languages=["de", "tr"])
    subscribers_make(3, language="tr")
    subscribers_make(2, language="fr", start=10)  # the German edition
    subscribers_make(4, language="de", start=20, status=Subscriber.Status.PENDING)
    response = staff_client.post(_send_url(issue), {"send_now": ""})
    page = response.content.decode()
    assert "Send to 5 readers now?" in page
    assert response.context["editions"] == [("de", "German", 2), ("tr", "Turkish", 3)]
    assert 'name="confirm" id="id_confirm" required>' in page  # not pre-selected
    assert not SendJob.objects.exists()
    response = staff_client.post(_send_url(issue), {"send_now_confirmed": ""})
    assert "Please confirm the send." in response.content.decode()
    assert not SendJob.objects.exists()
    with run_on_commit():
        staff_client.post(_send_url(issue), SEND_CONFIRMED)
    assert len(mail.outbox) == 5


def test_the_editor_previews_every_edition_of_a_draft(staff_client, db):
    issue = issue_make(languages=["de", "tr"])
    issue.title_tr = "İzmir Avrupa'yı davet ediyor"
    issue.save()
    preview = reverse("admin:newsletter_issue_preview", args=[issue.pk, "tr"])
    response = staff_client.get(preview)
    assert response.status_code == 200
    assert response.context["rendered"].subject.endswith("İzmir Avrupa'yı davet ediyor")
    assert "Article 0 [tr]" in response.context["rendered"].text
    raw = staff_client.get(preview + "?raw=1")
    assert "Article 0 [tr]" in raw.content.decode()
    assert raw["X-Frame-Options"] == "SAMEORIGIN"
    french = staff_client.get(reverse("admin:newsletter_issue_preview", args=[issue.pk, "fr"]))
    assert "Issue 1 [de]" in french.context["rendered"].subject  # what French readers get
    assert "its readers get the German edition" in french.content.decode()
    assert (
        staff_client.get(
            reverse("admin:newsletter_issue_preview", args=[issue.pk, "xx"])
        ).status_code
        == 404
    )
    # "view on site" of a draft opens the preview instead of a 404
    change = staff_client.get(f"/admin/newsletter/issue/{issue.pk}/change/").content.decode()
    assert f"/admin/newsletter/issue/{issue.pk}/preview/de/" in change
    send = staff_client.get(_send_url(issue)).content.decode()
    assert preview in send


def test_the_editor_sends_a_test_of_any_edition_to_typed_addresses(staff_client, db, run_on_commit):
    issue = issue_make(languages=["de", "tr"])
    response = staff_client.post(
        _send_url(issue), {"test": "", "edition": "tr", "addresses": "ayse@example.org, nope"}
    )
    assert "“nope” is not an e-mail address." in response.content.decode()
    response = staff_client.post(
        _send_url(issue), {"test": "", "edition": "fr", "addresses": "ayse@example.org"}
    )
    assert response.context["test_form"].errors["edition"]  # no complete French edition
    assert not mail.outbox
    with run_on_commit():
        staff_client.post(
            _send_url(issue),
            {"test": "", "edition": "tr", "addresses": "ayse@example.org\nmehmet@example.org"},
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["ayse@example.org", "mehmet@example.org"]
    assert all("Issue 1 [tr]" in m.subject for m in mail.outbox)
    assert not SendJob.objects.exists()


def test_the_editor_moves_and_cancels_a_scheduled_send(staff_client, db):
    issue = issue_make()
    later = timezone.localtime() + timedelta(days=2)
    staff_client.post(
        _send_url(issue),
        {"schedule": "", "send_at_0": later.strftime("%Y-%m-%d"), "send_at_1": "08:00:00"},
    )
    page = staff_client.get(_send_url(issue)).content.decode()
    assert 'name="reschedule"' in page
    assert 'name="cancel"' in page
    moved = timezone.localtime() + timedelta(days=5)
    staff_client.post(
        _send_url(issue),
        {
            "reschedule": "",
            "move-send_at_0": moved.strftime("%Y-%m-%d"),
            "move-send_at_1": "09:30:00",
        },
    )
    job = SendJob.objects.get()
    assert timezone.localtime(job.send_at).date() == moved.date()
    assert timezone.localtime(job.send_at).strftime("%H:%M") == "09:30"
    staff_client.post(_send_url(issue), {"cancel": ""})
    job.refresh_from_db()
    issue.refresh_from_db()
    assert job.status == SendJob.Status.CANCELLED
    assert issue.status == Issue.Status.DRAFT
    page = staff_client.get(_send_url(issue)).content.decode()
    assert 'name="schedule"' in page  # it can be scheduled again
    assert not OutgoingMail.objects.exists()


def test_the_send_page_says_when_no_scheduler_runs(staff_client, db, settings):
    from django_celery_beat.models import PeriodicTask

    issue = issue_make()
    settings.CELERY_TASK_ALWAYS_EAGER = True
    page = staff_client.get(_send_url(issue)).content.decode()
    assert "No scheduler is running" in page
    assert "make worker" in page
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    task = PeriodicTask.objects.get(task="newsletter.tasks.mail_bulletin_due")
    task.last_run_at = timezone.now() - timedelta(hours=1)
    task.save()
    assert "No scheduler is running" in staff_client.get(_send_url(issue)).content.decode()
    PeriodicTask.objects.filter(pk=task.pk).update(last_run_at=timezone.now())
    assert "No scheduler is running" not in staff_client.get(_send_url(issue)).content.decode()


def test_the_bulletin_editor_sees_the_bounce_webhook_url(client, db):
    from newsletter.views.webhooks import webhook_secret
    from tests.factories import staff_with_role
    from weltstadt.accounts import roles

    client.force_login(staff_with_role(roles.BULLETIN_EDITOR))
    page = client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    url = reverse("newsletter:webhook_bounces", kwargs={"secret": webhook_secret()})
    assert f"<code>http://testserver{url}</code>" in page
    client.force_login(staff_with_role(roles.SUMMIT_ORGANISER))
    assert webhook_secret() not in client.get(CHANGELIST).content.decode()


def test_a_sent_issue_is_locked(staff_client, db, run_on_commit):
    issue = issue_make(languages=["de", "tr"])
    subscribers_make(1)
    with run_on_commit():
        staff_client.post(_send_url(issue), SEND_CONFIRMED)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    change_url = f"/admin/newsletter/issue/{issue.pk}/change/"
    page = staff_client.get(change_url).content.decode()
    assert "is locked" in page
    assert 'name="_save"' not in page
    response = staff_client.post(change_url, {"title_de": "Changed", "number": "1"})
    assert response.status_code == 403
    issue.refresh_from_db()
    assert issue.title_de == "Issue 1 [de]"
    assert staff_client.get(f"/admin/newsletter/issue/{issue.pk}/delete/").status_code == 403
    assert staff_client.get(_send_url(issue)).status_code == 200  # its statistics stay visible
