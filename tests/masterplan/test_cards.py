"""Indicator cards are rendered once per data change and kept per process: every edit that a card
shows is on the next page at once, in every language."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from masterplan import cards
from masterplan.selectors import objective_detail, plan_report
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
    indicator_with,
)


@pytest.fixture
def indicator(db):
    plan = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    made = indicator_with(
        objective,
        baseline=10,
        targets={2022: 15, 2024: 20},
        measurements={2021: 12},
        name="Direct flights",
        name_tr="Direkt uçuşlar",
    )
    adopt(plan)
    cards._cards.clear()
    return made


def _dashboard(client, language="en") -> str:
    return client.get(f"/{language}/masterplan/dashboard/").content.decode()


def test_a_card_is_the_template_rendered_for_its_figures(indicator):
    with translation.override("tr"):
        shown = plan_report(plan=indicator.objective.strategy.area.plan).indicators[0]
        expected = render_to_string(
            "masterplan/fragment_indicator.html", {"indicator": shown, "chart": shown.chart}
        ).strip()
        assert cards.indicator_card(shown) == expected
        assert cards.indicator_card(shown) is cards.indicator_card(shown)  # kept, not re-rendered


def test_a_new_measurement_is_on_the_dashboard_at_once(client, indicator):
    before = _dashboard(client)
    assert "TÜİK 2023" not in before
    assert "Measured 2023" not in before
    indicator.measurements.create(year=2023, value=Decimal("17.5"), source="TÜİK 2023")
    html = _dashboard(client)
    assert "TÜİK 2023" in html
    assert "Measured 2023: 17.5" in html  # in the chart too


def test_an_edited_figure_and_translation_are_shown_at_once_in_every_language(client, indicator):
    assert "Direkt uçuşlar" in _dashboard(client, "tr")
    assert "Direct flights" in _dashboard(client, "en")
    indicator.name_tr = "Doğrudan uçuşlar"
    indicator.unit = "flights a week"
    indicator.save()
    target = indicator.targets.get(year=2024)
    target.value = Decimal("30")
    target.save()
    turkish, english = _dashboard(client, "tr"), _dashboard(client, "en")
    assert "Doğrudan uçuşlar" in turkish
    assert "Direkt uçuşlar" not in turkish
    assert "flights a week" in english
    assert "Target 2024: 30" in english


def test_the_objective_page_shows_its_cards_without_the_dashboards_objective_code(
    client, indicator
):
    dashboard = _dashboard(client)
    objective = indicator.objective
    page = client.get(f"/en/masterplan/objectives/{objective.pk}/").content.decode()
    assert f"{objective.code} · Unit" in dashboard
    assert f"{objective.code} · Unit" not in page
    with translation.override("en"):
        shown = objective_detail(pk=objective.pk, adopted_only=True).indicators.all()[0]
    assert cards.indicator_card(shown) in page


def test_the_kept_cards_are_bounded(indicator, monkeypatch):
    monkeypatch.setattr(cards, "MAX_CARDS", 2)
    shown = plan_report(plan=indicator.objective.strategy.area.plan).indicators[0]
    for language in ["de", "tr", "en", "fr"]:
        with translation.override(language):
            cards.indicator_card(shown)
    assert 1 <= len(cards._cards) <= 2
