"""The translation workflow: states kept on save, the admin's status, filter and confirmation,
and the translator role (only their language's fields)."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import NetworkFactory, staff_with_role
from weltstadt.models import Network, TranslationState, User
from weltstadt.translation_admin import TranslationInlineMixin, TranslationWorkflowMixin
from weltstadt.translation_state import object_status, translated_fields, translated_models

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _admin_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


TURKISH = "Translator (Türkçe)"


def _network(**texts):
    return NetworkFactory(
        description_de=texts.get("de", "Ein Netzwerk der Städte."),
        description_tr=texts.get("tr", "Şehirlerin ağı."),
        description_en=texts.get("en", "A network of cities."),
    )


def test_a_german_edit_marks_the_existing_translations_outdated():
    network = _network()
    assert object_status(network)["tr"].current
    network.description_de = "Ein großes Netzwerk der Städte."
    network.save()
    status = object_status(network)
    assert status["tr"].outdated == ["description"]
    assert status["en"].outdated == ["description"]
    assert status["fr"].missing == ["description"]
    assert not status["fr"].outdated
    assert TranslationState.objects.filter(outdated=True).count() == 2


def test_editing_the_language_clears_it_and_the_german_going_back_does_too():
    network = _network()
    network.description_de = "Neu."
    network.save()
    network.description_tr = "Yeni."
    network.save()
    status = object_status(network)
    assert status["tr"].current
    assert status["en"].outdated == ["description"]
    network.description_de = "Ein Netzwerk der Städte."  # back to what English was made for
    network.save()
    assert object_status(network)["en"].current
    assert object_status(network)["tr"].outdated == ["description"]


def test_line_endings_sent_by_a_browser_are_no_edit():
    network = _network(tr="Birinci satır.\nİkinci satır.")
    network.description_de = "Geändert."
    network.description_tr = "Birinci satır.\r\nİkinci satır."
    network.save()
    assert object_status(network)["tr"].outdated == ["description"]


def test_every_admin_of_a_translated_model_has_the_workflow():
    for model in translated_models():
        if model in admin.site._registry:
            assert isinstance(admin.site._registry[model], TranslationWorkflowMixin), model
    for model_admin in admin.site._registry.values():
        for inline in model_admin.inlines:
            if inline.model in translated_models():
                assert issubclass(inline, TranslationInlineMixin), inline


def test_the_list_filters_missing_and_outdated_in_a_language(staff_client):
    current = _network()
    outdated = _network()
    outdated.description_de = "Geändert."
    outdated.save()
    missing = _network(tr="")
    url = reverse("admin:weltstadt_network_changelist")
    page = staff_client.get(url, {"translation": "outdated-tr"})
    assert list(page.context["cl"].result_list) == [outdated]
    page = staff_client.get(url, {"translation": "missing-tr"})
    assert list(page.context["cl"].result_list) == [missing]
    page = staff_client.get(url, {"translation": "missing-en"})
    assert list(page.context["cl"].result_list) == []
    assert (
        current
        not in staff_client.get(url, {"translation": "outdated-en"}).context["cl"].result_list
    )
    assert "?translation=outdated-tr" in staff_client.get(url).content.decode()


def test_the_filtered_list_takes_the_same_queries_for_one_and_many_rows(staff_client):
    url = reverse("admin:weltstadt_network_changelist")

    def count():
        staff_client.get(url, {"translation": "outdated-tr"})  # warm the caches
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(url, {"translation": "outdated-tr"}).status_code == 200
        return len(queries)

    one = _network()
    one.description_de = "Geändert."
    one.save()
    few = count()
    for _i in range(12):
        network = _network()
        network.description_de = "Geändert."
        network.save()
    assert count() == few


def test_the_change_form_says_per_language_what_is_missing_or_outdated(staff_client):
    network = _network(en="")
    network.description_de = "Geändert."
    network.save()
    page = staff_client.get(reverse("admin:weltstadt_network_change", args=[network.pk]))
    html = page.content.decode()
    assert 'id="translation-status-tr" data-translation-status="outdated"' in html
    assert 'id="translation-status-en" data-translation-status="missing"' in html
    assert "Needs update: the German text changed after this was translated." in html
    assert "Missing: not translated from German yet." in html
    assert 'name="translation_confirm" value="tr"' in html


def test_staff_confirm_a_translation(staff_client):
    network = _network()
    network.description_de = "Geändert."
    network.save()
    url = reverse(
        "translation_confirm", args=[TranslationState.objects.first().content_type_id, network.pk]
    )
    answer = staff_client.post(url, {"translation_confirm": "tr"})
    assert answer.status_code == 302
    status = object_status(Network.objects.get())
    assert status["tr"].current
    assert status["en"].outdated


def test_the_translator_roles_exist_for_every_language_but_german():
    names = set(Group.objects.filter(name__startswith="Translator").values_list("name", flat=True))
    assert names == {
        "Translator (Türkçe)",
        "Translator (English)",
        "Translator (Français)",
        "Translator (Italiano)",
        "Translator (Español)",
    }


def _change_post(client, network, **changes):
    url = reverse("admin:weltstadt_network_change", args=[network.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["members"] = [m.pk for m in network.members.all()]
    data.update(changes)
    return client.post(url, data)


def test_a_translator_changes_only_their_language(client):
    translator = staff_with_role(TURKISH, email="cevirmen@example.org")
    client.force_login(translator)
    network = _network()
    founded = network.founded_year
    answer = _change_post(
        client,
        network,
        description_de="Vom Übersetzer geändert.",
        description_en="Changed by the translator.",
        description_tr="Çevirmenin metni.",
        founded_year=1800,
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    network.refresh_from_db()
    assert network.description_tr == "Çevirmenin metni."
    assert network.description_de == "Ein Netzwerk der Städte."
    assert network.description_en == "A network of cities."
    assert network.founded_year == founded


def test_a_translator_sees_the_other_fields_disabled_and_no_actions(client):
    translator = staff_with_role(TURKISH, email="cevirmen@example.org")
    client.force_login(translator)
    network = _network()
    page = client.get(reverse("admin:weltstadt_network_change", args=[network.pk]))
    form = page.context["adminform"].form
    assert not form.fields["description_tr"].disabled
    assert form.fields["description_de"].disabled
    assert form.fields["description_en"].disabled
    listing = client.get(reverse("admin:weltstadt_network_changelist"))
    assert listing.status_code == 200
    assert not listing.context["action_form"]
    assert client.get(reverse("admin:weltstadt_city_changelist")).status_code == 403


def test_a_translator_confirms_their_language_only(client):
    translator = staff_with_role(TURKISH, email="cevirmen@example.org")
    client.force_login(translator)
    network = _network()
    network.description_de = "Geändert."
    network.save()
    url = reverse(
        "translation_confirm", args=[TranslationState.objects.first().content_type_id, network.pk]
    )
    assert client.post(url, {"translation_confirm": "en"}).status_code == 403
    assert client.post(url, {"translation_confirm": "de"}).status_code == 403
    assert client.post(url, {"translation_confirm": "tr"}).status_code == 302
    status = object_status(Network.objects.get())
    assert status["tr"].current
    assert status["en"].outdated == ["description"]


def test_a_translator_cannot_open_another_admins_custom_views(client):
    from tests.newsletter.factories import issue_make

    translator = staff_with_role(TURKISH, email="cevirmen@example.org")
    client.force_login(translator)
    issue = issue_make()
    custom = [
        p
        for p in admin.site._registry[type(issue)].urls
        if getattr(p, "name", "")
        and p.name.startswith("newsletter_issue_")
        and not p.name.endswith(("_changelist", "_add", "_history", "_delete", "_change"))
        and "<int:pk>" in str(p.pattern)
    ]
    assert custom
    for pattern in custom:
        args = [issue.pk, "de"] if "<str:language>" in str(pattern.pattern) else [issue.pk]
        url = reverse(f"admin:{pattern.name}", args=args)
        assert client.get(url).status_code == 403, url


def test_the_turkish_translator_opens_every_translated_model_on_the_demo(client, run_on_commit):
    """The role's walk: every translated model's list (filtered too) and change form answer,
    with exactly the Turkish fields editable, and the translation pages open."""
    from weltstadt.demo import demo_seed_all

    with run_on_commit():
        demo_seed_all()
    # the demo's translator, whom `make run` lists among its logins
    translator = User.objects.get(email="translator@weltstadt.example")
    assert translator.preferred_language == "tr"
    assert [group.name for group in translator.groups.all()] == [TURKISH]
    client.force_login(translator)
    opened = 0
    for model in translated_models():
        if model not in admin.site._registry:
            continue
        opts = model._meta
        listing = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(listing).status_code == 200, listing
        assert client.get(listing, {"translation": "missing-tr"}).status_code == 200, listing
        obj = model._base_manager.order_by("pk").first()
        if obj is None:
            continue
        page = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )
        assert page.status_code == 200, (model, page.status_code)
        form = page.context["adminform"].form
        editable = {name for name, field in form.fields.items() if not field.disabled}
        assert editable == {f"{name}_tr" for name in translated_fields(model)}, model
        assert 'id="translation-status-tr"' in page.content.decode()
        opened += 1
    assert opened >= 20
    assert client.get(reverse("translation_exchange")).status_code == 200
    assert (
        client.get(reverse("rosetta-file-list", kwargs={"po_filter": "project"})).status_code == 200
    )
