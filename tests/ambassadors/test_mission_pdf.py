"""The yearly mission statement as PDF in the member area: rendered in the first request and
answered with the PDF at once, then served from storage; each ambassador gets their own copy,
with their personal goals."""

import io
import subprocess

import pytest
from pypdf import PdfReader

from ambassadors.certificates.models import MissionStatementDocument
from tests.ambassadors.certificate_fixtures import statement  # noqa: F401
from tests.ambassadors.factories import PersonalGoalFactory
from tests.pdf_glyphs import misdrawn_characters

URL = "/tr/ambassadors/member/mission/2026/pdf/"


@pytest.fixture
def published(statement):  # noqa: F811
    statement.status = "published"
    statement.goals_tr = "İzmir'i fuar kenti olarak tanıtmak.\nBir yatırımcıyı İzmir'e getirmek."
    statement.save()
    return statement


def _download(client, run_on_commit) -> bytes:
    """The first request answers with the PDF itself (rendered in the request), never with an
    HTML page saying it is being prepared."""
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="mission-statement-2026.pdf"' in response["Content-Disposition"]
    return b"".join(response.streaming_content)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_ambassador_downloads_their_statement_in_their_language(
    client, bob, bob_ambassador, alice, alice_ambassador, published, run_on_commit, tmp_path
):
    PersonalGoalFactory(ambassador=bob_ambassador, year=2026, text="Köln'de bir İzmir gecesi.")
    PersonalGoalFactory(ambassador=alice_ambassador, year=2026, text="Ein Abend in Bremen.")
    client.force_login(bob)
    pdf = _download(client, run_on_commit)
    text = _text(pdf)
    assert "Bob Becker" in text
    assert "Bir yatırımcıyı İzmir'e getirmek." in text
    assert "Köln'de bir İzmir gecesi." in text
    assert "Ein Abend in Bremen." not in text
    assert "Cemil Tugay" in text
    assert misdrawn_characters(pdf) == set()
    path = tmp_path / "mission.pdf"
    path.write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    # rendered once: the next download is the same file
    assert b"".join(client.get(URL).streaming_content) == pdf
    assert MissionStatementDocument.objects.count() == 1

    client.force_login(alice)
    own = _text(_download(client, run_on_commit))
    assert "Ein Abend in Bremen." in own
    assert "Köln'de" not in own
    assert MissionStatementDocument.objects.count() == 2
