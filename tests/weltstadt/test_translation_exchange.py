"""Export of a language's pending texts for an outside translator and import with row-level
errors, all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import NetworkFactory, staff_with_role
from weltstadt.exports import read_csv_back
from weltstadt.models import Network
from weltstadt.translation_exchange import pending_units
from weltstadt.translation_state import object_status

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _admin_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def networks():
    outdated = NetworkFactory(description_de="Alt.", description_tr="Eski.", description_en="Old.")
    outdated.description_de = "Neu."
    outdated.save()
    missing = NetworkFactory(description_de="Städte am Meer.", description_tr="", description_en="")
    done = NetworkFactory(description_de="Fertig.", description_tr="Bitti.", description_en="")
    return outdated, missing, done


def test_the_pending_texts_of_a_language_are_the_missing_and_outdated_ones(networks):
    outdated, missing, _done = networks
    units = {u.key.split("@")[0]: u for u in pending_units("tr")}
    assert set(units) == {
        f"weltstadt.network:{outdated.pk}:description",
        f"weltstadt.network:{missing.pk}:description",
    }
    assert units[f"weltstadt.network:{outdated.pk}:description"].state == "outdated"
    assert units[f"weltstadt.network:{outdated.pk}:description"].target == "Eski."
    assert units[f"weltstadt.network:{missing.pk}:description"].source == "Städte am Meer."


def _xliff(client, language="tr"):
    answer = client.get(
        reverse("translation_export"), {"language": language, "file_format": "xliff"}
    )
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/xliff+xml"
    return answer.content.decode()


def _import(client, content: str, file_format="xliff", language="tr", name="t.xlf"):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    upload = SimpleUploadedFile(name, data)
    return client.post(
        reverse("translation_import"),
        {"language": language, "file_format": file_format, "file": upload},
    )


def test_an_xliff_round_trip_fills_the_language_and_clears_its_status(staff_client, networks):
    outdated, missing, _done = networks
    content = _xliff(staff_client)
    assert 'version="1.2"' in content
    assert 'target-language="tr"' in content
    assert "<source>Neu.</source>" in content
    content = content.replace(
        '<target state="needs-translation" />', "<target>Denize kıyı şehirler.</target>"
    )
    content = content.replace(">Eski.</target>", ">Yeni.</target>")
    answer = _import(staff_client, content)
    assert answer.status_code == 302, answer.content.decode()[-3000:]
    outdated.refresh_from_db()
    missing.refresh_from_db()
    assert outdated.description_tr == "Yeni."
    assert missing.description_tr == "Denize kıyı şehirler."
    assert object_status(outdated)["tr"].current
    assert object_status(missing)["tr"].current
    assert pending_units("tr") == []


def test_a_csv_round_trip_through_a_spreadsheet(staff_client, networks):
    _outdated, missing, _done = networks
    answer = staff_client.get(
        reverse("translation_export"), {"language": "tr", "file_format": "csv"}
    )
    rows = read_csv_back(answer.content, "en")
    assert len(rows) == 3  # header and two texts
    row = next(r for r in rows if r[0].startswith(f"weltstadt.network:{missing.pk}:"))
    row[6] = "-Deniz şehirleri"  # a leading minus: neutralised on export, kept on import
    lines = ["\ufeff" + ",".join(rows[0]), ",".join(f'"{cell}"' for cell in row)]
    answer = _import(staff_client, "\r\n".join(lines), file_format="csv", name="t.csv")
    assert answer.status_code == 302, answer.content.decode()[-3000:]
    missing.refresh_from_db()
    assert missing.description_tr == "-Deniz şehirleri"


def test_an_import_shows_each_bad_row_and_changes_nothing(staff_client, networks):
    outdated, missing, _done = networks
    content = _xliff(staff_client)
    content = content.replace(
        '<target state="needs-translation" />', "<target>Denize kıyı.</target>"
    )
    content = content.replace(">Eski.</target>", ">Yeni.</target>")
    # an id that is not ours, and a text whose German changed since the export
    content = content.replace(
        "</body>",
        '<trans-unit id="weltstadt.user:1:email@0123456789abcdef"><source>x</source>'
        "<target>y</target></trans-unit></body>",
    )
    outdated.description_de = "Noch einmal neu."
    outdated.save()
    answer = _import(staff_client, content)
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "This id is not one of ours: weltstadt.user:1:email@0123456789abcdef" in html
    assert "The German text changed after the export: export again." in html
    assert "2 problems; nothing was imported." in html
    missing.refresh_from_db()
    assert missing.description_tr == ""  # the good row was not applied either


def test_an_import_for_another_language_is_refused_row_by_row(staff_client, networks):
    content = _xliff(staff_client, "en")
    content = content.replace('<target state="needs-translation" />', "<target>x</target>")
    answer = _import(staff_client, content, language="tr")
    assert answer.status_code == 400, content
    assert "not “tr”" in answer.content.decode()
    assert not Network.objects.filter(description_tr="x").exists()


def test_an_xml_bomb_or_garbage_is_a_message(staff_client, networks):
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff>&a;</xliff>'
    assert "not valid XLIFF" in _import(staff_client, bomb).content.decode()
    assert "not valid XLIFF" in _import(staff_client, "\x00garbage").content.decode()
    answer = _import(staff_client, b"\xff\xfe", file_format="csv")
    assert "not UTF-8" in answer.content.decode()
    answer = _import(staff_client, "\ufeffid;language\r\n", file_format="csv")
    assert "no translations in it" in answer.content.decode()


def test_a_translator_exchanges_only_their_language(client, networks):
    client.force_login(staff_with_role("Translator (Türkçe)", email="cevirmen@example.org"))
    page = client.get(reverse("translation_exchange"))
    assert page.status_code == 200
    assert [code for code, _name in page.context["export_form"].fields["language"].choices] == [
        "tr"
    ]
    assert _xliff(client, "tr")
    answer = client.get(reverse("translation_export"), {"language": "en", "file_format": "xliff"})
    assert answer.status_code == 400
    content = _xliff(client, "tr").replace('target-language="tr"', 'target-language="en"')
    assert _import(client, content, language="en").status_code == 400
    assert not Network.objects.exclude(description_en="").exclude(description_en="Old.").exists()


def test_programme_roles_without_a_translator_role_do_not_exchange(client):
    client.force_login(staff_with_role("Bulletin editor", email="editor@example.org"))
    assert client.get(reverse("translation_exchange")).status_code == 403
