"""Acceptance 1, in a browser: staff invite an expert; the expert opens the link and comments on two
areas; staff mark one comment as taken up and adopt the plan; the public pages show it."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from masterplan.models import ExpertComment, Plan
from masterplan.services.plan import plan_status_change
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    indicator_with,
)


def _staff_context(chromium, live_server, staff_user):
    client = Client()
    client.force_login(staff_user)
    context = chromium.new_context(base_url=live_server.url, locale="de-DE")
    context.set_default_timeout(15_000)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


@pytest.mark.browser
def test_expert_consultation_to_adopted_plan(chromium, live_server, browser_page, staff_user):
    plan = PlanFactory(title="Masterplan İzmir", title_de="Masterplan İzmir")
    areas = []
    for code, title in [("A1", "Partnerstädte in Europa"), ("A2", "Investitionen und Handel")]:
        area = AreaFactory(plan=plan, code=code, title=title, title_de=title)
        objective = ObjectiveFactory(strategy=StrategyFactory(area=area))
        indicator_with(objective, baseline=1, targets={2024: 5}, measurements={2023: 3})
        areas.append(area)
    plan_status_change(plan=plan, to=Plan.Status.CONSULTATION, by=None, summary="open")

    staff = _staff_context(chromium, live_server, staff_user).new_page()
    staff.goto("/admin/masterplan/expertinvitation/add/")
    staff.select_option("#id_plan", str(plan.pk))
    staff.fill("#id_name", "Prof. Dr. Ayşe Demir")
    staff.fill("#id_affiliation", "Dokuz Eylül Üniversitesi")
    staff.fill("#id_field", "Internationale Beziehungen")
    staff.fill("#id_email", "ayse.demir@example.org")
    staff.select_option("#id_language", "de")
    staff.fill("#id_expires_at_0", "2030-01-01")
    staff.fill("#id_expires_at_1", "12:00:00")
    staff.click("input[name=_save]")
    staff.wait_for_url(re.compile(r"/admin/masterplan/expertinvitation/$"))

    # the expert gets the link by mail and opens it without logging in (browser_page: no cookies)
    link = re.search(r"https?://\S+/masterplan/expert/\S+/", mail.outbox[-1].body).group(0)
    expert = browser_page
    expert.goto("/" + link.split("/", 3)[3])
    assert "Prof. Dr. Ayşe Demir" in expert.inner_text("h1")
    for area, text in zip(
        areas, ["Bremen einbeziehen", "Zweisprachiger Investorenservice"], strict=True
    ):
        form = expert.locator(f'form:has(input[value="area-{area.pk}"])')
        form.locator("textarea").fill(text)
        form.locator("button").click()
        expert.wait_for_load_state()
        # a pending comment stays editable: it comes back in the expert's edit box
        saved = expert.locator(f"#area-{area.pk} .mp-comment textarea").first
        assert saved.input_value() == text
    assert ExpertComment.objects.count() == 2

    staff.goto("/admin/masterplan/expertcomment/")
    comment = ExpertComment.objects.get(area=areas[0])
    for action in ("approve", "take_up"):  # approved first: a pending one cannot be taken up
        staff.check(f'input[name=_selected_action][value="{comment.pk}"]')
        staff.select_option("select[name=action]", action)
        staff.click("button[name=index]")
        staff.wait_for_load_state()
    comment.refresh_from_db()
    assert comment.taken_up
    assert not ExpertComment.objects.get(area=areas[1]).taken_up

    staff.goto("/admin/masterplan/plan/")
    staff.check(f'input[name=_selected_action][value="{plan.pk}"]')
    staff.select_option("select[name=action]", "adopt")
    staff.click("button[name=index]")
    staff.wait_for_load_state()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ADOPTED

    visitor = browser_page
    visitor.goto("/de/masterplan/")
    assert visitor.inner_text("h1") == "Masterplan İzmir"
    for area in areas:
        assert visitor.locator(f"#area-{area.code} .mp-area-title").inner_text() == area.title
    with translation.override("de"):
        taken_up, dashboard = gettext("%(n)s taken up") % {"n": 1}, gettext("Dashboard")
    assert taken_up == "1 übernommen"
    assert taken_up in visitor.inner_text("#area-A1")
    visitor.locator(".mp-subnav").get_by_role("link", name=dashboard, exact=True).click()
    visitor.wait_for_url(re.compile(r"/de/masterplan/dashboard/$"))
    assert visitor.locator("svg.mp-chart").count() == 2
    assert visitor.locator("table.mp-values").count() == 2
    assert "50,0\xa0%" in visitor.inner_text("main")  # German per cent: a no-break space


@pytest.mark.browser
def test_a_planner_adds_a_measurement_and_every_page_and_the_pdf_show_it(
    chromium, live_server, browser_page
):
    """Acceptance 3: a measurement typed in the admin (German number format) appears on the
    dashboard, the objective page and in a newly downloaded PDF; one for 2031 is refused."""
    import io

    from pypdf import PdfReader

    from masterplan.models import Measurement
    from tests.factories import staff_with_role
    from tests.masterplan.factories import adopt
    from weltstadt.accounts.roles import MASTERPLAN_EDITOR

    plan = PlanFactory(title="Masterplan İzmir", title_de="Masterplan İzmir")
    area = AreaFactory(plan=plan, code="A1", title="Kultur", title_de="Kultur")
    objective = ObjectiveFactory(strategy=StrategyFactory(area=area), code="O1.1.1")
    indicator = indicator_with(
        objective, baseline=0, targets={2024: 8}, measurements={2021: 5}, name="Projekte",
        name_de="Projekte",
    )  # fmt: skip
    adopt(plan)
    planner = staff_with_role(MASTERPLAN_EDITOR, email="planner@example.org")

    admin = _staff_context(chromium, live_server, planner).new_page()
    admin.goto(f"/admin/masterplan/indicator/{indicator.pk}/change/")
    group = admin.locator("#measurements-group")
    group.locator("tr.add-row a").click()
    admin.fill("#id_measurements-1-year", "2023")
    admin.fill("#id_measurements-1-value", "7,2")
    admin.fill("#id_measurements-1-source", "TÜİK")
    admin.click("input[name=_continue]")
    admin.wait_for_load_state()
    assert Measurement.objects.get(indicator=indicator, year=2023).value == Decimal("7.2")

    # a measurement for 2031 is refused with a message, nothing is stored
    admin.goto(f"/admin/masterplan/indicator/{indicator.pk}/change/")
    admin.locator("#measurements-group tr.add-row a").click()
    admin.fill("#id_measurements-2-year", "2031")
    admin.fill("#id_measurements-2-value", "9")
    admin.fill("#id_measurements-2-source", "TÜİK")
    admin.click("input[name=_continue]")
    admin.wait_for_load_state()
    assert "2031 ist noch nicht gekommen" in admin.inner_text("#measurements-group")
    assert not Measurement.objects.filter(year=2031).exists()

    # (7,2 − 0) ÷ (8 − 0) = 90 %
    visitor = browser_page
    visitor.goto("/de/masterplan/dashboard/")
    assert "90,0\xa0%" in visitor.inner_text(f"#indicator-{indicator.pk}")
    assert "7,2" in visitor.inner_text(f"#indicator-{indicator.pk} table.mp-values")
    visitor.goto(f"/de/masterplan/objectives/{objective.pk}/")
    assert "90,0\xa0%" in visitor.inner_text("main")
    assert "7,2" in visitor.inner_text("table.mp-values")

    visitor.goto("/de/masterplan/")
    visitor.select_option("#pdf-language", "de")
    visitor.click("form.mp-pdf button")
    visitor.wait_for_load_state()
    with visitor.expect_download() as download:
        visitor.click("a.button[href='?download=1']")
    pdf = Path(download.value.path()).read_bytes()
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.replace("\xa0", " ").split())
    assert "90,0 %" in text
    assert "7,2" in text
    assert "TÜİK" in text
