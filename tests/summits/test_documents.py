import io
from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from summits.models import Declaration, Registration
from summits.services.documents import badge_render, declaration_render
from summits.services.summit import badges_schedule, declaration_pdf_schedule
from tests.factories import CityFactory
from tests.pdf_glyphs import misdrawn_characters
from tests.qr_decode import decode_qr_in_pdf
from tests.summits.factories import RegistrationFactory, SessionFactory, SummitFactory
from weltstadt.private_storage import private_storage

pytestmark = pytest.mark.django_db


def _events(content: bytes):
    calendar = Calendar.from_ical(content)
    return calendar, list(calendar.walk("VEVENT"))


def test_the_summit_calendar_holds_sessions_in_the_summits_time_zone(client):
    summit = SummitFactory(time_zone="Europe/Istanbul", start_date=date(2027, 4, 22),
                           end_date=date(2027, 4, 23), slug="izmir-2027")  # fmt: skip
    tz = summit.tz
    SessionFactory(summit=summit, title="Açılış", starts_at=datetime(2027, 4, 22, 9, 30, tzinfo=tz),
                   ends_at=datetime(2027, 4, 22, 10, 30, tzinfo=tz))  # fmt: skip
    SessionFactory(summit=summit, title="Gençlik", starts_at=datetime(2027, 4, 23, 14, tzinfo=tz),
                   ends_at=datetime(2027, 4, 23, 15, 30, tzinfo=tz))  # fmt: skip
    response = client.get("/de/summits/izmir-2027/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar, events = _events(response.content)
    assert [tz.get("tzid") for tz in calendar.walk("VTIMEZONE")] == ["Europe/Istanbul"]
    whole, opening, youth = events
    assert whole.decoded("dtstart") == date(2027, 4, 22)
    assert whole.decoded("dtend") == date(2027, 4, 24)
    start = opening.decoded("dtstart")
    assert str(opening.get("summary")) == "Açılış"
    assert (start.hour, start.minute, str(start.tzinfo)) == (9, 30, "Europe/Istanbul")
    assert opening["dtstart"].params["TZID"] == "Europe/Istanbul"
    assert start.utcoffset() == timedelta(hours=3)
    assert youth.decoded("dtend").hour == 15


def test_a_session_calendar_holds_one_event_in_local_time(client):
    summit = SummitFactory(
        slug="bremen-2027", start_date=date(2027, 4, 22), end_date=date(2027, 4, 23)
    )
    tz = summit.tz
    session = SessionFactory(summit=summit, starts_at=datetime(2027, 4, 22, 11, tzinfo=tz),
                             ends_at=datetime(2027, 4, 22, 12, 30, tzinfo=tz))  # fmt: skip
    response = client.get(f"/tr/summits/bremen-2027/sessions/{session.pk}.ics")
    _calendar, events = _events(response.content)
    assert len(events) == 1
    start = events[0].decoded("dtstart")
    assert (start.hour, str(start.tzinfo), start.utcoffset()) == (
        11,
        "Europe/Berlin",
        timedelta(hours=2),
    )
    assert client.get("/tr/summits/bremen-2027/sessions/999999.ics").status_code == 404


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def _font_names(content: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(content))
    return {
        str(font.get_object()["/BaseFont"]).split("+", 1)[1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }


NAMES = ["Çağla Yıldız", "İlkay Şahin", "Oğuz Gökçe", "Jörg Müller"]


def test_the_badge_sheet_holds_every_name_with_turkish_letters(run_on_commit):
    summit = SummitFactory()
    izmir = CityFactory(name="İzmir", country="TR")
    for name in NAMES:
        RegistrationFactory(summit=summit, name=name, city=izmir, role=Registration.Role.MAYOR)
    RegistrationFactory(
        summit=summit, name="Cancelled Person", status=Registration.Status.CANCELLED
    )
    with run_on_commit():
        badges_schedule(summit=summit)  # the pdf_ tasks run eagerly here
    summit.refresh_from_db()
    sheet = summit.badges_pdf.read()
    text = _pdf_text(sheet)
    for name in NAMES:
        assert name in text
    assert "İzmir" in text
    assert "Cancelled Person" not in text
    # İ, ş, ğ are drawn from the latin-ext font files, embedded as fonts of their own: with one
    # name for both subset files the PDF showed them with another letter's glyph.
    fonts = {name.rstrip(",") for name in _font_names(sheet)}
    assert {"Source-Serif-4-Bold", "Source-Serif-4-Ext-Bold"} <= fonts
    assert misdrawn_characters(sheet) == set()
    for registration in summit.registrations.filter(status="confirmed"):
        assert registration.badge_pdf
        assert registration.name in _pdf_text(registration.badge_pdf.read())


def test_a_badge_carries_the_qr_code_the_check_in_page_finds():
    registration = RegistrationFactory(name="Şule Öztürk", language="tr")
    badge_render(registration=registration)
    registration.refresh_from_db()
    text = _pdf_text(registration.badge_pdf.read())
    assert "Şule Öztürk" in text
    assert registration.checkin_code in text


def test_every_badge_qr_is_a_standard_qr_code_that_a_phone_reads():
    registration = RegistrationFactory(name="Şule Öztürk", language="tr")
    badge_render(registration=registration)
    registration.refresh_from_db()
    assert decode_qr_in_pdf(registration.badge_pdf.read()) == [(registration.qr_content, "QRCode")]


def test_a_160_character_name_fits_its_badge_and_leaves_the_qr_code_readable():
    name = ("Ayşe Gülşen Çiğdem Özkan-Yılmaz-Kahraman-Büyükşehirli " * 4)[:160].strip()
    registration = RegistrationFactory(name=name, language="de")
    badge_render(registration=registration)
    registration.refresh_from_db()
    pdf = registration.badge_pdf.read()
    assert decode_qr_in_pdf(pdf) == [(registration.qr_content, "QRCode")]
    assert " ".join(_pdf_text(pdf).split()).count(name.split()[-1]) >= 1
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    # nothing is drawn over the QR code's square and its quiet zone
    assert _ink_over_qr(pdf) == 0


def _ink_over_qr(pdf: bytes) -> int:
    """Dark pixels of the badge that are not the QR code's own modules: the first text line
    right above the code must end above its quiet zone (checked on a rendering at 100 dpi)."""
    import subprocess
    import tempfile
    from pathlib import Path

    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "badge.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(source),
                        str(Path(folder) / "page")], check=True)  # fmt: skip
        image = Image.open(Path(folder) / "page.png").convert("L")
    mm = 100 / 25.4
    # the code's box: left 8 mm, bottom 8 mm, 34 mm wide; its quiet zone is the box's outer
    # ring of 4 modules; text running into it would be dark pixels in the ring
    top = round((148 - 8 - 34) * mm)
    left, right = round(8 * mm), round(42 * mm)
    ring = round(34 * mm * 4 / 29) - 2
    pixels = image.load()
    return sum(
        1
        for y in range(top + 1, top + ring)
        for x in range(left + 1, right - 1)
        if pixels[x, y] < 128
    )


