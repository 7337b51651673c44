import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ambassadors.models import Evidence, ModuleCompletion
from ambassadors.selectors import progress_for
from ambassadors.services import ProgrammeError
from ambassadors.services.progress import (
    ambassador_activate,
    completions_record,
    evidence_approve,
    evidence_return,
)
from tests.ambassadors.factories import AmbassadorFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_progress_counts_required_modules_and_names_the_next(alice_ambassador, modules):
    progress = progress_for(alice_ambassador)
    assert (progress.required_done, progress.required_total) == (0, 2)
    assert progress.next.module == modules[0]
    ModuleCompletion.objects.create(
        ambassador=alice_ambassador, module=modules[0], completed_on=timezone.localdate()
    )
    progress = progress_for(alice_ambassador)
    assert (progress.required_done, progress.required_total) == (1, 2)
    assert progress.next.module == modules[1]


def test_the_member_submits_evidence_with_a_document(client, alice, alice_ambassador, modules):
    client.force_login(alice)
    url = f"/de/ambassadors/member/modules/{modules[1].pk}/evidence/"
    response = client.post(
        url,
        {
            "text": "Organised a İzmir evening with 80 guests.",
            "document": SimpleUploadedFile("report.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.status == Evidence.Status.SUBMITTED
    assert evidence.document.name.endswith(".pdf")
    assert "/private" in evidence.document.path or "private" in evidence.document.path
    download = client.get(f"/de/ambassadors/member/evidence/{evidence.pk}/document/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    html = client.get("/de/ambassadors/member/").content.decode()
    assert "badge-pending" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "Please upload a PDF"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "does not match its type"),
        ("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024 + 1), "at most 5"),
    ],
)
def test_bad_documents_are_refused_with_a_message(
    client, alice, alice_ambassador, modules, name, content, message
):
    client.force_login(alice)
    response = client.post(
        f"/en/ambassadors/member/modules/{modules[1].pk}/evidence/",
        {"text": "Report", "document": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Evidence.objects.exists()


def test_training_modules_take_no_evidence(client, alice, alice_ambassador, modules):
    client.force_login(alice)
    response = client.post(
        f"/en/ambassadors/member/modules/{modules[0].pk}/evidence/", {"text": "Here"}
    )
    assert response.status_code == 404
    assert not Evidence.objects.exists()


def test_one_open_submission_at_a_time_then_approval_completes_the_module(
    client, alice, alice_ambassador, modules, staff_user
):
    client.force_login(alice)
    url = f"/en/ambassadors/member/modules/{modules[1].pk}/evidence/"
    client.post(url, {"text": "First"})
    response = client.post(url, {"text": "Second"})
    assert "being reviewed" in response.content.decode()
    evidence = Evidence.objects.get()
    evidence_return(evidence=evidence, by=staff_user, comment="Please add the guest list.")
    with pytest.raises(ProgrammeError):
        evidence_approve(evidence=evidence, by=staff_user)
    assert "Please add the guest list." in client.get(url).content.decode()
    client.post(url, {"text": "With the guest list"})
    second = Evidence.objects.get(status="submitted")
    evidence_approve(evidence=second, by=staff_user)
    completion = ModuleCompletion.objects.get(ambassador=alice_ambassador, module=modules[1])
    assert completion.recorded_by == staff_user
    assert progress_for(alice_ambassador).required_done == 1
    response = client.post(url, {"text": "Again"})
    assert "already completed" in response.content.decode()


def test_returning_needs_a_comment(alice_ambassador, modules, staff_user):
    evidence = Evidence.objects.create(ambassador=alice_ambassador, module=modules[1], text="x")
    with pytest.raises(ProgrammeError):
        evidence_return(evidence=evidence, by=staff_user, comment="")
    evidence.refresh_from_db()
    assert evidence.status == Evidence.Status.SUBMITTED


def test_bulk_completion_records_each_once_and_refuses_other_cohorts(
    cohort, modules, staff_user, bob_ambassador
):
    ambassadors = AmbassadorFactory.create_batch(3, cohort=cohort)
    today = timezone.localdate()
    assert (
        completions_record(
            ambassadors=ambassadors, module=modules[0], completed_on=today, by=staff_user
        )
        == 3
    )
    assert (
        completions_record(
            ambassadors=ambassadors, module=modules[0], completed_on=today, by=staff_user
        )
        == 0
    )
    with pytest.raises(ProgrammeError):
        completions_record(
            ambassadors=[bob_ambassador], module=modules[0], completed_on=today, by=staff_user
        )
    with pytest.raises(ProgrammeError):
        completions_record(
            ambassadors=ambassadors,
            module=modules[2],
            completed_on=today + datetime.timedelta(days=1),
            by=staff_user,
        )
    assert ModuleCompletion.objects.count() == 3


def test_a_candidate_becomes_ambassador_only_with_every_required_module(
    alice_ambassador, modules, staff_user
):
    with pytest.raises(ProgrammeError):
        ambassador_activate(ambassador=alice_ambassador, by=staff_user)
    completions_record(
        ambassadors=[alice_ambassador],
        module=modules[0],
        completed_on=timezone.localdate(),
        by=staff_user,
    )
    completions_record(
        ambassadors=[alice_ambassador],
        module=modules[1],
        completed_on=timezone.localdate(),
        by=staff_user,
    )
    assert ambassador_activate(ambassador=alice_ambassador, by=staff_user).status == "active"
