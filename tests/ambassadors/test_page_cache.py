import datetime

import pytest

from tests.ambassadors.factories import CohortFactory
from tests.page_cache import de_and_tr, edit_in_admin_and_read


@pytest.mark.django_db
def test_a_cohort_edited_in_the_admin_shows_at_once_in_every_language(staff_client):
    cohort = CohortFactory(
        title_de="Jahrgang 2027",
        title_tr="2027 Dönemi",
        application_deadline=datetime.date(2026, 2, 1),
    )
    de, tr = de_and_tr("ambassadors:index")
    read = edit_in_admin_and_read(
        staff_client,
        cohort,
        {"title_de": "Jahrgang 2027 der Botschafter", "title_tr": "2027 Elçiler Dönemi"},
        [de, tr],
    )
    assert "Jahrgang 2027 der Botschafter" in read[de]
    assert "2027 Elçiler Dönemi" in read[tr]
