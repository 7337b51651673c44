import pytest

from tests.offices.factories import OfficeFactory
from tests.page_cache import de_and_tr, edit_in_admin_and_read


@pytest.mark.django_db
def test_an_office_edited_in_the_admin_shows_at_once_in_every_language(staff_client):
    office = OfficeFactory(description_de="Unser Büro", description_tr="Ofisimiz")
    de, tr = de_and_tr("offices:detail", office.slug)
    read = edit_in_admin_and_read(
        staff_client,
        office,
        {"description_de": "Unser Büro am Markt", "description_tr": "Çarşıdaki ofisimiz"},
        [de, tr],
    )
    assert "Unser Büro am Markt" in read[de]
    assert "Çarşıdaki ofisimiz" in read[tr]
