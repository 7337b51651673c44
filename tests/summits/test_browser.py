"""Acceptance 1, in a browser: delegation, full summit, waiting list, cancel, promotion."""

import re
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from summits.models import Registration
from tests.factories import CityFactory
from tests.summits.factories import SummitFactory
from weltstadt.mail import mail_render
from weltstadt.models import OutgoingMail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MEMBERS = [
    ("Mustafa Çelik", "mustafa@example.org", "mayor", "tr"),
    ("İlkay Doğan", "ilkay@example.org", "youth_delegate", "tr"),
    ("Jörg Brandt", "joerg@example.org", "staff", "de"),
]


def _mail(to: str, template: str):
    row = OutgoingMail.objects.get(to=to, template=f"summits/{template}")
    return row, mail_render(row.template, language=row.language, context=row.context)


def test_a_delegation_fills_the_summit_and_a_cancellation_promotes_the_waiting(browser_page):
    page = browser_page
    summit = SummitFactory(slug="bremen-2027", capacity=3, waiting_list_capacity=5,
                           title_de="Gipfel Bremen", title_tr="Bremen Zirvesi")  # fmt: skip
    izmir = CityFactory(name="İzmir", country="TR")

    # The head of delegation registers three members.
    page.goto("/en/summits/bremen-2027/")
    page.get_by_role("link", name="Register a city delegation").click()
    page.select_option("#id_city", str(izmir.pk))
    page.fill("#id_head_name", "Zeynep Aksoy")
    page.fill("#id_head_email", "zeynep@example.org")
    page.select_option("#id_head_language", "tr")
    for i, (name, email, role, language) in enumerate(MEMBERS):
        page.fill(f"#id_members-{i}-name", name)
        page.fill(f"#id_members-{i}-email", email)
        page.select_option(f"#id_members-{i}-role", role)
        page.select_option(f"#id_members-{i}-language", language)
    page.get_by_role("button", name="Register the delegation").click()
    page.wait_for_url(re.compile(r"/register/sent/"))
    assert summit.registrations.filter(status="confirmed").count() == 0
    # The head confirms through the link mailed to them (in Turkish); opening it is not enough.
    _row, ask = _mail("zeynep@example.org", "delegation_confirm")
    link = re.search(r"http\S+/delegation/\S+/", ask.text).group(0)
    assert urlsplit(link).path.startswith("/tr/")
    page.goto(urlsplit(link).path.replace("/tr/", "/en/", 1))
    assert summit.registrations.filter(status="confirmed").count() == 0
    page.get_by_role("button", name="Confirm the delegation").click()
    page.wait_for_load_state()
    assert page.get_by_text("3 with a confirmed place, 0 on the waiting list").is_visible()
    for name, *_rest in MEMBERS:
        assert page.get_by_role("rowheader", name=name).is_visible()
    assert summit.registrations.filter(status="confirmed").count() == 3

    # The summit is full: a later registrant goes on the waiting list.
    page.goto("/en/summits/bremen-2027/register/")
    page.fill("#id_name", "Şule Öztürk")
    page.fill("#id_email", "sule@example.org")
    page.select_option("#id_role", "expert")
    page.select_option("#id_language", "tr")
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/register/sent/"))
    assert page.locator("#register-sent").is_visible()
    # only the owner of the address gets the link; the place counts once they confirm
    _row, ask = _mail("sule@example.org", "registration_confirm")
    link = re.search(r"http\S+/registration/\S+/", ask.text).group(0)
    page.goto(urlsplit(link).path.replace("/tr/", "/en/"))
    page.get_by_role("button", name="Confirm my registration").click()
    page.wait_for_load_state()
    assert page.locator("#registration-status").inner_text() == "Waiting list"
    sule = Registration.objects.get(email="sule@example.org")
    assert (sule.status, sule.waiting_position) == ("waiting", 1)

    # One delegate cancels through the link in their (German) mail.
    _row, confirmation = _mail("joerg@example.org", "registration_confirmed")
    link = re.search(r"http\S+/registration/\S+/", confirmation.text).group(0)
    assert urlsplit(link).path.startswith("/de/")
    page.goto(urlsplit(link).path)
    with translation.override("de"):
        cancel, cancelled = (
            gettext("Cancel my registration"),
            pgettext("registration status", "Cancelled"),
        )
    assert cancel != "Cancel my registration"  # the page is in German
    page.get_by_role("button", name=cancel).click()
    page.wait_for_url(re.compile(r"/cancel/"))
    with translation.override("de"):
        really = gettext("Yes, cancel my registration")
    page.get_by_role("button", name=really).click()
    page.wait_for_url(re.compile(r"/registration/[^/]+/$"))
    assert page.locator("#registration-status").inner_text() == cancelled

    # The waiting registrant is promoted and mailed in their language (Turkish).
    sule.refresh_from_db()
    assert sule.status == "confirmed"
    assert summit.registrations.filter(status="confirmed").count() == 3
    row, promotion = _mail("sule@example.org", "registration_promoted")
    assert row.language == "tr"
    assert "Bremen Zirvesi" in promotion.subject
    assert f"/tr/summits/registration/{sule.manage_token}/" in promotion.text
    page.goto(f"/tr/summits/registration/{sule.manage_token}/")
    assert page.locator("#registration-status").is_visible()
