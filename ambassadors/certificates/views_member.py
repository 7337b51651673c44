"""The holder's side: their certificate and their yearly mission statements as PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ambassadors import selectors as programme
from ambassadors.certificates import documents
from ambassadors.certificates.models import Certificate, CertificateFile
from ambassadors.certificates.selectors import certificate_current_file, mission_document_for
from ambassadors.certificates.services import mission_document_render
from weltstadt.private_storage import private_file_response

_ambassador = programme.ambassador_for_user_or_404


def _get_certificate_for_user(request, pk: int) -> Certificate:
    return get_object_or_404(Certificate, pk=pk, ambassador=_ambassador(request.user))


def pdf_response(file_field, filename: str) -> FileResponse:
    """A private PDF as a download (callers check permission)."""
    return private_file_response(file_field, filename=filename, content_type="application/pdf")


@login_required
@require_GET
def documents_page(request):
    ambassador = _ambassador(request.user)
    certificate = Certificate.objects.filter(ambassador=ambassador).first()
    current = certificate_current_file(certificate) if certificate else None
    statements = list(programme.mission_statements_for(ambassador))
    ready = {
        d.statement_id
        for d in ambassador.mission_documents.filter(statement__in=statements).exclude(file="")
    }
    return render(
        request,
        "ambassadors/certificates/member_documents.html",
        {
            "certificate": certificate,
            "current_file": current,
            "verification_url": (
                documents.verification_url(certificate, language=request.LANGUAGE_CODE)
                if certificate
                else ""
            ),
            "statements": [(s, s.pk in ready) for s in statements],
        },
    )


@login_required
@require_GET
def certificate_pdf(request, pk: int):
    certificate = _get_certificate_for_user(request, pk)
    if not certificate.is_valid:
        raise Http404
    pdf: CertificateFile | None = certificate_current_file(certificate)
    if pdf is None:
        messages.info(request, _("Your certificate is being prepared. Please try again shortly."))
        return redirect("ambassadors:documents")
    return pdf_response(pdf.file, f"{certificate.number}.pdf")


@login_required
@require_GET
def mission_pdf(request, year: int):
    ambassador = _ambassador(request.user)
    statement = get_object_or_404(programme.mission_statements_for(ambassador), year=year)
    document = mission_document_for(statement_id=statement.pk, ambassador=ambassador)
    if document is None or not document.file:
        # One page with the year's goals renders in about 0.2 s once the process has loaded the
        # fonts (the first in a process takes a few seconds): the link answers with the PDF
        # itself, never with a "being prepared" page.
        document = mission_document_render(statement_id=statement.pk, ambassador_id=ambassador.pk)
    if document is None or not document.file:
        raise Http404
    return pdf_response(document.file, f"mission-statement-{year}.pdf")
