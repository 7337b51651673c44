"""The cohort award in the back-office: nobody is ticked at first, the chosen people are counted
on a confirmation page before anything happens, then a progress bar until every PDF is
rendered and mailed; awarding again renders and mails nothing twice."""

import pytest
from django.core import mail

from ambassadors.certificates.models import Certificate, CertificateFile
from ambassadors.certificates.services import certificate_render
from tests.ambassadors.certificate_fixtures import course, graduate, statement  # noqa: F401
from weltstadt.models import OutgoingMail

AWARD = "/admin/ambassadors/certificate/award/"


@pytest.fixture(autouse=True)
def _no_pdf_rendering(monkeypatch):
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )


def test_the_progress_bar_runs_until_every_pdf_is_rendered_and_mailed(
    staff_client,
    course,  # noqa: F811
    run_on_commit,
):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    graduates = [graduate(course) for _ in range(3)]
    graduate(course, complete=False, name="Deniz Demir")
    page = staff_client.get(AWARD, {"cohort": course.pk}).content.decode()
    assert "3 ambassadors can be awarded" in page
    assert "1 ambassador has not completed every required module" in page
    assert "Deniz Demir" in page

    # select all, confirm; the awards commit; their render tasks have not run yet
    chosen = [g.pk for g in graduates]
    response = staff_client.post(AWARD, {"cohort": course.pk, "ambassador": chosen, "confirm": "1"})
    progress_url = f"{AWARD}{course.pk}/progress/"
    assert response["Location"] == progress_url
    page = staff_client.get(progress_url).content.decode()
    assert '<progress id="award-progress-bar" max="100" value="0">' in page
    assert 'http-equiv="refresh"' in page  # without JavaScript the page reloads itself
    status = staff_client.get(f"{AWARD}{course.pk}/progress.json").json()
    assert status == {"total": 3, "rendered": 0, "mailed": 0, "percent": 0, "done": False}

    # the worker renders one and mails it: halfway for it, a sixth of the whole
    first, *others = Certificate.objects.order_by("pk")
    with run_on_commit():
        certificate_render(certificate_id=first.pk)
    status = staff_client.get(f"{AWARD}{course.pk}/progress.json").json()
    assert status == {"total": 3, "rendered": 1, "mailed": 1, "percent": 33, "done": False}

    for certificate in others:
        with run_on_commit():
            certificate_render(certificate_id=certificate.pk)
    status = staff_client.get(f"{AWARD}{course.pk}/progress.json").json()
    assert status == {"total": 3, "rendered": 3, "mailed": 3, "percent": 100, "done": True}
    page = staff_client.get(progress_url).content.decode()
    assert "Done: every certificate is rendered and mailed." in page
    assert 'http-equiv="refresh"' not in page
    assert sorted(m.to[0] for m in mail.outbox) == sorted(g.user.email for g in graduates)

    # awarding again: nobody new, nothing rendered or mailed twice
    with run_on_commit():
        response = staff_client.post(
            AWARD, {"cohort": course.pk, "ambassador": chosen, "confirm": "1"}, follow=True
        )
    assert "Select at least one ambassador." in response.content.decode()
    assert CertificateFile.objects.count() == 3
    assert OutgoingMail.objects.count() == 3
    assert len(mail.outbox) == 3


def test_nobody_is_ticked_and_the_count_is_confirmed_before_anything_happens(
    staff_client,
    course,  # noqa: F811
    run_on_commit,
):
    """Issue 19: the page pre-ticked every eligible person and "award the selected" awarded
    at once; unticking all but one still awarded four people and sent four mails (the form's
    default button, the one Enter presses, was "award all")."""
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    four = [graduate(course, name=f"Person {n}") for n in range(4)]
    page = staff_client.get(AWARD, {"cohort": course.pk}).content.decode()
    assert page.count('class="award-choice"') == 4
    assert " checked" not in page.split('id="award-select"')[1].split("</form>")[0]
    assert 'name="all"' not in page  # no button awards everyone without a selection
    assert "select=all" in page  # a clear "select all" (works without JavaScript too)
    everyone = staff_client.get(AWARD, {"cohort": course.pk, "select": "all"}).content.decode()
    assert everyone.count(" checked") == 4

    # "award the selected" with one person ticked (or Enter pressed): only a confirmation
    with run_on_commit():
        response = staff_client.post(
            AWARD, {"cohort": course.pk, "ambassador": [four[2].pk], "review": "1"}
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "You are about to award 1 title and send 1 mail." in page
    assert "Person 2" in page
    assert "Person 1" not in page
    assert Certificate.objects.count() == 0
    assert OutgoingMail.objects.count() == 0

    with run_on_commit():
        response = staff_client.post(
            AWARD, {"cohort": course.pk, "ambassador": [four[2].pk], "confirm": "1"}, follow=True
        )
    assert list(Certificate.objects.values_list("ambassador", flat=True)) == [four[2].pk]
    assert [m.to for m in mail.outbox] == [[four[2].user.email]]
    assert "Title awarded to Person 2" in response.content.decode()


def test_the_confirmation_counts_only_people_who_can_be_awarded(
    staff_client,
    course,  # noqa: F811
):
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    ready = [graduate(course) for _ in range(2)]
    unready = graduate(course, complete=False)
    page = staff_client.post(
        AWARD,
        {"cohort": course.pk, "ambassador": [a.pk for a in [*ready, unready]], "review": "1"},
    ).content.decode()
    assert "You are about to award 2 titles and send 2 mails." in page
    response = staff_client.post(AWARD, {"cohort": course.pk, "review": "1"}, follow=True)
    assert "Select at least one ambassador." in response.content.decode()
    assert Certificate.objects.count() == 0
