"""The PDFs: a certificate version and a yearly mission statement, rendered with weltstadt.pdf.

What does not change between documents is cached per process: the signature image as a data
URI (keyed by its file name, which changes with every upload). Django caches the compiled
templates.
"""

import mimetypes
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from ambassadors.certificates.models import Certificate
from ambassadors.certificates.standing import held_title
from ambassadors.certificates.titles import TITLE_TURKISH, title_for
from ambassadors.models import Ambassador, MissionStatement, PersonalGoal
from weltstadt.pdf import data_uri, font_config_cached, pdf_from_html, pdf_render
from weltstadt.private_storage import private_storage

PDF_VARIANT = "pdf/a-3b"


@lru_cache(maxsize=32)
def _signature_data_uri(name: str) -> str:
    try:
        with private_storage.open(name, "rb") as handle:
            content = handle.read()
    except FileNotFoundError:
        return ""
    return data_uri(content, mimetypes.guess_type(name)[0] or "image/png")


def signature_data_uri(statement: MissionStatement | None) -> str:
    """The mayor's signature inline (the private file never gets a URL), or ""."""
    if statement is None or not statement.signature:
        return ""
    return _signature_data_uri(statement.signature.name)


def verification_url(certificate: Certificate, *, language: str) -> str:
    """The absolute address of the public verification page, in `language`."""
    with translation.override(language):
        path = reverse("verify:detail", kwargs={"code": certificate.code})
    return f"{settings.SITE_URL}{path}"


def qr_data_uri(url: str) -> str:
    """The verification address as a standard QR code (quiet zone 4, never Micro QR)."""
    from weltstadt.qr import qr_png  # segno: for PDFs only, not in every process that loads this

    return data_uri(qr_png(url), "image/png")


def certificate_language(certificate: Certificate) -> str:
    return certificate.ambassador.user.preferred_language or settings.LANGUAGE_CODE


def certificate_html(certificate: Certificate) -> str:
    """The HTML of the certificate's current version, in the holder's language."""
    language = certificate_language(certificate)
    url = verification_url(certificate, language=language)
    statement = certificate.mission_statement
    with translation.override(language):
        signatory_title = statement.signatory_title if statement else certificate.signatory_title
        title = str(title_for(certificate.ambassador.form_of_address))
        return render_to_string(
            "pdf/ambassadors/certificate.html",
            {
                "language": language,
                "certificate": certificate,
                "title": title,
                "title_turkish": TITLE_TURKISH if title != TITLE_TURKISH else "",
                "signatory_title": signatory_title,
                "signature": signature_data_uri(statement),
                "qr": qr_data_uri(url),
                "verification_url": url,
            },
        )


def certificate_pdf(certificate: Certificate) -> bytes:
    """The PDF/A of the certificate's current version, in the holder's language."""
    return pdf_from_html(
        certificate_html(certificate), pdf_variant=PDF_VARIANT, font_config=font_config_cached()
    )


def mission_statement_pdf(statement: MissionStatement, ambassador: Ambassador) -> bytes:
    """The year's statement with the ambassador's personal goals, in the ambassador's language."""
    language = ambassador.user.preferred_language or settings.LANGUAGE_CODE
    goals = PersonalGoal.objects.filter(ambassador=ambassador, year=statement.year).order_by("pk")
    return pdf_render(
        "pdf/ambassadors/mission_statement.html",
        {
            "statement": statement,
            "ambassador": ambassador,
            "holder_name": ambassador.user.get_full_name(),
            "title": held_title(ambassador),
            "personal_goals": [goal.text for goal in goals],
            "signature": signature_data_uri(statement),
        },
        language=language,
        pdf_variant=PDF_VARIANT,
        font_config=font_config_cached(),
    )
