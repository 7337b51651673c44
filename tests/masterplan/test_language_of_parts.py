"""Master plan pages mark titles and texts shown in German on a Turkish page (WCAG 3.1.2)."""

import pytest

from tests.lang_parts import marked, unmarked
from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
)


@pytest.fixture
def objectives(db):
    plan = PlanFactory(title="Masterplan nur Deutsch")
    german = AreaFactory(
        plan=plan,
        title="Bereich nur Deutsch",
        priority_question_de="Frage nur Deutsch?",
        description_de="Bereichsbeschreibung nur Deutsch.",
    )
    german_objective = ObjectiveFactory(
        strategy=StrategyFactory(
            area=german, title="Strategie nur Deutsch", description_de="Strategietext."
        ),
        title="Ziel nur Deutsch",
        description_de="Zielbeschreibung nur Deutsch.",
    )
    turkish = AreaFactory(
        plan=plan,
        title="Bereich",
        title_tr="Türkçe alan",
        priority_question_de="Frage?",
        priority_question_tr="Türkçe soru?",
        description_de="Bereichsbeschreibung.",
        description_tr="Türkçe alan açıklaması.",
    )
    turkish_objective = ObjectiveFactory(
        strategy=StrategyFactory(
            area=turkish,
            title="Strategie",
            title_tr="Türkçe strateji",
            description_de="Text.",
            description_tr="Türkçe strateji metni.",
        ),
        title="Ziel",
        title_tr="Türkçe hedef",
        description_de="Zielbeschreibung.",
        description_tr="Türkçe hedef açıklaması.",
    )
    adopt(plan)
    return german_objective, turkish_objective


def test_plan_page_marks_german_only_titles_and_texts(client, objectives):
    html = client.get("/tr/masterplan/").content.decode()
    assert '<html lang="tr">' in html
    for text in (
        "Masterplan nur Deutsch",
        "Bereich nur Deutsch",
        "Frage nur Deutsch?",
        "Bereichsbeschreibung nur Deutsch.",
        "Strategie nur Deutsch",
        "Strategietext.",
        "Ziel nur Deutsch",
    ):
        assert marked(html, text, "de"), text
    for text in (
        "Türkçe alan",
        "Türkçe soru?",
        "Türkçe alan açıklaması.",
        "Türkçe strateji",
        "Türkçe strateji metni.",
        "Türkçe hedef",
    ):
        assert unmarked(html, text), text


def test_objective_page_marks_german_only_titles_and_texts(client, objectives):
    german, turkish = objectives
    html = client.get(f"/tr/masterplan/objectives/{german.pk}/").content.decode()
    for text in ("Ziel nur Deutsch", "Zielbeschreibung nur Deutsch.", "Strategie nur Deutsch"):
        assert marked(html, text, "de"), text
    html = client.get(f"/tr/masterplan/objectives/{turkish.pk}/").content.decode()
    for text in ("Türkçe hedef", "Türkçe hedef açıklaması.", "Türkçe strateji"):
        assert unmarked(html, text), text
