"""Acceptance 1: the whole path in Chromium, staff steps through the real admin."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core import mail
from django.test import Client

from ambassadors.models import Ambassador, Application, Evidence
from tests.ambassadors.factories import CohortFactory, ModuleFactory
from tests.factories import UserFactory

PASSWORD = "Aegean-breeze-2026"


def _staff_context(chromium, live_server):
    staff = UserFactory(email="coordinator@example.org", is_staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())
    client = Client()
    client.force_login(staff)
    context = chromium.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def _admin_action(page, url: str, pk: int, action: str) -> None:
    page.goto(url)
    page.check(f"input[name=_selected_action][value='{pk}']")
    page.select_option("select[name=action]", action)
    page.click("button[name=index]")
    page.wait_for_selector("ul.messagelist")


@pytest.mark.browser
def test_apply_accept_invite_set_password_progress_evidence_approve(
    browser_page, chromium, live_server, transactional_db, tmp_path
):
    cohort = CohortFactory(title="Kohorte 2026")
    ModuleFactory(cohort=cohort, title="Städtediplomatie", provider="İZTO", order=1)
    project = ModuleFactory(
        cohort=cohort, title="Projekt vor Ort", kind="implementation", provider="İZKA", order=2
    )
    page = browser_page

    # 1. apply on the public programme page (German)
    page.goto("/de/ambassadors/")
    page.fill("#id_name", "Selin Demir")
    page.fill("#id_email", "selin@example.org")
    page.select_option("#id_country", "DE")
    page.fill("#id_city", "Hamburg")
    page.select_option("#id_field", "business")
    page.fill("#id_organisation", "Hanse Handel GmbH")
    page.fill("#id_languages", "Deutsch, Türkçe")
    page.fill("#id_connection", "Meine Familie kommt aus Buca.")
    page.fill("#id_motivation", "Ich möchte Hamburger Unternehmen nach İzmir bringen. " * 2)
    page.check("#id_consent")
    page.click("#apply button[type=submit]")
    page.wait_for_url(re.compile(r".*/de/ambassadors/applied/(#.*)?$"))
    application = Application.objects.get(email="selin@example.org")
    assert application.language == "de"
    assert [m.to for m in mail.outbox] == [["selin@example.org"]]

    # 2. staff accept in the admin
    staff = _staff_context(chromium, live_server)
    _admin_action(staff, "/admin/ambassadors/application/", application.pk, "accept")
    assert Ambassador.objects.filter(user__email="selin@example.org").exists()

    # 3. the invitation mail carries the set-password link
    invitation = next(m for m in mail.outbox if "/password/reset/key/" in m.body)
    path = re.search(r"(/de/accounts/password/reset/key/\S+)", invitation.body).group(1)

    # 4. set the password
    page.goto(path)
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/password/reset/key/done/")

    # 5. log in
    page.goto("/de/accounts/login/")
    page.fill("input[name=login]", "selin@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/de/member/")

    # 6. progress: nothing done yet, the next module is named
    page.click("a[href='/de/ambassadors/member/']")
    assert page.locator("progress").get_attribute("value") == "0"
    assert page.locator("progress").get_attribute("max") == "2"
    assert "Städtediplomatie" in page.locator(".amb-progress").inner_text()

    # 7. submit evidence with a document for the implementation module
    document = tmp_path / "bericht.pdf"
    document.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.click(f"a[href='/de/ambassadors/member/modules/{project.pk}/evidence/'].button")
    page.fill("#id_text", "Ein İzmir-Abend mit 80 Gästen in Hamburg.")
    page.set_input_files("#id_document", str(document))
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/de/ambassadors/member/$"))
    assert page.locator(f"td[data-module='{project.pk}'] .badge-pending").count() == 1
    evidence = Evidence.objects.get(ambassador__user__email="selin@example.org")

    # 8. staff approve in the admin
    _admin_action(staff, "/admin/ambassadors/evidence/", evidence.pk, "approve")
    evidence.refresh_from_db()
    assert evidence.status == Evidence.Status.APPROVED

    # 9. the progress has moved on
    page.reload()
    assert page.locator("progress").get_attribute("value") == "1"
    assert page.locator(f"td[data-module='{project.pk}'] .badge-approved").count() == 1
    staff.context.close()
