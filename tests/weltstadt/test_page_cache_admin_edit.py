import pytest

from tests.factories import NetworkFactory
from tests.page_cache import de_and_tr, edit_in_admin_and_read


@pytest.mark.django_db
def test_a_network_edited_in_the_admin_shows_at_once_in_every_language(staff_client):
    network = NetworkFactory(description_de="Ein Netzwerk", description_tr="Bir ağ")
    de, tr = de_and_tr("networks")
    read = edit_in_admin_and_read(
        staff_client,
        network,
        {"description_de": "Ein Netzwerk der Städte", "description_tr": "Şehirlerin ağı"},
        [de, tr],
    )
    assert "Ein Netzwerk der Städte" in read[de]
    assert "Şehirlerin ağı" in read[tr]
