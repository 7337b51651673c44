"""Acceptance 2: progress figures computed by hand match the function and the pages."""

import re
from decimal import Decimal

import pytest

from masterplan.progress import Progress, progress_percent, weighted_total
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
    indicator_with,
)

D = Decimal


def test_up_indicator_is_share_of_the_way_from_baseline_to_target():
    # (25 − 10) / (30 − 10) = 15 / 20 = 75 %
    assert progress_percent(baseline=D(10), target=D(30), latest=D(25), direction="up") == 75


def test_down_indicator_uses_the_same_formula():
    # (35 − 50) / (20 − 50) = −15 / −30 = 50 %
    assert progress_percent(baseline=D(50), target=D(20), latest=D(35), direction="down") == 50


def test_progress_is_clamped_to_0_and_100():
    assert progress_percent(baseline=D(100), target=D(110), latest=D(130), direction="up") == 100
    # a "down" indicator that got worse: (12 − 10) / (5 − 10) = −40 % → 0 %
    assert progress_percent(baseline=D(10), target=D(5), latest=D(12), direction="down") == 0


def test_missing_measurement_counts_as_zero_and_flat_target_is_all_or_nothing():
    assert progress_percent(baseline=D(1), target=D(2), latest=None, direction="up") == 0
    assert progress_percent(baseline=D(5), target=D(5), latest=D(4), direction="down") == 100
    assert progress_percent(baseline=D(5), target=D(5), latest=D(4), direction="up") == 0


def test_weighted_total_leaves_out_excluded_indicators():
    items = [
        Progress(percent=D(75), weight=D(2), counted=True, measured=True),
        Progress(percent=D(50), weight=D(1), counted=True, measured=True),
        Progress(percent=D(90), weight=D(5), counted=False, measured=True),
    ]
    # (75·2 + 50·1) / (2 + 1) = 200 / 3
    assert weighted_total(items) == D(200) / D(3)
    assert weighted_total(items[2:]) is None


@pytest.fixture
def plan_with_figures(db):
    """Area A: objective 1 (up 75 % w2, down 50 % w1, excluded 90 % w5), objective 2 (100 %);
    area B: a down indicator that got worse (0 %)."""
    plan = PlanFactory(title="Figures plan")
    area_a = AreaFactory(plan=plan, code="A", title="Area Alpha", position=1)
    area_b = AreaFactory(plan=plan, code="B", title="Area Beta", position=2)
    strategy_a = StrategyFactory(area=area_a)
    objective_1 = ObjectiveFactory(strategy=strategy_a, code="O1")
    objective_2 = ObjectiveFactory(strategy=strategy_a, code="O2")
    objective_b = ObjectiveFactory(strategy=StrategyFactory(area=area_b), code="OB")
    ids = {
        "up": indicator_with(
            objective_1,
            baseline=10,
            targets={2022: 20, 2024: 30},
            measurements={2021: 15, 2023: 25},
            weight=D(2),
        ),
        "down": indicator_with(
            objective_1,
            baseline=50,
            targets={2024: 20},
            measurements={2023: 35},
            direction="down",
        ),
        "excluded": indicator_with(
            objective_1,
            baseline=0,
            targets={2024: 100},
            measurements={2023: 90},
            weight=D(5),
            excluded_from_totals=True,
            exclusion_reason="New survey method",
            exclusion_reason_en="New survey method",
        ),
        "over": indicator_with(
            objective_2, baseline=100, targets={2024: 110}, measurements={2023: 130}
        ),
        "worse": indicator_with(
            objective_b, baseline=10, targets={2024: 5}, measurements={2023: 12}, direction="down"
        ),
    }
    adopt(plan)
    return {"plan": plan, "objective_1": objective_1, "indicators": ids}


def _figure_in(html: str, anchor: str) -> str:
    """The first percentage shown after the element with this id."""
    start = html.index(f'id="{anchor}"')
    return re.search(r'class="mp-percent">([^<]+)</strong>', html[start:]).group(1)


def test_dashboard_shows_the_hand_computed_figures(client, plan_with_figures):
    html = client.get("/en/masterplan/dashboard/").content.decode()
    ind = plan_with_figures["indicators"]
    assert _figure_in(html, f"indicator-{ind['up'].pk}") == "75.0%"
    assert _figure_in(html, f"indicator-{ind['down'].pk}") == "50.0%"
    assert _figure_in(html, f"indicator-{ind['excluded'].pk}") == "90.0%"
    assert _figure_in(html, f"indicator-{ind['over'].pk}") == "100.0%"
    assert _figure_in(html, f"indicator-{ind['worse'].pk}") == "0.0%"
    excluded = html[html.index(f'id="indicator-{ind["excluded"].pk}"') :]
    assert "New survey method" in excluded[:3000]
    # the rule is written next to the figures
    assert "(latest measurement − baseline) ÷ (target − baseline)" in html
    # area A: (75·2 + 50·1 + 100·1) / 4 = 75 %; area B: 0 %; plan: (150 + 50 + 100 + 0) / 5 = 60 %
    totals = html[html.index("mp-totals") :]
    rows = re.findall(r'<th scope="row">(.*?)</th><td>.*?class="mp-percent">([^<]+)<', totals)
    shown = {re.sub("<[^>]+>", "", name): figure for name, figure in rows}
    assert shown["A Area Alpha"] == "75.0%"
    assert shown["B Area Beta"] == "0.0%"
    assert shown["Whole plan"] == "60.0%"


def test_objective_and_index_pages_show_the_same_totals(client, plan_with_figures):
    objective = plan_with_figures["objective_1"]
    html = client.get(f"/en/masterplan/objectives/{objective.pk}/").content.decode()
    # (75·2 + 50·1) / 3 = 66.67 %, the excluded indicator (90 %) not counted
    assert re.search(r'Progress of this objective:.*?class="mp-percent">66.7%', html, re.S)
    index = client.get("/en/masterplan/").content.decode()
    assert _figure_in(index, "area-A") == "75.0%"
    assert _figure_in(index, "area-B") == "0.0%"
    assert re.search(r"Progress of the whole plan.*?class=\"mp-percent\">60.0%", index, re.S)


def test_german_page_uses_german_number_format(client, plan_with_figures):
    html = client.get("/de/masterplan/").content.decode()
    assert _figure_in(html, "area-A") == "75,0\xa0%"
