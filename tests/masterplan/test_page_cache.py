import pytest

from tests.masterplan.factories import (
    AreaFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    adopt,
    indicator_with,
)
from tests.page_cache import de_and_tr, edit_in_admin_and_read


@pytest.mark.django_db
def test_an_indicator_edited_in_the_admin_shows_at_once_on_the_dashboard(staff_client):
    plan = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    indicator = indicator_with(
        objective,
        baseline=1,
        targets={2024: 10},
        measurements={2023: 6},
        name_de="Direktflüge",
        name_tr="Doğrudan uçuşlar",
    )
    adopt(plan)
    de, tr = de_and_tr("masterplan:dashboard")
    read = edit_in_admin_and_read(
        staff_client,
        indicator,
        {"name_de": "Direktflüge nach Europa", "name_tr": "Avrupa'ya doğrudan uçuşlar"},
        [de, tr],
    )
    assert "Direktflüge nach Europa" in read[de]
    assert "Avrupa&#x27;ya doğrudan uçuşlar" in read[tr]
