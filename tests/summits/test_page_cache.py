import pytest

from tests.page_cache import de_and_tr, edit_in_admin_and_read
from tests.summits.factories import SummitFactory


@pytest.mark.django_db
def test_a_summit_edited_in_the_admin_shows_at_once_in_every_language(staff_client):
    summit = SummitFactory(slug="bremen", title_de="Gipfel Bremen", title_tr="Bremen Zirvesi")
    de, tr = de_and_tr("summits:detail", "bremen")
    read = edit_in_admin_and_read(
        staff_client,
        summit,
        {"title_de": "Gipfel Bremen und Hamburg", "title_tr": "Bremen ve Hamburg Zirvesi"},
        [de, tr],
    )
    assert "Gipfel Bremen und Hamburg" in read[de]
    assert "Bremen ve Hamburg Zirvesi" in read[tr]
