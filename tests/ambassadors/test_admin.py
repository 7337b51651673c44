import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from ambassadors.models import Ambassador, Application, Evidence, ModuleCompletion
from tests.ambassadors.factories import (
    ActivityFactory,
    AmbassadorFactory,
    ApplicationFactory,
    EvidenceFactory,
    MissionStatementFactory,
)
from tests.factories import UserFactory, staff_with_role
from weltstadt.accounts.roles import PROGRAMME_COORDINATOR, SUMMIT_ORGANISER
from weltstadt.exports import read_csv_back
from weltstadt.models import OutgoingMail

ACTION = "_selected_action"


def _role_client(client, role):
    user = staff_with_role(role, f"{role[:4].lower()}@example.org")
    client.force_login(user)
    return client, user


@pytest.fixture
def coordinator_client(client, db):
    return _role_client(client, PROGRAMME_COORDINATOR)


def test_the_programme_coordinator_accepts_applications_in_the_admin(
    coordinator_client, cohort, run_on_commit
):
    client, coordinator = coordinator_client
    applications = ApplicationFactory.create_batch(2, cohort=cohort)
    with run_on_commit():
        response = client.post(
            "/admin/ambassadors/application/",
            {"action": "accept", ACTION: [a.pk for a in applications]},
        )
    assert response.status_code == 302
    assert Ambassador.objects.count() == 2
    assert set(Application.objects.values_list("status", flat=True)) == {"accepted"}
    assert Application.objects.filter(reviewed_by=coordinator).count() == 2
    assert OutgoingMail.objects.filter(template="ambassadors/invitation").count() == 2


def test_rejecting_asks_for_a_reason_on_an_intermediate_page(
    coordinator_client, cohort, run_on_commit
):
    client, _user = coordinator_client
    applications = ApplicationFactory.create_batch(2, cohort=cohort)
    ids = [a.pk for a in applications]
    page = client.post("/admin/ambassadors/application/", {"action": "reject", ACTION: ids})
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    assert set(Application.objects.values_list("status", flat=True)) == {"submitted"}
    empty = client.post(
        "/admin/ambassadors/application/",
        {"action": "reject", ACTION: ids, "apply": "1", "reason": ""},
    )
    assert empty.status_code == 200
    assert set(Application.objects.values_list("status", flat=True)) == {"submitted"}
    with run_on_commit():
        done = client.post(
            "/admin/ambassadors/application/",
            {"action": "reject", ACTION: ids, "apply": "1", "reason": "The cohort is full."},
        )
    assert done.status_code == 302
    assert set(Application.objects.values_list("rejection_reason", flat=True)) == {
        "The cohort is full."
    }


