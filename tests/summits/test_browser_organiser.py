"""Acceptance: the summit organiser logs in with two-factor, records a follow-up action for
Bremen linked to a master-plan objective, and the objective's public page lists it in German
and Turkish."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    generate_totp_secret,
)

from summits.models import FollowUpAction, Summit
from tests.factories import CityFactory, UserFactory
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
)
from tests.summits.factories import SummitFactory, past_dates
from tests.totp import current_code
from weltstadt.accounts import roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Aegean-breeze-2026"


def test_the_organiser_records_a_follow_up_action_that_the_objective_page_lists(browser_page):
    from django.contrib.auth.models import Group

    page = browser_page
    plan = PlanFactory()
    objective = ObjectiveFactory(
        strategy=StrategyFactory(area=AreaFactory(plan=plan)),
        title_de="Jugendaustausch stärken",
        title_tr="Gençlik değişimini güçlendirmek",
    )
    adopt(plan)
    summit = SummitFactory(status=Summit.Status.HELD, title_de="Gipfel İzmir 2025", **past_dates())
    CityFactory(name="Bremen", country="DE")
    organiser = UserFactory(email="organiser@example.org", is_staff=True)
    organiser.set_password(PASSWORD)
    organiser.save()
    organiser.groups.add(Group.objects.get(name=roles.SUMMIT_ORGANISER))
    secret = generate_totp_secret()
    TOTP.activate(organiser, secret)

    # log in with password and the authenticator's code
    page.goto("/de/accounts/login/")
    page.fill('input[name="login"]', organiser.email)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form:has(input[name="login"]) button[type="submit"]').click()
    page.wait_for_selector('input[name="code"]')
    code = current_code(secret)
    page.fill('input[name="code"]', code)
    page.locator('form:has(input[name="code"]) button[type="submit"]:not([form])').click()
    page.wait_for_url(lambda url: "/accounts/" not in url)

    page.goto("/admin/summits/followupaction/add/")
    page.select_option("#id_summit", str(summit.pk))
    page.fill("#id_what_de", "Jugendbegegnung Bremen–İzmir")
    page.evaluate(  # the Turkish tab of the translated field
        "document.getElementById('id_what_tr').value = 'Bremen–İzmir gençlik buluşması'"
    )
    # the owner city through the admin's autocomplete (it answered 403 for this role)
    page.locator("#id_owner_city + .select2 .select2-selection").click()
    page.fill(".select2-search__field", "Brem")
    page.locator(".select2-results__option", has_text="Bremen").click()
    # the objective, chosen by its title in the objective links section
    page.locator(".add-row a").last.click()
    choice = page.locator("select[id$='-0-objective']")
    option = choice.locator(f"option[value='{objective.pk}']")
    assert "Jugendaustausch stärken" in option.inner_text()  # listed by its title
    choice.select_option(str(objective.pk))
    page.locator('input[name="_save"]').click()
    page.wait_for_selector("ul.messagelist")
    action = FollowUpAction.objects.get()
    assert action.owner_city.name == "Bremen"

    page.goto(f"/de/masterplan/objectives/{objective.pk}/")
    assert page.get_by_text("Jugendbegegnung Bremen–İzmir").is_visible()
    page.goto(f"/tr/masterplan/objectives/{objective.pk}/")
    assert page.get_by_text("Bremen–İzmir gençlik buluşması").is_visible()
