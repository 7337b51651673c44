"""PDF documents of a summit: name badges and the declaration, rendered by `pdf_` tasks.

Guarantees: rendering again overwrites the stored file (idempotent); badges carry each
participant's name exactly as registered (Turkish letters included, the fonts ship with the
project) and a QR code whose content the check-in page finds.
"""

import io

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import translation

from summits.models import Declaration, Registration, Summit
from weltstadt.pdf import data_uri, pdf_render
from weltstadt.private_storage import private_storage


def _qr(content: str) -> str:
    buffer = io.BytesIO()
    segno.make(content, error="m").save(buffer, kind="svg", scale=4, border=2)
    return data_uri(buffer.getvalue(), "image/svg+xml")


def _badge(registration: Registration) -> dict:
    with translation.override(registration.language):
        role = str(registration.get_role_display())
    return {
        "name": registration.name,
        "city": registration.city.name if registration.city else "",
        "role": role,
        "qr": _qr(registration.qr_content),
        "code": registration.checkin_code,
    }


def _render(summit: Summit, registrations: list[Registration], language: str) -> bytes:
    with translation.override(language):
        title = summit.title
    return pdf_render(
        "pdf/summits/badges.html",
        {
            "summit_title": title,
            "summit_edition": summit.edition,
            "summit_city": summit.host_city.name,
            "badges": [_badge(r) for r in registrations],
        },
        language=language,
    )


def badge_render(*, registration: Registration) -> None:
    """Render one participant's badge and store it on the registration."""
    content = _render(registration.summit, [registration], registration.language)
    registration.badge_pdf.delete(save=False)
    registration.badge_pdf.save(f"badge-{registration.pk}.pdf", ContentFile(content), save=False)
    Registration.objects.filter(pk=registration.pk).update(badge_pdf=registration.badge_pdf.name)


def badges_sheet_render(*, summit: Summit) -> None:
    """Render all confirmed participants' badges into one PDF for printing."""
    registrations = list(
        summit.registrations.filter(status=Registration.Status.CONFIRMED)
        .select_related("city")
        .order_by("city__name", "name")
    )
    content = _render(summit, registrations, settings.LANGUAGE_CODE)
    summit.badges_pdf.delete(save=False)
    summit.badges_pdf.save(f"badges-summit-{summit.pk}.pdf", ContentFile(content), save=False)
    Summit.objects.filter(pk=summit.pk).update(badges_pdf=summit.badges_pdf.name)


def declaration_render(*, declaration: Declaration) -> None:
    """Render the declaration in every language into private storage (served publicly)."""
    summit = declaration.summit
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            context = {
                "title": declaration.title,
                "text": declaration.text,
                "adopted_on": declaration.adopted_on,
                "summit_title": summit.title,
                "summit_edition": summit.edition,
                "summit_city": summit.host_city.name,
            }
        content = pdf_render("pdf/summits/declaration.html", context, language=language)
        path = declaration.pdf_path(language)
        if private_storage.exists(path):
            private_storage.delete(path)
        private_storage.save(path, ContentFile(content))