def test_a_decided_application_is_reported_not_decided_again(staff_client, cohort):
    application = ApplicationFactory(cohort=cohort, status="rejected")
    response = staff_client.post(
        "/admin/ambassadors/application/",
        {"action": "accept", ACTION: [application.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "already been decided" in response.content.decode()
    assert not Ambassador.objects.exists()


def test_bulk_completion_through_the_admin(coordinator_client, cohort, modules):
    client, coordinator = coordinator_client
    ambassadors = AmbassadorFactory.create_batch(3, cohort=cohort)
    ids = [a.pk for a in ambassadors]
    page = client.post(
        "/admin/ambassadors/ambassador/", {"action": "record_completion", ACTION: ids}
    )
    assert 'name="module"' in page.content.decode()
    client.post(
        "/admin/ambassadors/ambassador/",
        {
            "action": "record_completion",
            ACTION: ids,
            "apply": "1",
            "module": modules[0].pk,
            "completed_on": "2026-05-01",
        },
    )
    assert ModuleCompletion.objects.filter(module=modules[0], recorded_by=coordinator).count() == 3
    html = client.get("/admin/ambassadors/ambassador/").content.decode()
    assert "1 / 2" in html


def test_evidence_is_approved_or_sent_back_in_the_admin(coordinator_client, alice_ambassador):
    client, _user = coordinator_client
    first = EvidenceFactory(ambassador=alice_ambassador)
    first.document.save("proof.pdf", ContentFile(b"%PDF-1.4"), save=True)
    html = client.get(f"/admin/ambassadors/evidence/{first.pk}/change/").content.decode()
    assert f"/admin/ambassadors/evidence/{first.pk}/document/" in html
    download = client.get(f"/admin/ambassadors/evidence/{first.pk}/document/")
    assert b"".join(download.streaming_content) == b"%PDF-1.4"
    client.post(
        "/admin/ambassadors/evidence/",
        {"action": "send_back", ACTION: [first.pk], "apply": "1", "reason": "Add photos."},
    )
    first.refresh_from_db()
    assert (first.status, first.staff_comment) == ("returned", "Add photos.")
    second = Evidence.objects.create(
        ambassador=alice_ambassador, module=first.module, text="With photos"
    )
    response = client.post(
        "/admin/ambassadors/evidence/", {"action": "approve", ACTION: [second.pk]}, follow=True
    )
    page = response.content.decode()
    assert "record changed" not in page
    assert "Datensatz" not in page
    assert f"{alice_ambassador} – {first.module}" in page  # who and which module
    second.refresh_from_db()
    assert second.status == "approved"
    assert ModuleCompletion.objects.filter(ambassador=alice_ambassador).exists()


def test_csv_exports_of_ambassadors_and_activities(staff_client, alice_ambassador):
    """Through the one CSV helper: a German reader's spreadsheet reads the columns (";"),
    the headers in German, numbers as numbers and a formula-like cell as text."""
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    alice_ambassador.organisation = '=HYPERLINK("http://evil.example")'
    alice_ambassador.save()
    ActivityFactory(ambassador=alice_ambassador, city="İzmir", country="TR", people_reached=1250)
    response = staff_client.post(
        "/admin/ambassadors/ambassador/",
        {"action": "export_csv", ACTION: [alice_ambassador.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv_back(response.content, "de")
    assert rows[0][:2] == ["Name", "E-Mail-Adresse"]
    assert rows[1][:2] == ["Alice Arslan", "alice@example.org"]
    assert rows[1][4:6] == [Decimal(0), Decimal(2)]
    assert rows[1][9] == '\'=HYPERLINK("http://evil.example")'
    with translation.override("de"):
        assert rows[1][10] == translation.gettext("no")  # a boolean, in the reader's words
    activity_ids = list(alice_ambassador.activities.values_list("pk", flat=True))
    response = staff_client.post(
        "/admin/ambassadors/activity/", {"action": "export_csv", ACTION: activity_ids}
    )
    rows = read_csv_back(response.content, "de")
    assert rows[1][3] == "İzmir"
    assert rows[1][5] == Decimal(1250)


def test_publishing_from_the_admin(coordinator_client, alice_ambassador, run_on_commit):
    client, _user = coordinator_client
    Ambassador.objects.update(status="active")
    statement = MissionStatementFactory(year=2026)
    with run_on_commit():
        client.post(
            "/admin/ambassadors/missionstatement/", {"action": "publish", ACTION: [statement.pk]}
        )
    statement.refresh_from_db()
    assert statement.status == "published"
    assert OutgoingMail.objects.filter(template="ambassadors/mission_statement").count() == 1


def test_other_roles_do_not_see_the_programme(client, db):
    client, _user = _role_client(client, SUMMIT_ORGANISER)
    assert client.get("/admin/ambassadors/application/").status_code == 403


def test_the_ambassador_list_filters_searches_and_sorts_by_progress(
    coordinator_client, cohort, modules
):
    client, _user = coordinator_client
    ahead = AmbassadorFactory(
        cohort=cohort, country="AT", status="active", user=UserFactory(name="Ayşe Ahead")
    )
    ModuleCompletion.objects.create(
        ambassador=ahead, module=modules[0], completed_on=datetime.date(2026, 5, 1)
    )
    AmbassadorFactory(cohort=cohort, country="DE", user=UserFactory(name="Bert Behind"))

    def names(query: str) -> list[str]:
        response = client.get(f"/admin/ambassadors/ambassador/{query}")
        assert response.status_code == 200, query
        return [str(a) for a in response.context["cl"].result_list]

    assert names("?country=AT") == ["Ayşe Ahead"]
    assert names("?status__exact=candidate") == ["Bert Behind"]
    assert names("?q=behind") == ["Bert Behind"]
    assert names("?o=-5") == ["Ayşe Ahead", "Bert Behind"]  # column 5: progress (0 is the checkbox)
    assert names("?o=5") == ["Bert Behind", "Ayşe Ahead"]
    html = client.get("/admin/ambassadors/ambassador/").content.decode()
    assert "1 / 2" in html
    assert "0 / 2" in html


def test_evidence_documents_in_the_back_office_are_for_the_programme_staff_only(
    client, alice, alice_ambassador
):
    evidence = EvidenceFactory(ambassador=alice_ambassador)
    evidence.document.save("proof.pdf", ContentFile(b"%PDF-1.4"), save=True)
    url = f"/admin/ambassadors/evidence/{evidence.pk}/document/"
    assert client.get(url)["Location"].startswith("/admin/login/")  # anonymous
    client.force_login(alice)  # the owner, but not staff
    assert client.get(url)["Location"].startswith("/admin/login/")
    other_staff, _user = _role_client(client, SUMMIT_ORGANISER)
    assert other_staff.get(url).status_code == 403
    coordinator, _user = _role_client(client, PROGRAMME_COORDINATOR)
    assert b"".join(coordinator.get(url).streaming_content) == b"%PDF-1.4"


@pytest.mark.parametrize(
    ("url", "term"),
    [
        ("/admin/ambassadors/ambassador/", "ozturk"),
        ("/admin/ambassadors/ambassador/", "ÇAĞRI IŞIL"),
        ("/admin/ambassadors/application/", "sengüler"),
        ("/admin/ambassadors/activity/", "cagri"),
    ],
)
def test_admin_searches_ignore_turkish_case_and_diacritics(coordinator_client, cohort, url, term):
    client, _user = coordinator_client
    person = AmbassadorFactory(cohort=cohort, user=UserFactory(name="Çağrı Işıl Öztürk-Şengüler"))
    AmbassadorFactory(cohort=cohort, user=UserFactory(name="Bert Behind"))
    ApplicationFactory(cohort=cohort, name="Çağrı Işıl Öztürk-Şengüler")
    ApplicationFactory(cohort=cohort, name="Bert Behind")
    ActivityFactory(ambassador=person)
    response = client.get(url, {"q": term})
    assert response.status_code == 200
    assert [str(o) for o in response.context["cl"].result_list] != []
    assert all("Bert" not in str(o) for o in response.context["cl"].result_list)
