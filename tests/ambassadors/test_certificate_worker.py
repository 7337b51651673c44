"""Acceptance 3: a real worker on Redis, SIGKILLed while it renders a cohort's certificates and
started again, leaves every certificate rendered once and mailed once."""

import re
import time

import pytest

from ambassadors.certificates.models import Certificate, CertificateFile
from ambassadors.certificates.services import certificates_award_cohort
from tests.ambassadors.certificate_fixtures import course, graduate, statement  # noqa: F401
from tests.fixtures.worker import broker_redeliver_unacked, wait_until
from weltstadt.celery import app as celery_app
from weltstadt.models import OutgoingMail

pytestmark = pytest.mark.worker

COHORT_SIZE = 10
RENDER = "ambassadors.certificates.tasks.pdf_certificate_render"


def _queues_drained() -> bool:
    with celery_app.connection_for_write() as connection:
        channel = connection.default_channel
        client = channel.client
        waiting = sum(client.llen(queue) for queue in ("default", "mail", "pdf"))
        return waiting == 0 and client.hlen(channel.unacked_key) == 0


def _render_in_progress(log: str) -> str | None:
    """The id of a render the worker has started and not finished, if that is its last task."""
    received = re.findall(r"Task ([\w.]+)\[([\w-]+)\] received", log)
    if not received:
        return None
    name, task_id = received[-1]
    if name != RENDER or f"[{task_id}] succeeded" in log:
        return None
    return task_id


def test_a_worker_killed_while_rendering_a_cohort_renders_and_mails_each_once(
    celery_worker_process,
    smtp_sink,
    course,  # noqa: F811
    staff_user,
):
    people = [
        graduate(course, name=f"Ayşe Yılmaz {n}", email=f"ayse{n}@example.org")
        for n in range(COHORT_SIZE)
    ]
    env = {"EMAIL_URL": smtp_sink.url}
    celery_worker_process.start(extra_env=env)
    result = certificates_award_cohort(cohort=course, by=staff_user)
    assert len(result.awarded) == COHORT_SIZE

    # SIGKILL once a few are done and the worker is inside the next render (one task at a
    # time: concurrency 1, prefetch 1). A render takes about a fifth of a second, so a kill can
    # come just after it finished: then the worker starts again and the kill is tried on a
    # later render, three times at most.
    for _attempt in range(3):
        killed_in = wait_until(
            lambda: (
                2 <= CertificateFile.objects.count() < COHORT_SIZE - 1
                and _render_in_progress(celery_worker_process.log)
            ),
            timeout=120,
            interval=0.01,
        )
        celery_worker_process.kill()
        if f"[{killed_in}] succeeded" not in celery_worker_process.log:
            break
        celery_worker_process.start(extra_env=env)
    else:
        pytest.fail("three kills in a row came after the render had finished")
    rendered_before = CertificateFile.objects.count()
    assert 2 <= rendered_before < COHORT_SIZE
    assert broker_redeliver_unacked() >= 1

    celery_worker_process.start(extra_env=env)
    wait_until(
        lambda: (
            OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT).count() == COHORT_SIZE
            and _queues_drained()
        ),
        timeout=180,
    )
    assert RENDER in celery_worker_process.log  # the restarted worker rendered the rest

    # every certificate rendered once: one file, of version 1
    certificates = list(Certificate.objects.prefetch_related("files"))
    assert len(certificates) == COHORT_SIZE
    assert all([f.version for f in c.files.all()] == [1] for c in certificates)
    assert CertificateFile.objects.count() == COHORT_SIZE
    # ... and mailed once: one outbox row per certificate, one message per holder, PDF attached
    keys = set(OutgoingMail.objects.values_list("idempotency_key", flat=True))
    assert keys == {c.mail_key for c in certificates}
    recipients = [to for rcpts, _message in smtp_sink.messages for to in rcpts]
    assert sorted(recipients) == sorted(p.user.email for p in people)
    for _rcpts, message in smtp_sink.messages:
        attachments = [part.get_filename() for part in message.walk() if part.get_filename()]
        assert len(attachments) == 1
        assert re.fullmatch(r"IZB-\d{4}-\d{4}\.pdf", attachments[0])

    # awarding the cohort again renders and mails nothing
    again = certificates_award_cohort(cohort=course, by=staff_user)
    assert again.awarded == []
    assert len(again.already) == COHORT_SIZE
    time.sleep(1)
    assert _queues_drained()
    assert CertificateFile.objects.count() == COHORT_SIZE
    assert len(smtp_sink.messages) == COHORT_SIZE
