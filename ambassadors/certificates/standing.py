"""Whether someone holds the title now: the one answer every page, PDF, mail, directory and
admin asks. The revocation service (`services.certificate_revoke`) decides what a revocation
changes; this module only reads its outcome.

A person holds the title when their record is an active ambassador and no certificate of theirs
is revoked. A revoked title takes them out of the directory, off the mission-statement PDF's
"Ambassador of the City of İzmir", and shows "Title revoked" wherever the status is shown.
"""

from django.db.models import Q, QuerySet

from ambassadors.certificates.models import Certificate
from ambassadors.certificates.titles import title_for
from ambassadors.models import Ambassador

_NOT_REVOKED = ~Q(certificate__status=Certificate.Status.REVOKED)


def holds_title(ambassador: Ambassador) -> bool:
    if ambassador.status != Ambassador.Status.ACTIVE:
        return False
    certificate = Certificate.objects.filter(ambassador=ambassador).only("status").first()
    return certificate is None or certificate.is_valid


def title_holders(queryset: QuerySet[Ambassador]) -> QuerySet[Ambassador]:
    """Only those of `queryset` who hold the title now (one query, whatever the row count)."""
    return queryset.filter(_NOT_REVOKED, status=Ambassador.Status.ACTIVE)


def held_title(ambassador: Ambassador):
    """The title in the person's form of address if they hold it now, else None."""
    return title_for(ambassador.form_of_address) if holds_title(ambassador) else None
