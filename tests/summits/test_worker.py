"""With a real Celery worker on Redis: mail goes out on the mail queue, badges on the pdf queue."""

import pytest
from django.db import transaction

from summits.models import Registration
from summits.services.registration import Participant, registration_cancel, registration_create
from summits.services.summit import badges_schedule
from tests.fixtures.worker import wait_until
from tests.summits.factories import SummitFactory
from weltstadt.models import OutgoingMail

pytestmark = pytest.mark.worker


def test_a_worker_sends_the_promotion_mail_and_renders_the_badges(celery_worker_process):
    celery_worker_process.start()
    summit = SummitFactory(capacity=1)
    with transaction.atomic():
        first = registration_create(
            summit=summit, participant=Participant("Ayşe Kaya", "a@example.org", "mayor", "de")
        )
        registration_create(
            summit=summit, participant=Participant("Oğuz Şen", "o@example.org", "expert", "tr")
        )
    with transaction.atomic():
        registration_cancel(registration=first)
    promotion = wait_until(
        lambda: OutgoingMail.objects.filter(
            to="o@example.org", template="summits/registration_promoted", status="sent"
        ).first(),
        timeout=90,
    )
    assert promotion.language == "tr"
    with transaction.atomic():
        badges_schedule(summit=summit)
    wait_until(lambda: Registration.objects.get(email="o@example.org").badge_pdf, timeout=120)
    # the printing sheet is a task of its own, after the badges
    from summits.models import Summit

    wait_until(lambda: Summit.objects.get(pk=summit.pk).badges_pdf, timeout=120)
    assert OutgoingMail.objects.filter(status="sent").count() == 4
