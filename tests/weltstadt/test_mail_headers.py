"""Headers of the mail as a mail program reads it back from the .eml file."""

import email
from email import policy

import pytest

from weltstadt.outbox import mail_enqueue

SUBJECTS = [
    "İzmir Bülteni · sayı 12: Uluslararası gelişmeler, kardeş şehirler ve Ağustos ayının öne "
    "çıkan haberleri, Çiğli'deki yeni şube",
    "Kısa konu: İzmir",
    "A long plain subject that does not fit on one line of seventy-eight characters at all, "
    "not even close",
]


def _sent_eml(settings, run_on_commit, *, subject, language="tr"):
    settings.EMAIL_BACKEND = "weltstadt.mail_backends.EmlFileBackend"
    with run_on_commit():
        mail_enqueue(
            key=f"headers:{subject}",
            to="ayse@example.org",
            template="prerendered",
            language=language,
            context={"subject": subject, "text": "Merhaba", "html": ""},
        )
    (path,) = list(settings.EMAIL_FILE_PATH.glob("*.eml"))
    return path.read_bytes()


@pytest.mark.django_db
@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_subject_reads_back_exactly_with_no_leading_space(settings, run_on_commit, subject):
    raw = _sent_eml(settings, run_on_commit, subject=subject)
    # The first encoded word (or word) is on the Subject line itself, not folded below it.
    subject_line = next(line for line in raw.split(b"\n") if line.startswith(b"Subject:"))
    assert subject_line.strip() != b"Subject:"
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert str(parsed["Subject"]) == subject
    assert all(len(line) <= 78 for line in raw.split(b"\n\n")[0].split(b"\n"))


@pytest.mark.django_db
def test_a_mail_names_its_language(settings, run_on_commit):
    raw = _sent_eml(settings, run_on_commit, subject="Merhaba", language="tr")
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Content-Language"] == "tr"