def test_each_badge_speaks_its_attendees_language(run_on_commit):
    summit = SummitFactory(
        title_de="Partnerstädtegipfel Bremen", title_tr="Bremen Kardeş Şehirler Zirvesi"
    )
    RegistrationFactory(summit=summit, name="Oğuz Gökçe", language="tr", role="mayor")
    RegistrationFactory(summit=summit, name="Jörg Brandt", language="de", role="mayor")
    with run_on_commit():
        badges_schedule(summit=summit)
    summit.refresh_from_db()
    text = " ".join(_pdf_text(summit.badges_pdf.read()).split())
    assert text.count("Bremen Kardeş Şehirler Zirvesi") == 1
    assert text.count("Partnerstädtegipfel Bremen") == 1
    assert "Belediye başkanı" in text
    assert "Bürgermeister" in text


def test_the_declaration_is_rendered_in_every_language_and_served_publicly(client, run_on_commit):
    summit = SummitFactory(slug="izmir-2025", status="held")
    declaration = Declaration.objects.create(
        summit=summit, title_de="İzmir-Erklärung", title_tr="İzmir Bildirisi",
        text_de="Die Partnerstädte verpflichten sich.", text_tr="Kardeş şehirler taahhüt eder.",
        adopted_on=date(2025, 10, 17),
    )  # fmt: skip
    with run_on_commit():
        declaration_pdf_schedule(declaration=declaration)
    response = client.get("/tr/summits/izmir-2025/declaration.pdf")
    assert response.status_code == 200
    pdf = b"".join(response.streaming_content)
    assert misdrawn_characters(pdf) == set()
    text = _pdf_text(pdf)
    assert "İzmir Bildirisi" in text
    assert "Kardeş şehirler taahhüt eder." in text
    german = _pdf_text(
        b"".join(client.get("/de/summits/izmir-2025/declaration.pdf").streaming_content)
    )
    assert "İzmir-Erklärung" in german
    # Languages without a translation fall back to German.
    assert client.get("/fr/summits/izmir-2025/declaration.pdf").status_code == 200
    assert client.get("/de/summits/nothing/declaration.pdf").status_code == 404


