"""One of everything the API publishes, each with private data beside it, for the API tests.

`api_world(n)` adds a complete, distinct set (call it again with another n for more rows): public
rows the API must show, and private things it must never show (e-mail addresses, link tokens,
phone and supervision of offices, an undecided funding request's amount, drafts, unpublished
highlights), whose values are listed in PRIVATE_MARKS.
"""

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from masterplan.models import InvestmentTarget, LocalDataset, ObjectiveLink
from newsletter.models import Subscriber
from offices.models import FundingRequest, Office
from summits.models import Declaration, Delegation, FollowUpAction, Summit
from tests.factories import CityFactory, NetworkFactory, PartnershipFactory, UserFactory
from tests.masterplan.factories import (
    AreaFactory,
    InvitationFactory,
    ObjectiveFactory,
    PlanFactory,
    StrategyFactory,
    WorkshopFactory,
    adopt,
    indicator_with,
)
from tests.newsletter.factories import issue_make
from tests.offices.factories import ActivityReportFactory, BoardMemberFactory, OfficeFactory
from tests.summits.factories import (
    RegistrationFactory,
    SessionFactory,
    SpeakerFactory,
    SummitFactory,
)

UNDECIDED_AMOUNT = Decimal("987654.32")
PRIVATE_MARKS = [
    "DRAFT-SUMMIT",
    "DRAFT-ACTION",
    "DRAFT-OBJECTIVE",
    "DRAFT-ISSUE",
    "UNPUBLISHED-HIGHLIGHT",
    "PRIVATE-PHONE",
    "PRIVATE-UNIT",
    "PRIVATE-PARTICIPANT",
    "PRIVATE-HEAD",
    "PRIVATE-PURPOSE",
    "987654.32",
    "987654,32",
]


def api_world(n: int = 0) -> dict:
    tag = f"w{n}"
    city = CityFactory(name=f"Partnerstadt {tag}", country="DE")
    partnership = PartnershipFactory(partner=city, note_de=f"Nur auf Deutsch {tag}")
    network = NetworkFactory(name=f"Netzwerk {tag}", description_de="Beschreibung")
    network.members.add(city, partnership.city)

    office = OfficeFactory(
        slug=f"office-{tag}",
        phone="PRIVATE-PHONE",
        supervising_unit="PRIVATE-UNIT",
        website="https://office.example.org/",
        status=Office.Status.ACTIVE,
    )
    OfficeFactory(slug=f"planned-{tag}", status=Office.Status.PLANNED)
    board_user = UserFactory(email=f"board-{tag}@example.org")
    BoardMemberFactory(office=office, user=board_user, email=f"board-mail-{tag}@example.org")
    ActivityReportFactory(office=office, highlight="A published highlight")
    ActivityReportFactory(
        office=office, highlight="UNPUBLISHED-HIGHLIGHT", highlight_published=False
    )
    FundingRequest.objects.create(
        office=office,
        year=2026,
        purpose="PRIVATE-PURPOSE",
        currency="EUR",
        amount_requested=UNDECIDED_AMOUNT,
    )

    summit = SummitFactory(slug=f"summit-{tag}", host_city=city)
    speaker = SpeakerFactory(name=f"Speaker {tag}", bio_de="Bio", city=city)
    session = SessionFactory(summit=summit)
    session.speakers.add(speaker)
    Declaration.objects.create(
        summit=summit, title="Erklärung", text="Text", adopted_on=summit.start_date
    )
    RegistrationFactory(summit=summit, name="PRIVATE-PARTICIPANT", city=city)
    Delegation.objects.create(
        summit=summit,
        city=city,
        head_name="PRIVATE-HEAD",
        head_email=f"head-{tag}@example.org",
        head_language="de",
    )
    action = FollowUpAction.objects.create(
        summit=summit, what_de=f"Aktion {tag}", owner_city=city, due_date=datetime.date(2026, 6, 1)
    )
    draft = SummitFactory(slug=f"draft-{tag}", title_de="DRAFT-SUMMIT", status=Summit.Status.DRAFT)
    FollowUpAction.objects.create(summit=draft, what_de="DRAFT-ACTION", owner_city=city)

    plan = PlanFactory()
    objective = ObjectiveFactory(strategy=StrategyFactory(area=AreaFactory(plan=plan)))
    indicator_with(objective, baseline=10, targets={2024: 20}, measurements={2022: 15})
    indicator_with(objective, baseline=5, targets={}, measurements={}, direction="down")
    ObjectiveLink.objects.create(
        objective=objective,
        content_type=ContentType.objects.get_for_model(FollowUpAction),
        object_id=action.pk,
        note="Serves it",
    )
    InvestmentTarget.objects.create(
        plan=plan,
        title_de=f"Investition {tag}",
        sector=InvestmentTarget.Sector.ENERGY,
        target_countries=["DE", "NL"],
        amount=Decimal("1000000"),
        year=2023,
    ).target_cities.add(city)
    adopt(plan)
    draft_plan = PlanFactory()
    ObjectiveFactory(
        strategy=StrategyFactory(area=AreaFactory(plan=draft_plan)), title_de="DRAFT-OBJECTIVE"
    )
    dataset = LocalDataset.objects.create(
        key=f"data-{tag}", title_de="Bevölkerung", source="TÜİK", unit_de="Personen"
    )
    dataset.values.create(year=2020, value=Decimal("4394694"))

    issue = issue_make(number=100 + n, status="sent", published_at=timezone.now())
    issue_make(number=200 + n, languages=["tr"], title_de="DRAFT-ISSUE")
    Subscriber.objects.create(email=f"reader-{tag}@example.org", language="de")
    InvitationFactory(plan=plan, email=f"expert-{tag}@example.org")
    workshop = WorkshopFactory(plan=draft_plan)
    workshop.participants.create(name="PRIVATE-PARTICIPANT", email=f"ws-{tag}@example.org")
    return {
        "city": city,
        "partnership": partnership,
        "network": network,
        "office": office,
        "summit": summit,
        "action": action,
        "plan": plan,
        "objective": objective,
        "dataset": dataset,
        "issue": issue,
    }
