"""Accessibility in Chromium: axe-core on every kind of page, and the header by keyboard.

axe-core (tests/e2e/vendor/, MPL-2.0) is injected into the page under test; the portal never
serves it. A serious or critical violation fails the test with a readable list of what and where.
"""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from masterplan.models import Objective, Plan
from newsletter.selectors import issues_published
from offices.models import Office
from offices.selectors import office_public_list
from summits.selectors import summit_lists
from weltstadt.demo import DEMO_PASSWORD, demo_seed_all

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary || ""})),
  }));
}"""


@pytest.fixture
def axe_page(chromium, live_server):
    """A function that opens a page in a fresh browser context (its own cookies) on the server."""
    contexts = []

    def open_page():
        # add_script_tag puts axe into an inline <script>, which the portal's CSP rightly refuses;
        # the test browser bypasses the CSP to let the tool in, the pages stay as served.
        context = chromium.new_context(
            base_url=live_server.url,
            locale="de-DE",
            bypass_csp=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def _public_paths(language: str) -> list[str]:
    office = office_public_list().first()
    upcoming, past = summit_lists()
    summit = (upcoming or past)[0]
    issue = issues_published().order_by("-number").first()
    article = issue.articles.order_by("position", "pk").first()
    objective = Objective.objects.filter(strategy__area__plan__status=Plan.Status.ADOPTED).first()
    with translation.override(language):
        return [
            reverse("home"),
            reverse("about"),
            reverse("imprint"),
            reverse("privacy"),
            reverse("partners"),
            reverse("networks"),
            reverse("ambassadors:index"),
            reverse("ambassadors:directory"),
            reverse("offices:index"),
            reverse("offices:detail", kwargs={"slug": office.slug}),
            reverse("newsletter:index"),
            reverse("newsletter:issue", kwargs={"number": issue.number}),
            reverse("newsletter:article", kwargs={"number": issue.number, "pk": article.pk}),
            reverse("newsletter:subscribe"),
            reverse("summits:index"),
            reverse("summits:detail", kwargs={"slug": summit.slug}),
            reverse("summits:programme", kwargs={"slug": summit.slug}),
            reverse("summits:register", kwargs={"slug": summit.slug}),
            reverse("summits:register_delegation", kwargs={"slug": summit.slug}),
            reverse("masterplan:index"),
            reverse("masterplan:dashboard"),
            reverse("masterplan:objective", kwargs={"pk": objective.pk}),
            reverse("masterplan:investments"),
            reverse("masterplan:local_data"),
            reverse("verify:form"),
            reverse("search:results") + "?q=izmir",
            reverse("account_login"),
        ]


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return [v for v in page.evaluate(AXE_RUN) if v["impact"] in BLOCKING]


def _report(found: dict[str, list[dict]]) -> str:
    """One entry per rule and element, with the pages it was found on (a shared header or
    footer would otherwise repeat on every page)."""
    grouped: dict[tuple, list[str]] = {}
    for path, violations in found.items():
        for violation in violations:
            for node in violation["nodes"]:
                key = (violation["impact"], violation["id"], violation["help"], node["target"])
                grouped.setdefault(key, [" ".join(node["summary"].split())])
                grouped[key].append(path)
    lines = []
    for (impact, rule, help_text, target), (summary, *paths) in grouped.items():
        lines.append(f"[{impact}] {rule}: {help_text}\n    element: {target}\n    {summary}")
        shown = ", ".join(paths[:6]) + (f" and {len(paths) - 6} more" if len(paths) > 6 else "")
        lines.append(f"    on: {shown}")
    return "\n".join(lines)


def _audit(page, paths: list[str], found: dict, *, expect_status: int = 200) -> None:
    width = page.viewport_size["width"]
    for path in paths:
        response = page.goto(path)
        assert response.status == expect_status, f"{path} answered {response.status}"
        if violations := _axe(page):
            found[f"{path} ({width}px)"] = violations


def _log_in(page, language: str, email: str) -> None:
    with translation.override(language):
        page.goto(reverse("account_login"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _member_paths(language: str) -> dict[str, list[str]]:
    office = Office.objects.get(board_members__user__email="board.bremen@weltstadt.example")
    with translation.override(language):
        return {
            "ambassador@weltstadt.example": [
                reverse("member_home"),
                reverse("ambassadors:progress"),
                reverse("ambassadors:profile"),
                reverse("ambassadors:activities"),
                reverse("ambassadors:mission_list"),
                reverse("ambassadors:documents"),
            ],
            "board.bremen@weltstadt.example": [
                reverse("member_home"),
                reverse("offices:board_home"),
                reverse("offices:board_office", kwargs={"office_id": office.pk}),
                reverse("offices:board_request_new", kwargs={"office_id": office.pk}),
                reverse("offices:board_annual_report", kwargs={"office_id": office.pk}),
            ],
        }


def test_pages_have_no_serious_accessibility_violations(axe_page):
    demo_seed_all()
    found: dict[str, list[dict]] = {}
    page = axe_page()
    for language in ("de", "tr"):
        _audit(page, _public_paths(language), found)
    # on a phone the menu folds and wide tables scroll inside their frame
    page.set_viewport_size({"width": 390, "height": 844})
    _audit(page, _public_paths("de"), found)
    page.set_viewport_size({"width": 1280, "height": 900})
    # the error page as visitors get it (the live server runs with DEBUG off)
    _audit(page, ["/tr/no-such-page/"], found, expect_status=404)
    # a form sent empty shows its errors, which must be labelled and readable too
    with translation.override("de"):
        page.goto(reverse("newsletter:subscribe"))
    page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
    # the form first fetches its token (static/js/csrf.js), then goes: wait for the answer
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert page.locator("main .field-error").count() > 0
    if violations := _axe(page):
        found["/de/bulletin/subscribe/ sent empty (1280px)"] = violations

    # the member area of an ambassador and of an office's board member
    for email, paths in _member_paths("tr").items():
        member_page = axe_page()
        _log_in(member_page, "tr", email)
        _audit(member_page, paths, found)
        member_page.set_viewport_size({"width": 390, "height": 844})
        _audit(member_page, paths, found)

    if found:
        pytest.fail("axe-core found serious or critical violations:\n" + _report(found))


FOCUS_STATE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  // the colour the ring is drawn against: the first ancestor with a background of its own
  let back = el.parentElement, background = "rgb(255, 255, 255)";
  while (back) {
    const colour = getComputedStyle(back).backgroundColor;
    if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") { background = colour; break; }
    back = back.parentElement;
  }
  return {
    region: el.closest("nav") ? el.closest("nav").getAttribute("aria-label") : null,
    text: el.textContent.trim(),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    background: background,
  };
}"""


