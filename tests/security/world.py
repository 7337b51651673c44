"""A small portal with one of everything a visitor or member can reach, for the attack tests.

alice is an ambassador and chairs an office board, and holds a certificate; bob is the same on
his side (another cohort, another office): every member URL of alice's has a twin of bob's, so a
test can ask for alice's things as bob. A summit takes registrations, a plan takes ballots and
expert comments, the bulletin has a subscriber and a published issue.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from ambassadors.certificates.models import Certificate
from offices.models import AnnualReport, FundingRequest, OfficeDocument
from tests.ambassadors.factories import (
    ActivityFactory,
    AmbassadorFactory,
    CohortFactory,
    EvidenceFactory,
    MissionStatementFactory,
    ModuleFactory,
    PersonalGoalFactory,
)
from tests.factories import UserFactory
from tests.masterplan.factories import (
    AreaFactory,
    InvitationFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    WorkshopFactory,
    adopt,
)
from tests.newsletter.factories import issue_make
from tests.offices.factories import ActivityReportFactory, BoardMemberFactory, OfficeFactory
from tests.summits.factories import RegistrationFactory, SessionFactory, SummitFactory


@dataclass
class Member:
    user: object
    ambassador: object
    office: object
    objects: dict = field(default_factory=dict)


def _member(email: str, name: str, year: int, slug: str, number: str) -> Member:
    user = UserFactory(email=email, name=name)
    cohort = CohortFactory(year=year, title=f"Cohort {year} {slug}")
    module = ModuleFactory(cohort=cohort, kind="implementation")
    ambassador = AmbassadorFactory(user=user, cohort=cohort)
    evidence = EvidenceFactory(ambassador=ambassador, module=module)
    evidence.document.save("proof.pdf", ContentFile(b"%PDF-1.4 proof"), save=True)
    activity = ActivityFactory(ambassador=ambassador)
    goal = PersonalGoalFactory(ambassador=ambassador, year=year)
    certificate = Certificate.objects.create(
        ambassador=ambassador,
        year=year,
        sequence=int(number[-3:]),
        number=number,
        code=f"code-{slug}-0123456789",
        holder_name=name,
        awarded_on=datetime.date(year, 6, 1),
        signatory_name="Cemil Tugay",
        signatory_title="Mayor of İzmir",
    )
    office = OfficeFactory(slug=f"office-{slug}", name=f"İzmir Office {slug}")
    BoardMemberFactory(office=office, user=user, name=name, role="chair")
    document = OfficeDocument.objects.create(
        office=office,
        kind=OfficeDocument.Kind.choices[0][0],
        title=f"Statutes {slug}",
        original_name="statutes.pdf",
        size=10,
        file=ContentFile(b"%PDF-1.4 x", name="statutes.pdf"),
    )
    funding = FundingRequest.objects.create(
        office=office, year=year, purpose="Rent", currency="EUR", amount_requested=1000
    )
    report = AnnualReport.objects.create(
        office=office, year=year, deadline=datetime.date(year + 1, 3, 31)
    )
    report.financial_report.save("finance.pdf", ContentFile(b"%PDF-1.4 f"), save=True)
    highlight = ActivityReportFactory(office=office, submitted_by=user)
    return Member(
        user=user,
        ambassador=ambassador,
        office=office,
        objects={
            "module": module,
            "evidence": evidence,
            "activity": activity,
            "goal": goal,
            "certificate": certificate,
            "document": document,
            "funding": funding,
            "report": report,
            "highlight": highlight,
            "year": year,
        },
    )


@dataclass
class World:
    alice: Member
    bob: Member
    summit: object
    registration: object
    delegation: object
    plan: object
    objective: object
    workshop: object
    participant: object
    invitation: object
    comment: object
    issue: object
    subscriber: object
    session: object


def build_world() -> World:
    from masterplan.services.plan import plan_status_change
    from newsletter.models import Subscriber
    from summits.models import Delegation

    MissionStatementFactory(year=2026)
    MissionStatementFactory(year=2025, title="Mission statement 2025")
    alice = _member("alice@example.org", "Alice Arslan", 2026, "alice", "2026-001")
    bob = _member("bob@example.org", "Bob Becker", 2025, "bob", "2025-002")
    summit = SummitFactory()
    session = SessionFactory(summit=summit)
    registration = RegistrationFactory(summit=summit)
    delegation = Delegation.objects.create(
        summit=summit,
        city=summit.host_city,
        head_name="Head",
        head_email="head@example.org",
        head_language="de",
    )
    adopted = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=adopted)))
    adopt(adopted)
    plan = PlanFactory()
    area = AreaFactory(plan=plan)
    plan_status_change(plan=plan, to=plan.Status.CONSULTATION, by=None, summary="c")
    workshop = WorkshopFactory(plan=plan)
    participant = workshop.participants.create(name="P", organisation="Org")
    invitation = InvitationFactory(plan=plan)
    comment = invitation.comments.create(area=area, text="A first comment")
    issue = issue_make(number=1, status="sent", published_at=timezone.now())
    subscriber = Subscriber.objects.create(email="reader@example.org", language="de")
    return World(
        alice=alice,
        bob=bob,
        summit=summit,
        registration=registration,
        delegation=delegation,
        plan=plan,
        objective=objective,
        workshop=workshop,
        participant=participant,
        invitation=invitation,
        comment=comment,
        issue=issue,
        subscriber=subscriber,
        session=session,
    )


def member_urls(member: Member) -> dict[str, str]:
    """Every member URL of `member`'s own things, by URL name."""
    o, office = member.objects, member.office.pk
    return {
        "ambassadors:progress": reverse("ambassadors:progress"),
        "ambassadors:evidence_new": reverse("ambassadors:evidence_new", args=[o["module"].pk]),
        "ambassadors:evidence_document": reverse(
            "ambassadors:evidence_document", args=[o["evidence"].pk]
        ),
        "ambassadors:profile": reverse("ambassadors:profile"),
        "ambassadors:activities": reverse("ambassadors:activities"),
        "ambassadors:activity_edit": reverse("ambassadors:activity_edit", args=[o["activity"].pk]),
        "ambassadors:mission_list": reverse("ambassadors:mission_list"),
        "ambassadors:mission_detail": reverse("ambassadors:mission_detail", args=[o["year"]]),
        "ambassadors:goal_report": reverse("ambassadors:goal_report", args=[o["goal"].pk]),
        "ambassadors:documents": reverse("ambassadors:documents"),
        "ambassadors:certificate_pdf": reverse(
            "ambassadors:certificate_pdf", args=[o["certificate"].pk]
        ),
        "ambassadors:mission_pdf": reverse("ambassadors:mission_pdf", args=[o["year"]]),
        "ambassadors:credential": reverse(
            "ambassadors:credential", args=[o["certificate"].pk, "json"]
        ),
        "offices:board_home": reverse("offices:board_home"),
        "offices:board_office": reverse("offices:board_office", args=[office]),
        "offices:board_document_upload": reverse("offices:board_document_upload", args=[office]),
        "offices:board_document": reverse(
            "offices:board_document", args=[office, o["document"].pk]
        ),
        "offices:board_request_new": reverse("offices:board_request_new", args=[office]),
        "offices:board_request": reverse("offices:board_request", args=[office, o["funding"].pk]),
        "offices:board_request_edit": reverse(
            "offices:board_request_edit", args=[office, o["funding"].pk]
        ),
        "offices:board_request_withdraw": reverse(
            "offices:board_request_withdraw", args=[office, o["funding"].pk]
        ),
        "offices:board_annual_report": reverse("offices:board_annual_report", args=[office]),
        "offices:board_annual_report_file": reverse(
            "offices:board_annual_report_file", args=[office, o["report"].pk]
        ),
        "offices:board_activity_new": reverse("offices:board_activity_new", args=[office]),
        "offices:board_activity_file": reverse(
            "offices:board_activity_file", args=[office, o["highlight"].pk]
        ),
        "offices:board_activity_highlight": reverse(
            "offices:board_activity_highlight", args=[office, o["highlight"].pk]
        ),
        "member_home": reverse("member_home"),
    }


