import pytest
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import Http404

from weltstadt.private_storage import private_file_response, private_storage


def _field_file(name: str) -> FieldFile:
    """What a model's FileField on private storage holds."""
    return FieldFile(None, models.FileField(storage=private_storage), name)


def test_a_private_file_is_served_with_its_name_and_type():
    name = private_storage.save("reports/bericht-2026.pdf", ContentFile(b"%PDF-1.7 x"))
    response = private_file_response(_field_file(name))
    assert response["Content-Type"] == "application/pdf"
    stored = name.rsplit("/", 1)[-1]  # bericht-2026.pdf, or with a suffix if the name was taken
    assert stored.startswith("bericht-2026")
    assert response["Content-Disposition"] == f'attachment; filename="{stored}"'
    assert b"".join(response.streaming_content) == b"%PDF-1.7 x"
    inline = private_file_response(_field_file(name), filename="x.pdf", download=False)
    assert inline["Content-Disposition"] == 'inline; filename="x.pdf"'


@pytest.mark.parametrize("name", ["", "reports/gone.pdf"])
def test_an_empty_field_or_a_missing_file_is_a_404(name):
    with pytest.raises(Http404):
        private_file_response(_field_file(name))