def _contrast(first: str, second: str) -> float:
    def luminance(rgb: str) -> float:
        channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : -1].split(",")[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted([luminance(first), luminance(second)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_header_works_by_keyboard_with_a_visible_focus_ring(browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/en/")
    main_nav = page.get_by_role("navigation", name="Main navigation").get_by_role("link")
    expected_nav = main_nav.all_inner_texts()
    reached: dict[str, list[str]] = {"Language": [], "Main navigation": []}
    for _ in range(40):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state["region"] not in reached:
            continue
        reached[state["region"]].append(state["text"])
        where = f"{state['region']} link {state['text']!r}"
        assert state["outlineStyle"] != "none", f"{where} shows no focus outline"
        assert state["outlineWidth"] >= 2, f"{where}: focus outline only {state['outlineWidth']}px"
        ratio = _contrast(state["outlineColor"], state["background"])
        assert ratio >= 3, (
            f"{where}: focus outline {state['outlineColor']} on {state['background']}"
        )
        if len(reached["Main navigation"]) == len(expected_nav):
            break
    # each language link shows its code and is named in full for screen readers ("TR", "Türkçe")
    assert reached["Language"] == [
        "DEDeutsch", "TRTürkçe", "ENEnglish", "FRFrançais", "ITItaliano", "ESEspañol"
    ]  # fmt: skip
    assert reached["Main navigation"] == [text.strip() for text in expected_nav]
    # the switcher works from the keyboard too, and keeps the page
    page.get_by_role("link", name="Türkçe", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/tr/")
