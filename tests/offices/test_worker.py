"""The daily reminder job on a real Celery worker (Redis): each reminder is mailed once."""

import datetime
import re

import pytest
from django.utils import timezone

from offices.models import AnnualReport
from offices.tasks import mail_reminders
from tests.factories import UserFactory
from tests.fixtures.worker import wait_until
from tests.offices.factories import BoardMemberFactory, OfficeFactory
from weltstadt.models import OutgoingMail

SUCCEEDED = re.compile(r"Task offices\.tasks\.mail_reminders\[[^]]+\] succeeded")


@pytest.mark.worker
def test_reminders_run_on_the_worker_and_never_mail_twice(celery_worker_process):
    today = timezone.localdate()
    office = OfficeFactory()
    user = UserFactory(email="chair@example.org", preferred_language="tr")
    BoardMemberFactory(office=office, user=user, role="chair")
    AnnualReport.objects.create(
        office=office, year=today.year - 1, deadline=today + datetime.timedelta(days=5)
    )
    celery_worker_process.start()
    mail_reminders.delay()
    wait_until(lambda: OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT).count() == 1)
    mail_reminders.delay()
    mail_reminders.delay()
    # the second and third run find the same reminder under the same key: nothing new to send
    wait_until(lambda: len(SUCCEEDED.findall(celery_worker_process.log)) == 3)
    assert OutgoingMail.objects.count() == 1
    mail = OutgoingMail.objects.get()
    assert mail.to == "chair@example.org"
    assert mail.language == "tr"
    assert mail.template == "offices/report_due"
