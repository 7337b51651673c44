"""Acceptance 2: the board area shows a board member their own office only."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone

import offices.urls
from offices import services
from offices.models import ActivityReport, AnnualReport, FundingRequest, OfficeDocument
from tests.offices.factories import ActivityReportFactory, BoardMemberFactory

YEAR = timezone.localdate().year
PDF = b"%PDF-1.4\n% test\n"


@pytest.fixture
def things(office, alice_board, alice):
    """One of everything for alice's office, addressed by the board-area URLs."""
    document = services.document_upload(
        office=office, by=alice, kind="statutes", title="Satzung",
        upload=SimpleUploadedFile("satzung.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    request = services.funding_request_submit(
        office=office, by=alice, year=YEAR, purpose="p", currency="EUR", lines=[("a", "10.00")]
    )
    report = services.annual_report_submit(
        office=office, by=alice, year=YEAR, amount_spent="5.00", currency="EUR",
        activity_summary="s",
        financial_report=SimpleUploadedFile("f.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    activity = ActivityReportFactory(
        office=office,
        highlight_published=False,
        attachment=SimpleUploadedFile("programm.pdf", PDF),
        attachment_name="programm.pdf",
    )
    return {"document": document, "request": request, "report": report, "activity": activity}


# How to fill the parameters of each board-area URL from the `things` of an office. The URLs
# themselves are read from the URLconf: one added later without a line here fails
# test_every_board_url_is_known. `None`: the URL takes no parameter.
BOARD_KWARGS = {
    "board_home": None,
    "board_office": lambda o, t: {"office_id": o.pk},
    "board_document_upload": lambda o, t: {"office_id": o.pk},
    "board_document": lambda o, t: {"office_id": o.pk, "document_id": t["document"].pk},
    "board_request_new": lambda o, t: {"office_id": o.pk},
    "board_request": lambda o, t: {"office_id": o.pk, "request_id": t["request"].pk},
    "board_request_edit": lambda o, t: {"office_id": o.pk, "request_id": t["request"].pk},
    "board_request_withdraw": lambda o, t: {"office_id": o.pk, "request_id": t["request"].pk},
    "board_annual_report": lambda o, t: {"office_id": o.pk},
    "board_annual_report_file": lambda o, t: {"office_id": o.pk, "report_id": t["report"].pk},
    "board_activity_new": lambda o, t: {"office_id": o.pk},
    "board_activity_file": lambda o, t: {"office_id": o.pk, "report_id": t["activity"].pk},
    "board_activity_highlight": lambda o, t: {"office_id": o.pk, "report_id": t["activity"].pk},
}


def board_url_names() -> list[str]:
    """Every URL of the offices app under board/, read from the URLconf."""
    return [
        entry.name
        for entry in offices.urls.urlpatterns
        if isinstance(entry, URLPattern) and str(entry.pattern).startswith("board/")
    ]


def board_urls(office, things):
    """(name, url) of every board-area URL of `office`, but the home page (it has no office)."""
    for name in board_url_names():
        build = BOARD_KWARGS[name]
        if build is not None:
            yield name, reverse(f"offices:{name}", kwargs=build(office, things))


def post_data(name: str) -> dict:
    """Valid input for each board-area form: refused for a stranger, accepted for the board."""
    return {
        "board_document_upload": lambda: {
            "kind": "minutes",
            "title": "Protokoll",
            "file": SimpleUploadedFile("p.pdf", PDF, content_type="application/pdf"),
        },
        "board_request_new": lambda: _request_form(),
        "board_annual_report": lambda: {
            "year": str(YEAR - 1),
            "amount_spent": "1.00",
            "currency": "EUR",
            "activity_summary": "x",
        },
        "board_activity_new": lambda: {
            "title": "Frühjahr",
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "events_count": "1",
            "visitors": "10",
        },
        "board_activity_highlight": lambda: {"publish": "1"},
    }.get(name, dict)()


def _counts():
    return [
        model.objects.count()
        for model in (OfficeDocument, FundingRequest, AnnualReport, ActivityReport)
    ]


def test_every_board_url_is_known():
    names = board_url_names()
    assert set(names) == set(BOARD_KWARGS), "a board URL has no line in BOARD_KWARGS"
    assert not any(isinstance(entry, URLResolver) for entry in offices.urls.urlpatterns)


@pytest.fixture
def allowed_methods(client, alice, office, things):
    """Which of GET and POST each board URL answers for alice, its board member (else 405)."""
    client.force_login(alice)
    allowed = {}
    for name, url in board_urls(office, things):
        allowed[name] = []
        for method in ("get", "post"):
            response = getattr(client, method)(url, post_data(name) if method == "post" else None)
            if response.status_code == 405:
                continue
            assert response.status_code in (200, 302), (method, url, response.status_code)
            allowed[name].append(method)
        assert allowed[name], url
    client.logout()
    things["activity"].highlight_published = False
    things["activity"].save()
    return allowed


def test_the_board_member_reaches_every_url(client, alice, office, things, allowed_methods):
    assert set(allowed_methods) == set(BOARD_KWARGS) - {"board_home"}
    assert allowed_methods["board_activity_highlight"] == ["post"]
    assert allowed_methods["board_request_new"] == ["get", "post"]
    # the valid posts of the fixture went through: one more of each record
    assert _counts() == [2, 2, 2, 2]
    client.force_login(alice)
    assert client.get(reverse("offices:board_home")).status_code == 302


def test_a_member_of_another_office_gets_404_everywhere(
    client, bob, bob_board, office, things, allowed_methods
):
    before = _counts()
    client.force_login(bob)
    for name, url in board_urls(office, things):
        for method in allowed_methods[name]:
            data = post_data(name) if method == "post" else None
            assert getattr(client, method)(url, data).status_code == 404, (method, url)
    assert _counts() == before
    things["activity"].refresh_from_db()
    assert not things["activity"].highlight_published


def test_a_user_without_a_board_seat_gets_404(client, charlie, office, things, allowed_methods):
    before = _counts()
    client.force_login(charlie)
    for name, url in board_urls(office, things):
        for method in allowed_methods[name]:
            data = post_data(name) if method == "post" else None
            assert getattr(client, method)(url, data).status_code == 404, (method, url)
    assert _counts() == before
    response = client.get(reverse("offices:board_home"))
    assert response.status_code == 200


def test_an_anonymous_visitor_is_sent_to_login(client, office, things):
    before = _counts()
    urls = [*board_urls(office, things), ("board_home", reverse("offices:board_home"))]
    for name, url in urls:
        for method in ("get", "post"):
            data = post_data(name) if method == "post" else None
            response = getattr(client, method)(url, data)
            assert response.status_code == 302, (method, url)
            assert response["Location"].startswith(reverse("account_login") + "?next="), url
    assert _counts() == before


def test_a_former_board_member_loses_access(client, alice, alice_board, office, things):
    alice_board.term_ends_on = timezone.localdate() - timezone.timedelta(days=1)
    alice_board.save()
    client.force_login(alice)
    for name, url in board_urls(office, things):
        method = "post" if name in ("board_activity_highlight", "board_request_withdraw") else "get"
        assert getattr(client, method)(url).status_code == 404, url


def test_ids_of_another_office_cannot_be_reached_through_ones_own_office(
    client, alice, alice_board, office, other_office, bob, bob_board
):
    """The objects of bob's office, addressed through alice's office URLs: 404, nothing changes."""
    document = services.document_upload(
        office=other_office, by=bob, kind="minutes", title="Protokoll",
        upload=SimpleUploadedFile("p.pdf", PDF),
    )  # fmt: skip
    request = services.funding_request_submit(
        office=other_office, by=bob, year=YEAR, purpose="p", currency="EUR",
        lines=[("a", "10.00")],
    )  # fmt: skip
    report = services.annual_report_submit(
        office=other_office, by=bob, year=YEAR, amount_spent="5.00", currency="EUR",
        activity_summary="s", financial_report=SimpleUploadedFile("f.pdf", PDF),
    )  # fmt: skip
    activity = ActivityReportFactory(office=other_office, highlight_published=False)
    client.force_login(alice)
    o = office.pk
    for url in [
        reverse("offices:board_document", kwargs={"office_id": o, "document_id": document.pk}),
        reverse("offices:board_request", kwargs={"office_id": o, "request_id": request.pk}),
        reverse(
            "offices:board_annual_report_file", kwargs={"office_id": o, "report_id": report.pk}
        ),
    ]:
        assert client.get(url).status_code == 404, url
    url = reverse(
        "offices:board_activity_highlight", kwargs={"office_id": o, "report_id": activity.pk}
    )
    assert client.post(url, {"publish": "1"}).status_code == 404
    activity.refresh_from_db()
    assert not activity.highlight_published


def _request_form(**extra):
    data = {
        "year": str(YEAR),
        "currency": "EUR",
        "purpose": "Kulturwoche",
        "lines-TOTAL_FORMS": "2",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "30",
        "lines-0-description": "Saal",
        "lines-0-amount": "0.10",
        "lines-1-description": "Druck",
        "lines-1-amount": "0.20",
    }
    data.update(extra)
    return data


def test_posting_a_request_to_another_office_is_refused(
    client, alice, alice_board, other_office, bob_board
):
    client.force_login(alice)
    url = reverse("offices:board_request_new", kwargs={"office_id": other_office.pk})
    assert client.post(url, _request_form()).status_code == 404
    assert not FundingRequest.objects.exists()


def test_office_and_amount_fields_in_the_post_are_ignored(
    client, alice, alice_board, office, other_office
):
    """The office comes from the URL (checked), the total from the lines: extra fields change
    nothing."""
    client.force_login(alice)
    url = reverse("offices:board_request_new", kwargs={"office_id": office.pk})
    response = client.post(
        url,
        _request_form(
            office=str(other_office.pk),
            office_id=str(other_office.pk),
            amount_requested="99999.00",
            amount_approved="99999.00",
            status="approved",
        ),
    )
    assert response.status_code == 302
    request = FundingRequest.objects.get()
    assert request.office == office
    assert request.amount_requested == Decimal("0.30")
    assert request.amount_approved is None
    assert request.status == FundingRequest.Status.SUBMITTED


def test_annual_report_post_cannot_target_another_office(
    client, alice, alice_board, office, other_office, bob_board
):
    client.force_login(alice)
    data = {
        "year": str(YEAR),
        "amount_spent": "1.00",
        "currency": "EUR",
        "activity_summary": "x",
        "office": str(other_office.pk),
    }
    url = reverse("offices:board_annual_report", kwargs={"office_id": other_office.pk})
    assert client.post(url, data).status_code == 404
    url = reverse("offices:board_annual_report", kwargs={"office_id": office.pk})
    assert client.post(url, data).status_code == 302
    assert list(AnnualReport.objects.values_list("office_id", flat=True)) == [office.pk]


def test_bad_request_input_shows_a_message_and_stores_nothing(client, alice, alice_board, office):
    client.force_login(alice)
    url = reverse("offices:board_request_new", kwargs={"office_id": office.pk})
    for extra in [
        {"lines-0-amount": "-5"},
        {"lines-0-amount": "1,2,3"},
        {"lines-0-description": "", "lines-1-description": "", "lines-0-amount": "",
         "lines-1-amount": ""},
        {"currency": "XYZ"},
        {"year": "1900"},
        {"lines-TOTAL_FORMS": "abc"},
    ]:  # fmt: skip
        response = client.post(url, _request_form(**extra))
        assert response.status_code == 200, extra
    assert not FundingRequest.objects.exists()


def test_board_member_publishes_a_highlight_that_then_appears_publicly(
    client, alice, alice_board, office
):
    activity = ActivityReportFactory(
        office=office, highlight="Konzert mit 400 Gästen", highlight_published=False
    )
    public = client.get(office.get_absolute_url()).content.decode()
    assert "Konzert mit 400 Gästen" not in public
    client.force_login(alice)
    client.post(
        reverse(
            "offices:board_activity_highlight",
            kwargs={"office_id": office.pk, "report_id": activity.pk},
        ),
        {"publish": "1"},
    )
    client.logout()
    assert "Konzert mit 400 Gästen" in client.get(office.get_absolute_url()).content.decode()


def test_activity_report_form_creates_a_report(client, alice, alice_board, office):
    client.force_login(alice)
    url = reverse("offices:board_activity_new", kwargs={"office_id": office.pk})
    response = client.post(
        url,
        {
            "title": "Frühjahr",
            "period_start": "2026-01-01",
            "period_end": "2026-03-31",
            "events_count": "3",
            "events": "Konzert",
            "contacts": "Handelskammer",
            "institutions": "Rathaus",
            "media_coverage": "Weser-Kurier",
            "visitors": "250",
            "highlight": "250 Gäste",
        },
    )
    assert response.status_code == 302
    report = ActivityReport.objects.get()
    assert (report.office, report.visitors, report.highlight_published) == (office, 250, False)


def test_member_home_shows_the_office_section_only_to_board_members(
    client, alice, alice_board, charlie
):
    client.force_login(alice)
    assert reverse("offices:board_home") in client.get(reverse("member_home")).content.decode()
    client.force_login(charlie)
    assert reverse("offices:board_home") not in client.get(reverse("member_home")).content.decode()


def test_board_member_of_two_offices_chooses(client, alice, alice_board, other_office):
    BoardMemberFactory(office=other_office, user=alice)
    client.force_login(alice)
    html = client.get(reverse("offices:board_home")).content.decode()
    assert other_office.name in html
    assert OfficeDocument.objects.count() == 0
