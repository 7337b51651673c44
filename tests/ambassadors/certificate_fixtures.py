"""Fixtures of the certificate tests: graduates (every required module done), a signatory."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from ambassadors.models import ModuleCompletion
from tests.ambassadors.factories import AmbassadorFactory, MissionStatementFactory, ModuleFactory
from tests.factories import UserFactory

TURKISH_NAME = "Çağrı Işıl Öztürk-Şengüler"


def signature_png() -> bytes:
    image = Image.new("RGB", (300, 80), "white")
    ImageDraw.Draw(image).line([(10, 60), (80, 15), (140, 55), (220, 20), (290, 50)], "navy", 4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def graduate(cohort, *, complete: bool = True, **user_fields):
    """An ambassador of `cohort` who completed every required module (or none, if not
    `complete`)."""
    ambassador = AmbassadorFactory(cohort=cohort, user=UserFactory(**user_fields))
    if complete:
        ModuleCompletion.objects.bulk_create(
            ModuleCompletion(
                ambassador=ambassador, module=m, completed_on=datetime.date(2026, 6, 1)
            )
            for m in cohort.modules.filter(required=True)
        )
    return ambassador


@pytest.fixture
def statement(db):
    statement = MissionStatementFactory(year=2026)
    statement.signature.save("signature.png", ContentFile(signature_png()))
    return statement


@pytest.fixture
def course(cohort, statement):
    """A cohort with two required modules and one optional one, and the year's signatory."""
    ModuleFactory(cohort=cohort, title="City diplomacy basics", order=1)
    ModuleFactory(cohort=cohort, title="Project in your city", kind="implementation", order=2)
    ModuleFactory(cohort=cohort, title="Optional study trip", required=False, order=3)
    return cohort


@pytest.fixture
def turkish_graduate(course):
    return graduate(course, email="cagri@example.org", name=TURKISH_NAME, preferred_language="tr")


@pytest.fixture
def small_certificate_pdf(monkeypatch):
    """A few bytes instead of a rendered certificate, for tests about access, not the PDF."""
    monkeypatch.setattr(
        "ambassadors.certificates.documents.certificate_pdf",
        lambda certificate: b"%PDF-1.7 " + certificate.number.encode(),
    )


def number_today(sequence: int) -> str:
    """The number a certificate awarded today gets (its year is the award's year)."""
    return f"IZB-{timezone.localdate().year}-{sequence:04d}"
