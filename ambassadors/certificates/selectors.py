"""Reads: who may be awarded, how far a cohort's award has come, what verification shows."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet

from ambassadors.certificates.models import Certificate, CertificateFile, MissionStatementDocument
from ambassadors.certificates.numbering import number_parse
from ambassadors.models import Ambassador, Cohort, Module, ModuleCompletion
from weltstadt.models import OutgoingMail


@dataclass
class Candidate:
    ambassador: Ambassador
    missing: list[Module] = field(default_factory=list)

    @property
    def certificate(self) -> Certificate | None:
        return getattr(self.ambassador, "certificate", None)

    @property
    def is_eligible(self) -> bool:
        return not self.missing and self.certificate is None


def award_candidates(*, cohort: Cohort) -> list[Candidate]:
    """Every ambassador of the cohort with the required modules they still miss (3 queries)."""
    required = list(Module.objects.filter(cohort=cohort, required=True).order_by("order", "pk"))
    done: dict[int, set[int]] = {}
    for ambassador_id, module_id in ModuleCompletion.objects.filter(
        ambassador__cohort=cohort, module__in=required
    ).values_list("ambassador_id", "module_id"):
        done.setdefault(ambassador_id, set()).add(module_id)
    ambassadors = (
        Ambassador.objects.filter(cohort=cohort)
        .exclude(status=Ambassador.Status.INACTIVE)
        .select_related("user", "certificate")
        .order_by("user__name", "pk")
    )
    return [
        Candidate(
            ambassador=a,
            missing=[m for m in required if m.pk not in done.get(a.pk, set())],
        )
        for a in ambassadors
    ]


def missing_modules(*, ambassador: Ambassador) -> list[Module]:
    completed = ModuleCompletion.objects.filter(ambassador=ambassador).values("module_id")
    return list(
        Module.objects.filter(cohort_id=ambassador.cohort_id, required=True)
        .exclude(pk__in=completed)
        .order_by("order", "pk")
    )


def certificates_of_cohort(cohort: Cohort) -> QuerySet[Certificate]:
    return Certificate.objects.filter(ambassador__cohort=cohort)


def certificates_with_current_file(queryset: QuerySet[Certificate]) -> QuerySet[Certificate]:
    """Annotate `is_rendered`: the current version has its PDF."""
    current = CertificateFile.objects.filter(
        certificate=OuterRef("pk"), version=OuterRef("version")
    )
    return queryset.annotate(is_rendered=Exists(current))


@dataclass
class AwardProgress:
    total: int
    rendered: int
    mailed: int

    @property
    def is_done(self) -> bool:
        return self.rendered == self.total and self.mailed == self.total

    @property
    def percent(self) -> int:
        # rendering and mailing count half each
        if not self.total:
            return 100
        return round(50 * (self.rendered + self.mailed) / self.total)

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "rendered": self.rendered,
            "mailed": self.mailed,
            "percent": self.percent,
            "done": self.is_done,
        }


def award_progress(*, cohort: Cohort) -> AwardProgress:
    """How many of the cohort's valid certificates are rendered and mailed (current version)."""
    certificates = certificates_with_current_file(
        certificates_of_cohort(cohort).filter(status=Certificate.Status.VALID)
    ).values_list("pk", "version", "is_rendered")
    rows = list(certificates)
    keys = [f"ambassadors:certificate:{pk}:v{version}" for pk, version, _r in rows]
    mailed = OutgoingMail.objects.filter(
        idempotency_key__in=keys, status=OutgoingMail.Status.SENT
    ).count()
    return AwardProgress(
        total=len(rows), rendered=sum(1 for *_x, rendered in rows if rendered), mailed=mailed
    )


def certificate_for_code(code: str) -> Certificate | None:
    """The certificate a verification code, or the certificate number printed in large type,
    belongs to, or None."""
    if not code or len(code) > 40:
        return None
    certificate = Certificate.objects.filter(code=code).select_related("ambassador").first()
    number = number_parse(code)
    if certificate is None and number:
        certificate = Certificate.objects.filter(number=number).select_related("ambassador").first()
    return certificate


def certificate_current_file(certificate: Certificate) -> CertificateFile | None:
    return certificate.files.filter(version=certificate.version).first()


def mission_document_for(*, statement_id: int, ambassador: Ambassador):
    return MissionStatementDocument.objects.filter(
        statement_id=statement_id, ambassador=ambassador
    ).first()