def public_urls(world: World) -> dict[str, str]:
    """Every public URL of the language-prefixed site, by URL name."""
    from newsletter.tokens import confirm_token, link_token

    summit = world.summit.slug
    sub = world.subscriber.token.hex
    member = world.delegation.registrations.order_by("pk").first()
    member_pk = member.pk if member else world.registration.pk
    plan = world.objective.strategy.area.plan_id
    return {
        "home": reverse("home"),
        "csrf_token": reverse("csrf_token"),
        "about": reverse("about"),
        "partners": reverse("partners"),
        "networks": reverse("networks"),
        "open_data": reverse("open_data"),
        "dcat_jsonld": reverse("dcat_jsonld"),
        "dcat_turtle": reverse("dcat_turtle"),
        "search:results": reverse("search:results"),
        "imprint": reverse("imprint"),
        "privacy": reverse("privacy"),
        "ambassadors:index": reverse("ambassadors:index"),
        "ambassadors:application_thanks": reverse("ambassadors:application_thanks"),
        "ambassadors:directory": reverse("ambassadors:directory"),
        "offices:index": reverse("offices:index"),
        "offices:detail": reverse("offices:detail", args=[world.alice.office.slug]),
        "newsletter:index": reverse("newsletter:index"),
        "newsletter:feed": reverse("newsletter:feed"),
        "newsletter:issue": reverse("newsletter:issue", args=[world.issue.number]),
        "newsletter:article": reverse(
            "newsletter:article", args=[world.issue.number, world.issue.articles.first().pk]
        ),
        "newsletter:subscribe": reverse("newsletter:subscribe"),
        "newsletter:subscribe_done": reverse("newsletter:subscribe_done"),
        "newsletter:confirm": reverse("newsletter:confirm", args=[confirm_token(sub)]),
        "newsletter:unsubscribe": reverse("newsletter:unsubscribe", args=[link_token(sub)]),
        "newsletter:preferences": reverse("newsletter:preferences", args=[link_token(sub)]),
        "newsletter:webhook_bounces": reverse("newsletter:webhook_bounces", args=["0" * 40]),
        "summits:index": reverse("summits:index"),
        "summits:registration_manage": reverse(
            "summits:registration_manage", args=[world.registration.manage_token]
        ),
        "summits:registration_cancel": reverse(
            "summits:registration_cancel", args=[world.registration.manage_token]
        ),
        "summits:delegation_manage": reverse(
            "summits:delegation_manage", args=[world.delegation.token]
        ),
        "summits:registration_confirm": reverse(
            "summits:registration_confirm", args=[world.registration.manage_token]
        ),
        "summits:delegation_confirm": reverse(
            "summits:delegation_confirm", args=[world.delegation.token]
        ),
        "summits:delegation_member": reverse(
            "summits:delegation_member", args=[world.delegation.token, member_pk]
        ),
        "summits:delegation_member_remove": reverse(
            "summits:delegation_member_remove", args=[world.delegation.token, member_pk]
        ),
        "summits:register_sent": reverse("summits:register_sent", args=[summit]),
        "masterplan:plan": reverse("masterplan:plan", args=[plan]),
        "masterplan:plan_changes": reverse("masterplan:plan_changes", args=[plan]),
        "summits:detail": reverse("summits:detail", args=[summit]),
        "summits:programme": reverse("summits:programme", args=[summit]),
        "summits:summit_ics": reverse("summits:summit_ics", args=[summit]),
        "summits:session_ics": reverse("summits:session_ics", args=[summit, world.session.pk]),
        "summits:declaration_pdf": reverse("summits:declaration_pdf", args=[summit]),
        "summits:register": reverse("summits:register", args=[summit]),
        "summits:register_delegation": reverse("summits:register_delegation", args=[summit]),
        "masterplan:index": reverse("masterplan:index"),
        "masterplan:dashboard": reverse("masterplan:dashboard"),
        "masterplan:dashboard_csv": reverse("masterplan:dashboard_csv"),
        "masterplan:objective": reverse("masterplan:objective", args=[world.objective.pk]),
        "masterplan:investments": reverse("masterplan:investments"),
        "masterplan:local_data": reverse("masterplan:local_data"),
        "masterplan:pdf_request": reverse("masterplan:pdf_request"),
        "masterplan:pdf_export": reverse("masterplan:pdf_export", args=[1]),
        "masterplan:workshop": reverse("masterplan:workshop", args=[world.workshop.pk]),
        "masterplan:ballot": reverse("masterplan:ballot", args=[world.participant.token]),
        "masterplan:expert_home": reverse("masterplan:expert_home", args=[world.invitation.token]),
        "masterplan:expert_comment_edit": reverse(
            "masterplan:expert_comment_edit", args=[world.invitation.token, world.comment.pk]
        ),
        "masterplan:consultation_summary": reverse(
            "masterplan:consultation_summary", args=[world.plan.pk]
        ),
        "verify:form": reverse("verify:form"),
        "verify:detail": reverse("verify:detail", args=[world.alice.objects["certificate"].code]),
        "verify:credential": reverse("verify:credential"),
        "credentials:issuer": reverse("credentials:issuer"),
        "credentials:jwks": reverse("credentials:jwks"),
        "credentials:key": reverse("credentials:key", args=[settings.CREDENTIAL_KEYS[0]["kid"]]),
        "credentials:status_list": reverse("credentials:status_list"),
        "credentials:achievement": reverse(
            "credentials:achievement", args=[world.alice.objects["year"], "tr"]
        ),
        **api_urls(world),
    }


def api_urls(world: World) -> dict[str, str]:
    """The open-data API (not language-prefixed): every list, a detail of each, the schema and
    its documentation pages."""
    from api.urls import router

    details = {
        "cities": world.summit.host_city_id,
        "partnerships": 1,
        "networks": 1,
        "offices": world.alice.office.slug,
        "summits": world.summit.slug,
        "bulletin-issues": world.issue.number,
        "plan-areas": world.objective.strategy.area_id,
        "objectives": world.objective.pk,
        "indicators": 1,
        "investment-targets": 1,
        "local-datasets": "no-such-data",
        "follow-up-actions": 1,
    }
    urls = {
        "api:api-root": reverse("api:api-root"),
        "api:schema": reverse("api:schema"),
        "api:docs": reverse("api:docs"),
        "api:redoc": reverse("api:redoc"),
    }
    for _prefix, _viewset, basename in router.registry:
        urls[f"api:{basename}-list"] = reverse(f"api:{basename}-list")
        urls[f"api:{basename}-detail"] = reverse(f"api:{basename}-detail", args=[details[basename]])
    return urls
