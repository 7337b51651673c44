"""The cohort award in the back-office: award all, then a progress bar until every PDF is
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

    # the awards commit; their render tasks have not run yet
    response = staff_client.post(AWARD, {"cohort": course.pk, "all": "1"})
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
        response = staff_client.post(AWARD, {"cohort": course.pk, "all": "1"}, follow=True)
    assert "0 ambassadors awarded." in response.content.decode()
    assert CertificateFile.objects.count() == 3
    assert OutgoingMail.objects.count() == 3
    assert len(mail.outbox) == 3