def _capitals(content: bytes) -> str:
    """The PDF's text without white space: letter-spaced capitals extract as "İ Z M İ R"."""
    return "".join(_pdf_text(content).split())


@pytest.mark.parametrize("language", ["de", "en", "fr"])
def test_izmir_in_the_capitals_of_badges_and_declaration_is_izmir_with_dots(
    language, run_on_commit
):
    """text-transform: uppercase follows the page's language: German rules wrote "İZMIR"."""
    izmir = CityFactory(name="İzmir", country="TR")
    summit = SummitFactory(
        host_city=izmir, title="Deutschland–İzmir Partnerstädtegipfel", slug=f"s-{language}"
    )
    registration = RegistrationFactory(summit=summit, language=language)
    badge_render(registration=registration)
    registration.refresh_from_db()
    badge = _capitals(registration.badge_pdf.read())
    assert "İZMIR" not in badge
    assert badge.count("İZMİR") == 1, badge  # the edition line: "… · İzmir"
    declaration = Declaration.objects.create(
        summit=summit, title_de="Erklärung", text_de="Text.", adopted_on=date(2025, 10, 17)
    )
    declaration_render(declaration=declaration)
    with private_storage.open(declaration.pdf_path(language), "rb") as handle:
        eyebrow = _capitals(handle.read())
    assert "İZMIR" not in eyebrow
    assert "DEUTSCHLAND–İZMİRPARTNERSTÄDTEGIPFEL" in eyebrow, eyebrow


def test_the_confirmation_mail_carries_the_summit_as_a_calendar_with_speakers(run_on_commit):
    from django.core import mail

    from summits.services.registration import Participant, registration_create
    from tests.summits.factories import SpeakerFactory

    summit = SummitFactory(title_de="Gipfel", title_tr="Zirve", slug="bremen-2027",
                           start_date=date(2027, 4, 22), end_date=date(2027, 4, 23))  # fmt: skip
    session = SessionFactory(summit=summit, title_de="Eröffnung", title_tr="Açılış")
    session.speakers.add(SpeakerFactory(name="Ayşe Kaya", affiliation="İZKA"))
    with run_on_commit():
        registration_create(
            summit=summit, participant=Participant("Oğuz", "o@example.org", "staff", "tr")
        )
    (message,) = mail.outbox
    (attachment,) = message.attachments
    filename, content, mimetype = attachment
    assert (filename, mimetype) == ("bremen-2027.ics", "text/calendar")
    _calendar, events = _events(content if isinstance(content, bytes) else content.encode())
    whole, opening = events
    assert str(whole.get("summary")) == "Zirve"  # in the registrant's language
    assert str(opening.get("summary")) == "Açılış"
    assert "Ayşe Kaya (İZKA)" in str(opening.get("description"))
