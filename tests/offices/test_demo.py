import pytest
from django.utils.html import escape

from offices.models import FundingRequest, Office
from weltstadt.demo import demo_seed_all


@pytest.mark.django_db
def test_demo_has_offices_in_several_countries_at_different_stages(client):
    demo_seed_all()
    demo_seed_all()  # idempotent
    assert Office.objects.count() == 5
    assert len(set(Office.objects.values_list("country", flat=True))) >= 4
    assert len(set(Office.objects.values_list("status", flat=True))) >= 4
    bremen = Office.objects.get(slug="bremen")
    assert bremen.board_members.filter(role="chair").exists()
    assert FundingRequest.objects.filter(office=bremen).count() == 1
    assert bremen.annual_reports.exists()
    assert bremen.activity_reports.exists()
    assert client.get("/de/offices/").status_code == 200
    html = client.get("/en/offices/bremen/").content.decode()
    assert "İzmir Days in Bremen" in html


ENGLISH_WORDS = {"the", "of", "is", "by", "and", "decision", "council", "covered", "demo"}


def _words(text: str) -> set[str]:
    return {word.strip(".,:;'\"").lower() for word in text.split()}


@pytest.mark.django_db
def test_demo_texts_are_in_german_and_turkish_as_the_pages_are(client):
    """Translated fields have German and Turkish values; what a person wrote is not English."""
    from offices.models import ActivityReport, OfficeStatusChange

    demo_seed_all()
    for office in Office.objects.exclude(description_de=""):
        assert office.description_tr, office.slug
    reports = ActivityReport.objects.filter(highlight_published=True)
    assert {report.office.slug for report in reports} >= {"bremen", "wien"}
    for report in reports:
        for field in ["title", "highlight"]:
            de, tr = getattr(report, f"{field}_de"), getattr(report, f"{field}_tr")
            assert de, (report.office.slug, field)
            assert tr, (report.office.slug, field)
            assert de != tr, (report.office.slug, field)
    written = [
        *OfficeStatusChange.objects.values_list("reason", flat=True),
        *FundingRequest.objects.values_list("purpose", flat=True),
        *FundingRequest.objects.exclude(decision_reason="").values_list(
            "decision_reason", flat=True
        ),
        *ActivityReport.objects.values_list("events", flat=True),
    ]
    for text in written:
        assert not _words(text) & ENGLISH_WORDS, text
    for url, title in [
        ("/tr/offices/bremen/", "Bremen'de İzmir Günleri"),
        ("/de/offices/wien/", "İzmir-Kulturabend in Wien"),
        ("/tr/offices/wien/", "Viyana'da İzmir Kültür Akşamı"),
    ]:
        assert escape(title) in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_demo_texts_the_public_reads_exist_in_all_six_languages(client):
    """Nothing on a French, Italian or Spanish page falls back to German."""
    from offices.models import ActivityReport

    demo_seed_all()
    languages = ["de", "tr", "en", "fr", "it", "es"]
    described = Office.objects.exclude(description_de="")
    assert described.count() >= 3
    for office in described:
        texts = [getattr(office, f"description_{code}") for code in languages]
        assert all(texts), office.slug
        assert len(set(texts)) == 6, office.slug
    for report in ActivityReport.objects.filter(highlight_published=True):
        for field in ["title", "highlight"]:
            texts = [getattr(report, f"{field}_{code}") for code in languages]
            assert all(texts), (report.pk, field)
    for code, title in [
        ("fr", "Journées d'İzmir à Brême"),
        ("it", "Giornate di İzmir a Brema"),
        ("es", "Jornadas de İzmir en Bremen"),
    ]:
        html = client.get(f"/{code}/offices/bremen/").content.decode()
        assert escape(title) in html, code
        assert 'lang="de"' not in html.split("<main")[1], code  # no German fallback shown


@pytest.mark.django_db
def test_the_demo_statutes_are_a_valid_pdf_with_a_page(tmp_path):
    import subprocess

    from offices.models import OfficeDocument

    demo_seed_all()
    document = OfficeDocument.objects.get(office__slug="bremen", kind="statutes")
    path = tmp_path / "satzung.pdf"
    with document.file.open("rb") as handle:
        path.write_bytes(handle.read())
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    pages = subprocess.run(
        ["qpdf", "--show-npages", str(path)], capture_output=True, text=True, check=True
    )
    assert int(pages.stdout) >= 1
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert "Satzung" in text.stdout
