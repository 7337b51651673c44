"""Issue 19, acceptance 3, in Chromium: award one person out of four ticked-off candidates →
exactly one certificate and one mail; revoke it → the member area, the directory, the admin
status, the verification page and a new mission-statement PDF all agree, and the holder got the
mail."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from ambassadors.certificates.models import Certificate
from tests.ambassadors.certificate_fixtures import course, graduate, statement  # noqa: F401
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _small_certificate_pdf(monkeypatch):
    """The certificate PDF is tested in test_certificate_pdf; the mission PDF is real here."""
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf", lambda certificate: b"%PDF-1.7"
    )


def _logged_in_page(chromium, live_server, user, locale):
    client = Client()
    client.force_login(user)
    context = chromium.new_context(base_url=live_server.url, locale=locale)
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


def _staff_page(chromium, live_server):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    staff = UserFactory(email="coordinator@example.org", is_staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())
    return _logged_in_page(chromium, live_server, staff, "en-GB")


def test_award_one_of_four_then_revoke_and_every_place_agrees(
    browser_page,
    chromium,
    live_server,
    course,  # noqa: F811
    statement,  # noqa: F811
    transactional_db,
):
    statement.status = "published"
    statement.save()
    four = [
        graduate(course, name=name, email=f"{name.split()[0].lower()}@example.org")
        for name in ("Ada Aksoy", "Jana Krüger", "Cem Ok", "Deniz Su")
    ]
    jana = four[1]
    jana.public_profile = True
    jana.form_of_address = "female"
    jana.save()
    jana.user.preferred_language = "de"
    jana.user.save()
    staff = _staff_page(chromium, live_server)

    # 1. the award page: nobody ticked; "select all" ticks four; untick three
    staff.goto(f"/admin/ambassadors/certificate/award/?cohort={course.pk}")
    boxes = staff.locator("input.award-choice")
    assert boxes.count() == 4
    assert staff.locator("input.award-choice:checked").count() == 0
    staff.check("#award-select-all")
    assert staff.locator("input.award-choice:checked").count() == 4
    for other in (four[0], four[2], four[3]):
        staff.uncheck(f"#amb-{other.pk}")
    assert staff.locator("input.award-choice:checked").count() == 1
    staff.click("input[name=review]")
    assert (
        staff.locator("#award-count strong").inner_text()
        == "You are about to award 1 title and send 1 mail."
    )
    assert Certificate.objects.count() == 0
    staff.click("input[name=confirm]")
    staff.wait_for_url(f"**/award/{course.pk}/progress/")
    certificate = Certificate.objects.get()
    assert certificate.ambassador_id == jana.pk
    assert [m.to for m in mail.outbox] == [["jana@example.org"]]

    # before the revocation, the directory lists her with her title
    public = browser_page
    public.goto("/de/ambassadors/directory/")
    assert "Jana Krüger" in public.locator("main").inner_text()

    # 2. revoke in the admin, with a reason
    staff.goto("/admin/ambassadors/certificate/")
    staff.check(f"input[name=_selected_action][value='{certificate.pk}']")
    staff.select_option("select[name=action]", "revoke")
    staff.click("button[name=index]")
    staff.fill("textarea[name=reason]", "Nachweise gefälscht")
    staff.click("input[type=submit].default")
    staff.wait_for_selector("ul.messagelist")
    assert "Title revoked and the holder informed by mail: IZB-2026-0001 Jana Krüger." in (
        staff.locator("ul.messagelist").inner_text()
    )

    # 3. the admin shows the status
    staff.goto("/admin/ambassadors/ambassador/?q=Jana")
    assert "Title revoked" in staff.locator("#result_list").inner_text()

    # 4. the holder got the mail, in German, with the reason
    revoked_mail = mail.outbox[-1]
    assert revoked_mail.to == ["jana@example.org"]
    assert "Nachweise gefälscht" in revoked_mail.body
    assert "aberkannt" in revoked_mail.subject
    assert len(mail.outbox) == 2

    # 5. the member area
    member = _logged_in_page(chromium, live_server, jana.user, "de-DE")
    member.goto("/de/ambassadors/member/")
    assert member.locator(".amb-progress .badge").inner_text() == "Titel aberkannt"
    member.goto("/de/member/")
    assert "Titel aberkannt" in member.locator("main").inner_text()
    member.goto("/de/ambassadors/member/documents/")
    facts = member.locator(".cert-facts").inner_text()
    assert "Verliehen; die Übergabe" not in facts
    assert "aberkannt" in facts

    # 6. the directory no longer lists her
    public.goto("/de/ambassadors/directory/")
    assert "Jana Krüger" not in public.locator("main").inner_text()

    # 7. the verification page, by the code and by the printed number
    for key in (certificate.code, certificate.number):
        public.goto(f"/de/verify/{key}/")
        assert public.locator("#cert-state").inner_text().endswith("Widerrufene Urkunde")

    # 8. a mission statement PDF made now does not call her ambassador
    response = member.request.get("/de/ambassadors/member/mission/2026/pdf/")
    assert response.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Jana Krüger" in text
    assert "Botschafterin der Stadt" not in text
    assert "Botschafter/in der Stadt" not in text
    member.context.close()
    staff.context.close()
