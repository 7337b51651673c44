"""Parts of public pages are rendered once per content generation (weltstadt.fragment_cache): a
write to a public table shows at once, nothing personal and nothing uncommitted is kept.

These tests run without a test transaction around them (transactional_db), as production does:
inside a transaction that wrote to a public table no fragment is kept at all."""

import pytest
from django.db import transaction
from django.template import engines
from django.urls import reverse
from django.utils import translation

from tests.factories import PartnershipFactory
from weltstadt.fragment_cache import deferred, kept

pytestmark = pytest.mark.django_db(transaction=True)

TEMPLATE = '{% load fragments %}{% fragment "test" key %}{{ value }}{% endfragment %}'


def _render(**context) -> str:
    return engines["django"].from_string(TEMPLATE).render(context)


def _counted(result):
    calls = []

    def value():
        calls.append(1)
        return result

    return deferred(value), calls


def test_a_fragment_is_rendered_once_and_its_deferred_values_read_once():
    value, calls = _counted("figures")
    assert _render(key=1, value=value) == "figures"
    again, again_calls = _counted("other figures")
    assert _render(key=1, value=again) == "figures"
    assert (calls, again_calls) == ([1], [])


def test_a_fragment_is_kept_per_value_it_varies_on_and_per_language():
    assert _render(key=1, value="one") == "one"
    assert _render(key=2, value="two") == "two"
    with translation.override("tr"):
        assert _render(key=1, value="bir") == "bir"
    assert _render(key=1, value="changed") == "one"


def test_a_write_to_a_public_table_renders_the_fragment_afresh():
    assert _render(key=1, value="before") == "before"
    PartnershipFactory()
    assert _render(key=1, value="after") == "after"


def test_nothing_is_kept_while_the_transaction_has_written_to_a_public_table():
    with transaction.atomic():
        PartnershipFactory()
        assert _render(key=1, value="uncommitted") == "uncommitted"
        assert _render(key=1, value="still uncommitted") == "still uncommitted"


def test_an_edited_partnership_shows_at_once_and_the_kept_page_needs_no_query(
    client, django_assert_num_queries
):
    partnership = PartnershipFactory(note_de="Erste Fassung")
    url = reverse("partners")
    assert "Erste Fassung" in client.get(url).content.decode()
    with django_assert_num_queries(0):
        assert "Erste Fassung" in client.get(url).content.decode()
    partnership.note_de = "Zweite Fassung"
    partnership.save()
    page = client.get(url).content.decode()
    assert "Zweite Fassung" in page
    assert "Erste Fassung" not in page


def test_the_filtered_partner_list_is_kept_apart_from_the_whole_list(client):
    PartnershipFactory(partner__country="FR", partner__name="Lyon")
    PartnershipFactory(partner__country="DE", partner__name="Bremen")
    url = reverse("partners")
    assert "Bremen" in client.get(url).content.decode()
    filtered = client.get(url, {"country": "FR"}).content.decode()
    assert "Lyon" in filtered
    assert "Bremen" not in filtered


def test_a_kept_value_is_computed_once_per_generation_and_copied_for_each_caller():
    value, calls = _counted({"confirmed": 1})
    first = kept("test-value", [1], value)
    first["confirmed"] = 99
    assert kept("test-value", [1], value) == {"confirmed": 1}
    assert calls == [1]
    PartnershipFactory()
    assert kept("test-value", [1], lambda: {"confirmed": 2}) == {"confirmed": 2}


def test_a_summit_page_counts_a_new_registration_at_once(client):
    from summits.models import Registration
    from tests.summits.factories import RegistrationFactory, SummitFactory

    summit = SummitFactory(slug="bremen", status="open", capacity=10)
    url = reverse("summits:detail", args=["bremen"])
    assert 'value="0"' in client.get(url).content.decode()
    RegistrationFactory(summit=summit, status=Registration.Status.CONFIRMED)
    assert 'value="1"' in client.get(url).content.decode()
