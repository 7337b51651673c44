"""The certificate's writes: award (one or a cohort), correction, revocation and reinstatement,
medal handover, and rendering + mailing each version. Views, admin, tasks and tests call these;
a broken rule raises `ProgrammeError` with a translated message and changes nothing."""

import datetime
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ambassadors.certificates import documents
from ambassadors.certificates.models import (
    Certificate,
    CertificateFile,
    MissionStatementDocument,
)
from ambassadors.certificates.numbering import number_allocate, number_format
from ambassadors.certificates.selectors import Candidate, award_candidates, missing_modules
from ambassadors.certificates.titles import title_for
from ambassadors.models import Ambassador, Cohort, MissionStatement
from ambassadors.services import ProgrammeError
from weltstadt.enqueue import enqueue_on_commit
from weltstadt.models import OutgoingMail, User
from weltstadt.outbox import mail_enqueue_for_user, outbox_schedule


def _signatory(year: int) -> MissionStatement:
    statement = MissionStatement.objects.filter(year__lte=year).order_by("-year").first()
    if statement is None:
        raise ProgrammeError(
            _(
                "Enter the mission statement of %(year)s first: the certificate is signed by "
                "its signatory."
            )
            % {"year": year}
        )
    return statement


def _schedule_render(certificate_id: int) -> None:
    from ambassadors.certificates.tasks import pdf_certificate_render

    enqueue_on_commit(pdf_certificate_render, certificate_id)


def _save(certificate: Certificate, by: User | None, fields: list[str]) -> None:
    certificate._history_user = by  # the audit history records who changed it
    certificate.save(update_fields=fields)


@transaction.atomic
def certificate_award(
    *, ambassador: Ambassador, by: User, awarded_on: datetime.date | None = None
) -> Certificate:
    """Award the title to an ambassador who completed every required module of their cohort.

    Guarantees: one certificate per ambassador; its number is the next of the award year (no
    gaps: it is taken in this transaction); the code is unguessable; the candidate becomes an
    active ambassador; after commit the PDF is rendered and mailed, once.
    """
    ambassador = Ambassador.objects.select_for_update().select_related("user").get(pk=ambassador.pk)
    name = ambassador.user.get_full_name()
    if Certificate.objects.filter(ambassador=ambassador).exists():
        raise ProgrammeError(_("%(name)s already holds the title.") % {"name": name})
    if ambassador.status == Ambassador.Status.INACTIVE:
        raise ProgrammeError(_("%(name)s is inactive.") % {"name": name})
    missing = missing_modules(ambassador=ambassador)
    if missing:
        raise ProgrammeError(
            _("%(name)s has not completed: %(modules)s.")
            % {"name": name, "modules": ", ".join(str(m.title) for m in missing)}
        )
    awarded_on = awarded_on or timezone.localdate()
    if awarded_on > timezone.localdate():
        raise ProgrammeError(_("The award date cannot be in the future."))
    statement = _signatory(awarded_on.year)
    sequence = number_allocate(year=awarded_on.year)
    certificate = Certificate(
        ambassador=ambassador,
        year=awarded_on.year,
        sequence=sequence,
        number=number_format(year=awarded_on.year, sequence=sequence),
        code=secrets.token_urlsafe(12),
        holder_name=name,
        awarded_on=awarded_on,
        awarded_by=by,
        signatory_name=statement.signatory_name,
        signatory_title=statement.signatory_title,
        mission_statement=statement,
    )
    certificate._history_user = by
    certificate.save()
    # imported here: the credentials' signing code (joserfc, cryptography) is for this step only,
    # and this module is imported by the admin, which every process loads (issue 14)
    from ambassadors.certificates.credentials.status_list import status_index_ensure

    status_index_ensure(certificate)  # its bit in the published revocation list, for good
    if ambassador.status == Ambassador.Status.CANDIDATE:
        ambassador.status = Ambassador.Status.ACTIVE
        ambassador.save(update_fields=["status"])
    _schedule_render(certificate.pk)
    return certificate


@dataclass
class CohortAward:
    awarded: list[Certificate] = field(default_factory=list)
    already: list[Candidate] = field(default_factory=list)
    missing: list[Candidate] = field(default_factory=list)
    refused: list[tuple[Candidate, str]] = field(default_factory=list)


def certificates_award_cohort(*, cohort: Cohort, by: User) -> CohortAward:
    """Award every ambassador of the cohort who completed the required modules.

    Guarantees: each award is its own transaction (one refusal does not stop the others);
    running it again awards, renders and mails nothing twice, and re-schedules the PDFs of
    certificates whose current version is not rendered yet (a lost task is picked up again).
    """
    result = CohortAward()
    for candidate in award_candidates(cohort=cohort):
        if candidate.certificate is not None:
            result.already.append(candidate)
        elif candidate.missing:
            result.missing.append(candidate)
        else:
            try:
                result.awarded.append(certificate_award(ambassador=candidate.ambassador, by=by))
            except ProgrammeError as error:
                result.refused.append((candidate, str(error)))
    certificates_render_pending(
        certificate_ids=[c.certificate.pk for c in result.already if c.certificate.is_valid]
    )
    return result


