from email import message_from_bytes

from django.core.mail import EmailMessage, get_connection


def test_the_embedded_backend_writes_one_eml_file_per_message(tmp_path):
    connection = get_connection("weltstadt.mail_backends.EmlFileBackend", file_path=tmp_path)
    messages = [
        EmailMessage("Merhaba İzmir", "Gövde: ğüşiöç", to=[f"p{i}@example.org"]) for i in range(3)
    ]
    assert connection.send_messages(messages) == 3
    files = sorted(tmp_path.glob("*.eml"))
    assert len(files) == 3
    parsed = message_from_bytes(files[0].read_bytes())
    assert parsed["To"] in {"p0@example.org", "p1@example.org", "p2@example.org"}
    assert "ğüşiöç" in parsed.get_payload(decode=True).decode()
