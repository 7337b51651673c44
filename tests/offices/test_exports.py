"""Both offices exports (finance totals, office registry) through the one CSV helper: a
spreadsheet in the reader's language reads the delimiter, the decimal mark and Turkish letters."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from offices import services
from offices.models import Office
from tests.offices.factories import BoardMemberFactory, OfficeFactory
from weltstadt.exports import read_csv_back

YEAR = timezone.localdate().year


@pytest.fixture
def funded(alice, supervisor):
    office = OfficeFactory(name="İzmir Tanıtım Ofisi Wien", country="AT", phone="=1+2")
    BoardMemberFactory(office=office, name="Şükrü Öğüt", role="chair")
    BoardMemberFactory(office=office, name="Işıl Çağlar", role="treasurer")
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="p", currency="EUR",
        lines=[("Salon kirası", "1250.50")],
    )  # fmt: skip
    services.funding_request_decide(request=request, by=supervisor, decision="approved", reason="")
    return office


def _get(client, name, language):
    with translation.override(language):
        return client.get(reverse(f"admin:offices_{name}_csv"), HTTP_ACCEPT_LANGUAGE=language)


@pytest.mark.parametrize(("language", "delimiter"), [("de", ";"), ("tr", ";"), ("en", ",")])
def test_the_finance_export_reads_back_in_the_readers_language(
    supervisor_client, funded, language, delimiter
):
    response = _get(supervisor_client, "finance", language)
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert delimiter in text.splitlines()[0]
    rows = read_csv_back(response.content, language)
    [row] = [r for r in rows if r[0] == "İzmir Tanıtım Ofisi Wien"]
    assert row[1:4] == ["AT", YEAR, "EUR"]
    assert row[4:6] == [Decimal("1250.50"), Decimal("1250.50")]


@pytest.mark.parametrize("language", ["de", "tr", "en"])
def test_the_office_registry_export_reads_back(supervisor_client, funded, language):
    response = _get(supervisor_client, "registry", language)
    assert response["Content-Type"].startswith("text/csv")
    assert "office-registry" in response["Content-Disposition"]
    rows = read_csv_back(response.content, language)
    header, [row] = rows[0], rows[1:]
    assert len(header) == len(row) == 12
    assert row[0] == "İzmir Tanıtım Ofisi Wien"
    assert row[10] == "Şükrü Öğüt"  # the chair, Turkish letters intact
    assert "Işıl Çağlar" in row[11]
    assert row[7] == "'=1+2"  # a formula in a cell is neutralised
    with translation.override(language):
        assert row[1] == str(Office.Status.ACTIVE.label)  # in the reader's language


def test_the_registry_export_is_linked_and_its_queries_do_not_grow(supervisor_client, funded):
    dashboard = supervisor_client.get(reverse("admin:offices_dashboard")).content.decode()
    assert reverse("admin:offices_registry_csv") in dashboard
    url = reverse("admin:offices_registry_csv")
    with CaptureQueriesContext(connection) as few:
        supervisor_client.get(url)
    for _ in range(5):
        BoardMemberFactory(office=OfficeFactory(), role="chair")
    with CaptureQueriesContext(connection) as many:
        supervisor_client.get(url)
    assert len(many) == len(few)


def test_the_registry_export_is_for_the_role_only(client, alice):
    client.force_login(alice)
    response = client.get(reverse("admin:offices_registry_csv"))
    assert response.status_code == 302
