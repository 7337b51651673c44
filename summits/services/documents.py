"""PDF documents of a summit: name badges and the declaration, rendered by `pdf_` tasks.

Guarantees: rendering again overwrites the stored file (idempotent); badges carry each
participant's name exactly as registered (Turkish letters included, the fonts ship with the
project) and a QR code whose content the check-in page finds.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from summits.models import Declaration, Registration, Summit
from weltstadt.pdf import data_uri, pdf_render
from weltstadt.private_storage import private_storage
from weltstadt.qr import qr_svg

# Font size (pt) of a name by its length, so that a long name wraps into its box instead of
# running over the QR code (the box also clips as a last resort, see the template).
NAME_SIZES = [(28, 24), (45, 20), (70, 16), (120, 14), (170, 12)]
NAME_SIZE_SMALLEST = 9.5


def name_size(name: str) -> float:
    for length, size in NAME_SIZES:
        if len(name) <= length:
            return size
    return NAME_SIZE_SMALLEST


def _badge(registration: Registration, summit: Summit) -> dict:
    """One badge, all of it in the attendee's language (summit title, edition line, role)."""
    with translation.override(registration.language):
        return {
            "language": registration.language,
            "summit_title": summit.title,
            "edition_line": _("Partner-city summit, edition %(edition)s")
            % {"edition": summit.edition},
            "name": registration.name,
            "name_size": name_size(registration.name),
            "city": registration.city.name if registration.city else "",
            "role": str(registration.get_role_display()),
            "qr": data_uri(qr_svg(registration.qr_content).encode(), "image/svg+xml"),
            "code": registration.checkin_code,
        }


def _render(summit: Summit, registrations: list[Registration], language: str) -> bytes:
    with translation.override(language):
        title = summit.title
    return pdf_render(
        "pdf/summits/badges.html",
        {
            "summit_title": title,
            "summit_city": summit.host_city.name,
            "badges": [_badge(r, summit) for r in registrations],
        },
        language=language,
    )


def badge_render(*, registration: Registration) -> None:
    """Render one participant's badge and store it on the registration."""
    content = _render(registration.summit, [registration], registration.language)
    registration.badge_pdf.delete(save=False)
    registration.badge_pdf.save(f"badge-{registration.pk}.pdf", ContentFile(content), save=False)
    Registration.objects.filter(pk=registration.pk).update(
        badge_pdf=registration.badge_pdf.name, badge_rendered_at=timezone.now()
    )


def badges_sheet_render(*, summit: Summit) -> None:
    """Render all confirmed participants' badges into one PDF for printing (by city and name,
    in the collation of the portal's language)."""
    from summits.exports import sorted_by_name

    registrations = sorted_by_name(
        summit.registrations.filter(status=Registration.Status.CONFIRMED).select_related("city"),
        settings.LANGUAGE_CODE,
    )
    content = _render(summit, registrations, settings.LANGUAGE_CODE)
    summit.badges_pdf.delete(save=False)
    summit.badges_pdf.save(f"badges-summit-{summit.pk}.pdf", ContentFile(content), save=False)
    Summit.objects.filter(pk=summit.pk).update(
        badges_pdf=summit.badges_pdf.name, badges_rendered_at=timezone.now()
    )


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