def certificates_render_pending(*, certificate_ids: list[int]) -> int:
    """Schedule the render of those certificates whose current version has no PDF yet."""
    from ambassadors.certificates.selectors import certificates_with_current_file

    pending = list(
        certificates_with_current_file(Certificate.objects.filter(pk__in=certificate_ids))
        .filter(is_rendered=False, status=Certificate.Status.VALID)
        .values_list("pk", flat=True)
    )
    for pk in pending:
        _schedule_render(pk)
    return len(pending)


@transaction.atomic
def certificate_correct(*, certificate: Certificate, holder_name: str, by: User) -> Certificate:
    """Correct the holder's name: a new version, same number and code, rendered and mailed anew.

    Guarantees: a revoked certificate is not corrected; an unchanged name changes nothing.
    """
    holder_name = " ".join(holder_name.split())
    if not holder_name:
        raise ProgrammeError(_("Please enter the holder's name."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if not certificate.is_valid:
        raise ProgrammeError(_("A revoked certificate cannot be corrected."))
    if holder_name == certificate.holder_name:
        return certificate
    certificate.holder_name = holder_name
    certificate.version += 1
    _save(certificate, by, ["holder_name", "version"])
    _schedule_render(certificate.pk)
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str, by: User) -> Certificate:
    """Revoke the title: what a revocation means is decided here, once.

    Guarantees: a reason is required; the certificate is revoked (the verification page says
    so at once) and its holder's record loses the title (status "Title revoked"), so that the
    member area, the admin, the directory and every mission-statement PDF rendered afterwards
    no longer call them ambassador (copies rendered before are discarded); the holder is mailed
    the reason in their language, once per revocation.
    """
    reason = reason.strip()
    if not reason:
        raise ProgrammeError(_("Please give the reason for the revocation."))
    certificate = (
        Certificate.objects.select_for_update()
        .select_related("ambassador__user")
        .get(pk=certificate.pk)
    )
    if not certificate.is_valid:
        raise ProgrammeError(_("This certificate is already revoked."))
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason
    _save(certificate, by, ["status", "revoked_at", "revoked_by", "revocation_reason"])
    _set_standing(certificate.ambassador, Ambassador.Status.REVOKED)
    _mail_standing(
        certificate,
        template="ambassadors/certificate_revoked",
        key=f"revoked:{certificate.revoked_at.timestamp():.0f}",
        reason=reason,
    )
    return certificate


@transaction.atomic
def certificate_reinstate(*, certificate: Certificate, reason: str, by: User) -> Certificate:
    """Undo a revocation made in error: the title is valid again, recorded with who, when, why.

    Guarantees: only a revoked certificate is reinstated, never without a reason; the holder is
    an active ambassador again everywhere (see `certificate_revoke`); the holder is mailed once
    per reinstatement; a PDF missing for the current version is rendered.
    """
    reason = reason.strip()
    if not reason:
        raise ProgrammeError(_("Please say why the revocation was an error."))
    certificate = (
        Certificate.objects.select_for_update()
        .select_related("ambassador__user")
        .get(pk=certificate.pk)
    )
    if certificate.is_valid:
        raise ProgrammeError(_("This certificate is not revoked."))
    certificate.status = Certificate.Status.VALID
    certificate.reinstated_at = timezone.now()
    certificate.reinstated_by = by
    certificate.reinstatement_reason = reason
    _save(certificate, by, ["status", "reinstated_at", "reinstated_by", "reinstatement_reason"])
    _set_standing(certificate.ambassador, Ambassador.Status.ACTIVE)
    _mail_standing(
        certificate,
        template="ambassadors/certificate_reinstated",
        key=f"reinstated:{certificate.reinstated_at.timestamp():.0f}",
        reason=reason,
    )
    certificates_render_pending(certificate_ids=[certificate.pk])
    return certificate


def _set_standing(ambassador: Ambassador, status: str) -> None:
    ambassador.status = status
    ambassador.save(update_fields=["status"])
    # Copies of the mission statement name the title (or not): the next download renders anew.
    for document in MissionStatementDocument.objects.filter(ambassador=ambassador):
        if document.file:
            name, storage = document.file.name, document.file.storage
            transaction.on_commit(lambda n=name, s=storage: s.delete(n))
        document.delete()


def _mail_standing(certificate: Certificate, *, template: str, key: str, reason: str) -> None:
    ambassador = certificate.ambassador
    user = ambassador.user
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        title = str(title_for(ambassador.form_of_address))
    mail_enqueue_for_user(
        user,
        key=f"ambassadors:certificate:{certificate.pk}:{key}",
        template=template,
        context={
            "name": certificate.holder_name,
            "number": certificate.number,
            "title": title,
            "reason": reason,
            "verification_url": documents.verification_url(
                certificate, language=user.preferred_language or settings.LANGUAGE_CODE
            ),
        },
    )


@transaction.atomic
def medal_hand_over(
    *, certificate: Certificate, on: datetime.date, event: str, by: User
) -> Certificate:
    """Record when and at which event the medal was handed over."""
    event = event.strip()
    if not event:
        raise ProgrammeError(_("Please name the event at which the medal was handed over."))
    if on > timezone.localdate():
        raise ProgrammeError(_("The handover date cannot be in the future."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    certificate.medal_handed_over_on = on
    certificate.medal_event = event
    _save(certificate, by, ["medal_handed_over_on", "medal_event"])
    return certificate


def certificate_render(*, certificate_id: int) -> CertificateFile | None:
    """Render the certificate's current version once and mail it to the holder once.

    Guarantees: one `CertificateFile` per version (a repeated or concurrent run keeps the
    first); the mail is enqueued in the same transaction as the file row, with a key per
    version, so a crash anywhere repeats at most the rendering, never the mail; a repeated run
    hands a mail still waiting in the outbox to the mail queue again. A revoked
    certificate and an outdated version are neither rendered nor mailed.
    """
    certificate = (
        Certificate.objects.select_related("ambassador__user", "mission_statement")
        .filter(pk=certificate_id)
        .first()
    )
    if certificate is None or not certificate.is_valid:
        return None
    existing = certificate.files.filter(version=certificate.version).first()
    content = None if existing else documents.certificate_pdf(certificate)
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate_id)
        if locked.version != certificate.version or not locked.is_valid:
            return None  # corrected or revoked meanwhile: the newer task takes over
        current = existing or locked.files.filter(version=locked.version).first()
        if current is None:
            current = CertificateFile(certificate=locked, version=locked.version)
            current.file.save(
                f"{locked.number}-v{locked.version}.pdf", ContentFile(content), save=False
            )
            current.save()
        _mail_certificate(certificate, current)
    return current


def _mail_certificate(certificate: Certificate, pdf: CertificateFile) -> None:
    user = certificate.ambassador.user
    language = documents.certificate_language(certificate)
    with translation.override(language):
        title = str(title_for(certificate.ambassador.form_of_address))
    mail = mail_enqueue_for_user(
        user,
        key=f"ambassadors:certificate:{certificate.pk}:v{pdf.version}",
        template="ambassadors/certificate_issued",
        context={
            "name": certificate.holder_name,
            "number": certificate.number,
            "title": title,
            "corrected": pdf.version > 1,
            "verification_url": documents.verification_url(certificate, language=language),
        },
        attachments=[
            {
                "path": pdf.file.name,
                "filename": f"{certificate.number}.pdf",
                "mimetype": "application/pdf",
            }
        ],
        send=False,
    )
    # A render repeated after a crash between its commit and the hand-over to the mail queue
    # sends the mail on; a second delivery task finds the row claimed and sends nothing.
    if mail.status == OutgoingMail.Status.PENDING:
        outbox_schedule([mail.pk])


def mission_documents_schedule(*, statement: MissionStatement) -> int:
    """Render the statement for each active ambassador who has no copy yet (after commit)."""
    from ambassadors.certificates.tasks import pdf_mission_statement_render

    have = MissionStatementDocument.objects.filter(statement=statement).values("ambassador_id")
    ids = list(
        Ambassador.objects.filter(status=Ambassador.Status.ACTIVE, cohort__year__lte=statement.year)
        .exclude(pk__in=have)
        .values_list("pk", flat=True)
    )
    for pk in ids:
        enqueue_on_commit(pdf_mission_statement_render, statement.pk, pk)
    return len(ids)


def mission_document_render(
    *, statement_id: int, ambassador_id: int
) -> MissionStatementDocument | None:
    """Render one ambassador's copy of a published statement, once."""
    statement = MissionStatement.objects.filter(
        pk=statement_id, status=MissionStatement.Status.PUBLISHED
    ).first()
    ambassador = Ambassador.objects.select_related("user").filter(pk=ambassador_id).first()
    if statement is None or ambassador is None:
        return None
    existing = MissionStatementDocument.objects.filter(
        statement=statement, ambassador=ambassador
    ).first()
    if existing:
        return existing
    content = documents.mission_statement_pdf(statement, ambassador)
    with transaction.atomic():
        document, created = MissionStatementDocument.objects.select_for_update().get_or_create(
            statement=statement, ambassador=ambassador, defaults={"file": ""}
        )
        if created or not document.file:
            document.file.save(
                f"mission-{statement.year}-{ambassador.pk}.pdf", ContentFile(content), save=True
            )
    return document
